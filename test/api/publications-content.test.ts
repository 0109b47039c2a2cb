/**
 * What drafters send is cleaned before it is stored (stored XSS in title, body, metadata and attachment names),
 * attachments are judged by content (OFD must contain OFD.xml) and always served as downloads, and bad input is
 * refused with a Chinese 400 that changes nothing. The catalogue is seeded per unit and editable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';
import { multipart } from '../support/multipart.js';
import JSZip from 'jszip';

const ENGINES = await testEngines();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function zip(files: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [k, v] of Object.entries(files)) z.file(k, v);
  return z.generateAsync({ type: 'nodebuffer' });
}

describe.each(ENGINES)('publication content and catalogue on %s', (engine) => {
  let t: TestApp;
  let fgj: string;
  let drafter: Client;
  let columns: { id: string; code: string; name: string; parentId: string | null; timeLimitDays: number; freshnessDays: number | null }[];

  beforeAll(async () => {
    t = await buildTestApp(engine);
    fgj = await t.unitId('fgj');
    drafter = await t.clientWithRole('contentdraft', 'infoOfficer', 'fgj');
    columns = (await drafter.get(`/api/v1/units/${fgj}/columns`)).json().items;
  });
  afterAll(async () => t?.close());

  const col = (code: string) => columns.find((c) => c.code === code)!.id;
  const base = () => ({
    unitId: fgj, columnId: col('tzgg'), title: '关于开展2026年度统计执法检查的公告', summary: '', bodyHtml: '<p>正文</p>', publisher: '安澜市发展和改革局',
    createdOn: '2026-03-02', subject: '国民经济管理、国有资产监管\\统计', genre: '公告',
  });

  it('drops scripts, handlers, styles, javascript: links and foreign images from the body; keeps tables, lists and links', async () => {
    const body = [
      '<p onclick="alert(1)" style="color:red">各单位：<script>alert(document.cookie)</script></p>',
      '<table><tr><th colspan="2">项目</th></tr><tr><td>一</td><td onmouseover="x()">二</td></tr></table>',
      '<ul><li>第一项</li></ul><ol start="3"><li>第三项</li></ol>',
      '<a href="javascript:alert(1)">坏链接</a><a href="https://www.gov.cn/zhengce/">国务院政策</a><a href="/u/fgj/c/zcwj/">本站</a>',
      '<img src="https://evil.example/t.gif"><img src="data:image/png;base64,AAAA"><img src="/u/fgj/i/abc-1/files/def-2" alt="图" onerror="alert(1)">',
      '<iframe src="https://evil.example"></iframe><svg onload="alert(1)"></svg><style>body{display:none}</style><form><input></form>',
    ].join('');
    const res = await drafter.post('/api/v1/publications/items', { ...base(), bodyHtml: body });
    expect(res.statusCode, res.body).toBe(201);
    const stored = (await drafter.get(`/api/v1/publications/items/${res.json().id}`)).json().item.bodyHtml as string;
    expect(stored).not.toMatch(/<script|onclick|onmouseover|onerror|onload|style=|javascript:|<iframe|<svg|<style|<form|<input|evil\.example|data:image/i);
    expect(stored).toContain('<th colspan="2">项目</th>');
    expect(stored).toContain('<ol start="3">');
    expect(stored).toContain('<a href="https://www.gov.cn/zhengce/" rel="noopener noreferrer">国务院政策</a>');
    expect(stored).toContain('<a href="/u/fgj/c/zcwj/">本站</a>');
    expect(stored).toContain('<img src="/u/fgj/i/abc-1/files/def-2" alt="图" />');
    expect(stored).toContain('各单位：');
  });

  it('removes markup typed into title, summary and metadata fields', async () => {
    const res = await drafter.post('/api/v1/publications/items', {
      ...base(), title: '<img src=x onerror=alert(1)>关于<script>alert(1)</script>通知', summary: '<b onmouseover="x()">概述</b>',
      docNumber: '安发改〔2026〕<svg/onload=alert(1)>5号', publisher: '安澜市<iframe src=//evil>发改局', keywords: ['<a href="javascript:x">统计</a>'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const item = (await drafter.get(`/api/v1/publications/items/${res.json().id}`)).json().item;
    expect(item.title).toBe('关于alert(1)通知');
    expect(item.summary).toBe('概述');
    expect(item.docNumber).toBe('安发改〔2026〕5号');
    expect(item.publisher).toBe('安澜市发改局');
    expect(item.keywords).toEqual(['统计']);
  });

  it('refuses bad input with a Chinese 400 and stores nothing', async () => {
    const before = (await drafter.get(`/api/v1/publications/items?unitId=${fgj}&limit=200`)).json().total;
    for (const bad of [
      { ...base(), title: '' }, { ...base(), createdOn: '2026-02-30' }, { ...base(), columnId: col('fdzdgknr') },
      { ...base(), keywords: 'not-a-list' }, { ...base(), validity: 'maybe' }, { ...base(), title: '长'.repeat(201) },
    ]) {
      const res = await drafter.post('/api/v1/publications/items', bad);
      expect(res.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const notJson = await drafter.raw({ method: 'POST', url: '/api/v1/publications/items', payload: 'x', headers: { 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
    expect((await drafter.get(`/api/v1/publications/items?unitId=${fgj}&limit=200`)).json().total).toBe(before);
    const otherUnit = await drafter.post('/api/v1/publications/items', { ...base(), unitId: await t.unitId('jyj') });
    expect(otherUnit.statusCode).toBe(404);
  });

  it('attachments: type by content, OFD needs OFD.xml, names cleaned, text extracted, served only as downloads', async () => {
    const item = (await drafter.post('/api/v1/publications/items', base())).json();
    const up = (filename: string, content: Buffer) => drafter.raw({ method: 'POST', url: `/api/v1/publications/items/${item.id}/attachments`, ...multipart({ file: { filename, content } }) });
    const pdf = await up('<script>alert(1)</script>检查方案.pdf', PDF);
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json().filename).not.toMatch(/[<>]/);
    const ofd = await up('公告.ofd', await zip({ 'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>', 'Doc_0/Document.xml': '<x/>' }));
    expect(ofd.statusCode, ofd.body).toBe(201);
    const fakeOfd = await up('假的.ofd', await zip({ 'readme.txt': 'hello' }));
    expect(fakeOfd.statusCode).toBe(415);
    expect(fakeOfd.json().error.message).toContain('OFD');
    const html = await up('通知.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(415);
    expect((await up('脚本.html', Buffer.from('<html></html>'))).statusCode).toBe(415);

    const dl = await drafter.get(pdf.json().url);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    const detail = (await drafter.get(`/api/v1/publications/items/${item.id}`)).json();
    const names = detail.attachments.map((a: { filename: string }) => a.filename) as string[];
    expect(names).toHaveLength(2);
    expect(names.find((n) => n.endsWith('检查方案.pdf'))).not.toMatch(/[<>/]/);

    const xlsx = await (async () => {
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('名单').addRow(['姓名', '联系电话']).commit();
      wb.worksheets[0]!.addRow(['张三', '13912345678']);
      return Buffer.from(await wb.xlsx.writeBuffer());
    })();
    const sheet = await up('名单.xlsx', xlsx);
    expect(sheet.statusCode, sheet.body).toBe(201);
    const texts = await t.rt.deps.store.read((r) => r.publications.attachmentTexts(item.id));
    expect(texts.find((x) => x.attachmentId === sheet.json().id)?.text).toContain('13912345678');
    // The personal data found in the attachment's text blocks submission.
    const submit = await drafter.post(`/api/v1/publications/items/${item.id}/submit`);
    expect(submit.statusCode).toBe(400);
    expect(submit.json().error.message).toMatch(/发布前检查未通过/);
    expect((await drafter.del(`/api/v1/publications/items/${item.id}/attachments/${sheet.json().id}`)).statusCode).toBe(204);
    expect((await drafter.post(`/api/v1/publications/items/${item.id}/submit`)).statusCode).toBe(200);
    // Once in review, attachments are frozen.
    expect((await up('补充.pdf', PDF)).statusCode).toBe(409);
  });

  it('seeds each unit from the template: Art. 20 items for all, Art. 21 city/county or township lists', async () => {
    const codes = columns.map((c) => c.code);
    for (const c of ['xxgkzn', 'xxgkzd', 'fdzdgknr', 'gknb', 'zcwj', 'zcjd', 'gzdt', 'tzgg', 'fd20-01', 'fd20-15', 'fd21-01']) expect(codes).toContain(c);
    expect(codes).not.toContain('fd21x-01');
    const fd = columns.find((c) => c.code === 'fdzdgknr')!;
    expect(columns.filter((c) => c.parentId === fd.id && c.code.startsWith('fd20-'))).toHaveLength(15);
    expect(columns.find((c) => c.code === 'gzdt')).toMatchObject({ timeLimitDays: 20, freshnessDays: 14 });
    const township = (await t.admin.get(`/api/v1/units/${await t.unitId('shiqiao')}/columns`)).json().items.map((c: { code: string }) => c.code);
    expect(township).toContain('fd21x-07');
    expect(township).not.toContain('fd21-01');
    const created = await t.admin.post('/api/v1/units', { parentId: await t.unitId('anlan'), name: '安澜市统计局', type: 'department', level: 'county' });
    expect(created.statusCode, created.body).toBe(201);
    const fresh = (await t.admin.get(`/api/v1/units/${created.json().id}/columns`)).json().items;
    expect(fresh.length).toBe(columns.length);
  });

  it('the disclosure office edits columns, reorders, shares one with a level; drafters cannot', async () => {
    const gkb = await t.clientWithRole('cataloguegkb', 'officeAdmin', 'anlan', 'zfb');
    expect((await drafter.post(`/api/v1/units/${fgj}/columns`, { code: 'zxzx', name: '专项信息' })).statusCode).toBe(403);
    const bad = await gkb.post(`/api/v1/units/${fgj}/columns`, { code: '专项', name: '', timeLimitDays: 30 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const c = await gkb.post(`/api/v1/units/${fgj}/columns`, { code: 'yshj', name: '营商环境', timeLimitDays: 10, freshnessDays: 90 });
    expect(c.statusCode, c.body).toBe(201);
    expect((await gkb.post(`/api/v1/units/${fgj}/columns`, { code: 'yshj', name: '重复' })).statusCode).toBe(409);
    const top = (await gkb.get(`/api/v1/units/${fgj}/columns`)).json().items.filter((x: { parentId: string | null }) => !x.parentId).map((x: { id: string }) => x.id);
    const reordered = (await gkb.post(`/api/v1/units/${fgj}/columns/reorder`, { ids: [c.json().id, ...top.filter((id: string) => id !== c.json().id)] })).json().items;
    expect(reordered.filter((x: { parentId: string | null }) => !x.parentId)[0].code).toBe('yshj');
    const applied = (await gkb.post(`/api/v1/columns/${c.json().id}/apply-to-level`, { level: 'county' })).json();
    expect(applied.created).toBeGreaterThanOrEqual(3);
    const jyjCols = (await gkb.get(`/api/v1/units/${await t.unitId('jyj')}/columns`)).json().items;
    expect(jyjCols.find((x: { code: string }) => x.code === 'yshj')).toMatchObject({ name: '营商环境', timeLimitDays: 10, templateKey: 'yshj' });
    expect((await gkb.del(`/api/v1/columns/${col('fdzdgknr')}`)).statusCode).toBe(409);
    expect((await gkb.del(`/api/v1/columns/${c.json().id}`)).statusCode).toBe(204);
  });

  it('stage settings and code lists are validated and audited', async () => {
    const gkb = await t.login('cataloguegkb', 'Gongkai#2026test');
    const noConf = await gkb.put(`/api/v1/units/${fgj}/publication-settings`, { stages: [{ name: '终审', roles: ['officeAdmin'] }] });
    expect(noConf.statusCode).toBe(400);
    expect(JSON.stringify(noConf.json().error.fields)).toContain('保密审查');
    const ok = await gkb.put(`/api/v1/units/${fgj}/publication-settings`, { stages: [{ name: '初审', roles: ['reviewer'], confidentialityReview: true }, { name: '终审', roles: ['officeAdmin', 'reviewer'] }], indexSerialWidth: 6 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await drafter.get(`/api/v1/units/${fgj}/publication-settings`)).json().stages).toHaveLength(2);
    const subjects = (await drafter.get('/api/v1/publication-codes?list=subject')).json().items;
    expect(subjects.find((s: { code: string }) => s.code === '综合政务\\政务公开')).toMatchObject({ parentCode: '综合政务', name: '政务公开' });
    const genres = (await drafter.get('/api/v1/publication-codes?list=genre')).json().items.map((g: { code: string }) => g.code);
    expect(genres).toEqual(expect.arrayContaining(['决议', '命令（令）', '纪要', '统计数据', '新闻']));
    expect((await drafter.post('/api/v1/publication-codes', { list: 'genre', name: '白皮书' })).statusCode).toBe(403);
    const added = await gkb.post('/api/v1/publication-codes', { list: 'subject', name: '营商环境', parentCode: '综合政务' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().code).toBe('综合政务\\营商环境');
  });
});
