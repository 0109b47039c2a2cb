/**
 * 主动公开 review workflow through the API on both engines: drafting, the three default stages with the Art. 17
 * confidentiality confirmation and four-eyes, returns, publication with 索引号 and Art. 26 working days, search in
 * the same transaction, scheduled publication, withdrawal and correction traces, the ledger and its export.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPublicationScheduler } from '../../src/infra/publication-scheduler.js';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const ENGINES = await testEngines();

describe.each(ENGINES)('publication workflow on %s', (engine) => {
  let t: TestApp;
  let fgj: string;
  let zcwj: string;
  let drafter: Client;
  let r1: Client;
  let r2: Client;
  let head: Client;
  let otherReviewer: Client;
  let code: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    fgj = await t.unitId('fgj');
    drafter = await t.clientWithRole('pubdraft', 'infoOfficer', 'fgj');
    r1 = await t.clientWithRole('pubr1', 'reviewer', 'fgj');
    r2 = await t.clientWithRole('pubr2', 'reviewer', 'fgj');
    head = await t.clientWithRole('pubhead', 'officeAdmin', 'anlan', 'zfb');
    otherReviewer = await t.clientWithRole('pubr3', 'reviewer', 'jyj');
    const cols = (await drafter.get(`/api/v1/units/${fgj}/columns`)).json().items as { id: string; code: string }[];
    zcwj = cols.find((c) => c.code === 'zcwj')!.id;
    code = (await t.rt.deps.store.read((r) => r.units.get(fgj)))!.code!;
  });
  afterAll(async () => t?.close());

  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const draft = async (over: Record<string, unknown> = {}) => {
    const res = await drafter.post('/api/v1/publications/items', {
      unitId: fgj, columnId: zcwj, title: '安澜市发展和改革局关于做好2026年价格监测工作的通知', summary: '部署全年价格监测工作。',
      bodyHtml: '<p>各有关单位：</p><p>现就做好价格监测工作通知如下。</p>', publisher: '安澜市发展和改革局', docNumber: '安发改〔2026〕3号',
      createdOn: today(), subject: '国民经济管理、国有资产监管\\物价', genre: '通知', keywords: ['价格监测'], ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; status: string };
  };
  const approveAll = async (id: string) => {
    expect((await drafter.post(`/api/v1/publications/items/${id}/submit`)).statusCode).toBe(200);
    expect((await r1.post(`/api/v1/publications/items/${id}/approve`, { confidentialityConfirmed: true })).statusCode).toBe(200);
    expect((await r2.post(`/api/v1/publications/items/${id}/approve`, {})).statusCode).toBe(200);
    const fin = await head.post(`/api/v1/publications/items/${id}/approve`, {});
    expect(fin.statusCode, fin.body).toBe(200);
    return fin.json();
  };

  it('goes through 初审 → 复审 → 终审 with the confidentiality confirmation and four-eyes, then is published and searchable', async () => {
    const item = await draft();
    expect(item.status).toBe('draft');
    expect((await drafter.post(`/api/v1/publications/items/${item.id}/submit`)).json().item).toMatchObject({ status: 'inReview', stage: 1 });

    // Stage 1 refuses without the Art. 17 confirmation, and refuses the wrong role.
    const noConf = await r1.post(`/api/v1/publications/items/${item.id}/approve`, {});
    expect(noConf.statusCode).toBe(400);
    expect(noConf.json().error.message).toContain('保密审查');
    expect((await head.post(`/api/v1/publications/items/${item.id}/approve`, { confidentialityConfirmed: true })).statusCode).toBe(403);
    expect((await r1.post(`/api/v1/publications/items/${item.id}/approve`, { confidentialityConfirmed: true, comment: '同意' })).json().item.stage).toBe(2);

    // Four-eyes: the 初审 reviewer cannot also do 复审.
    const twice = await r1.post(`/api/v1/publications/items/${item.id}/approve`, {});
    expect(twice.statusCode).toBe(403);
    expect(twice.json().error.message).toContain('同一人不能审核两个环节');
    expect((await r2.post(`/api/v1/publications/items/${item.id}/approve`, { comment: '复核无误' })).json().item.stage).toBe(3);
    expect((await r2.post(`/api/v1/publications/items/${item.id}/approve`, {})).statusCode).toBe(403);

    const fin = (await head.post(`/api/v1/publications/items/${item.id}/approve`, { comment: '同意发布' })).json().item;
    const year = today().slice(0, 4);
    expect(fin.status).toBe('published');
    expect(fin.indexNumber).toMatch(new RegExp(`^${code}/${year}-\\d{5}$`));
    expect(fin.publishedOn).toBe(today());
    expect(fin.workingDays).toBe(0);
    expect(fin.timeLimitDays).toBe(20);

    const found = await t.rt.deps.store.read((r) => r.searchIndex.search({ text: '价格监测', unitIds: [fgj], offset: 0, limit: 10 }));
    expect(found.hits.map((h) => h.itemId)).toContain(item.id);
    const portalList = await t.rt.deps.store.read((r) => r.publications.listPublished({ columnId: zcwj, offset: 0, limit: 5 }));
    expect(portalList.items[0]?.id).toBe(item.id);

    const ledger = (await head.get(`/api/v1/publications/ledger?itemId=${item.id}`)).json();
    const steps = ledger.rows.map((e: { action: string; stageName: string | null; actorName: string; confidentialityConfirmed: boolean }) => [e.action, e.stageName, e.actorName, e.confidentialityConfirmed]).reverse();
    expect(steps).toEqual([
      ['create', null, '测试pubdraft', false], ['submit', null, '测试pubdraft', false], ['approve', '初审', '测试pubr1', true],
      ['approve', '复审', '测试pubr2', false], ['approve', '终审', '测试pubhead', false], ['publish', null, '测试pubhead', false],
    ]);
    const audit = (await t.admin.get(`/api/v1/audit?entityId=${item.id}&limit=50`)).json();
    const actions = (audit.items ?? audit).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['publication.create', 'publication.submit', 'publication.approve', 'publication.publish']));
  });

  it('a return sends the item back to the drafter with the comment; resubmission starts again at 初审', async () => {
    const item = await draft({ title: '关于征集2027年重大建设项目的通知' });
    await drafter.post(`/api/v1/publications/items/${item.id}/submit`);
    await r1.post(`/api/v1/publications/items/${item.id}/approve`, { confidentialityConfirmed: true });
    expect((await r2.post(`/api/v1/publications/items/${item.id}/return`, {})).statusCode).toBe(400);
    const back = await r2.post(`/api/v1/publications/items/${item.id}/return`, { comment: '请补充附件' });
    expect(back.json()).toMatchObject({ status: 'draft', stage: null });
    const detail = (await drafter.get(`/api/v1/publications/items/${item.id}`)).json();
    expect(detail.events.at(-1)).toMatchObject({ action: 'return', comment: '请补充附件', stageName: '复审' });
    expect(detail.can.edit).toBe(true);
    expect((await drafter.put(`/api/v1/publications/items/${item.id}`, { ...detail.item, title: '关于征集2027年重大建设项目的通知（修订）' })).statusCode).toBe(200);
    expect((await drafter.post(`/api/v1/publications/items/${item.id}/submit`)).json().item.stage).toBe(1);
    // After resubmission, the earlier round's approvals do not count against four-eyes.
    expect((await r1.post(`/api/v1/publications/items/${item.id}/approve`, { confidentialityConfirmed: true })).statusCode).toBe(200);
  });

  it('the inbox lists what each reviewer can act on; other units get 404', async () => {
    const item = await draft({ title: '待审信息收件箱测试' });
    await drafter.post(`/api/v1/publications/items/${item.id}/submit`);
    const ids = async (c: Client) => (await c.get('/api/v1/publications/items?inbox=true&limit=200')).json().items.map((i: { id: string }) => i.id);
    expect(await ids(r1)).toContain(item.id);
    expect(await ids(head)).not.toContain(item.id);
    expect(await ids(otherReviewer)).not.toContain(item.id);
    expect((await otherReviewer.get(`/api/v1/publications/items/${item.id}`)).statusCode).toBe(404);
    expect((await otherReviewer.post(`/api/v1/publications/items/${item.id}/approve`, { confidentialityConfirmed: true })).statusCode).toBe(404);
  });

  it('missing metadata blocks submission with a Chinese list of what to fix', async () => {
    const item = await draft({ subject: null, genre: null, title: '缺少分类的信息' });
    const res = await drafter.post(`/api/v1/publications/items/${item.id}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/缺少主题分类.*缺少体裁分类/);
    expect((await drafter.get(`/api/v1/publications/items/${item.id}`)).json().item.status).toBe('draft');
  });

  it('scheduled publication: the final approval sets a time, the scheduler publishes once when it comes', async () => {
    const item = await draft({ title: '关于定时发布测试的公告', genre: '公告' });
    await drafter.post(`/api/v1/publications/items/${item.id}/submit`);
    await r1.post(`/api/v1/publications/items/${item.id}/approve`, { confidentialityConfirmed: true });
    await r2.post(`/api/v1/publications/items/${item.id}/approve`, {});
    const at = new Date(Date.now() + 1200).toISOString();
    const s = (await head.post(`/api/v1/publications/items/${item.id}/approve`, { publishAt: at })).json().item;
    expect(s).toMatchObject({ status: 'scheduled', indexNumber: null });
    const log = { info: () => {}, error: (o: object) => { throw new Error(JSON.stringify(o)); } };
    const a = startPublicationScheduler(t.rt.deps, log, { autoStart: false });
    const b = startPublicationScheduler(t.rt.deps, log, { autoStart: false });
    expect(await a.runOnce()).toBe(0);
    await new Promise((r) => setTimeout(r, 1300));
    // Two schedulers (two processes) race: the item is published exactly once.
    const [na, nb] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(na + nb).toBe(1);
    const after = (await drafter.get(`/api/v1/publications/items/${item.id}`)).json();
    expect(after.item.status).toBe('published');
    expect(after.item.indexNumber).toMatch(/-\d{5}$/);
    expect(after.events.filter((e: { action: string }) => e.action === 'publish')).toHaveLength(1);
  });

  it('withdrawal needs a reason and the final stage, keeps the 索引号 and leaves a notice; search drops it', async () => {
    const item = await draft({ title: '关于撤稿测试的通知' });
    const pub = await approveAll(item.id);
    expect((await drafter.post(`/api/v1/publications/items/${item.id}/withdrawal`, {})).statusCode).toBe(400);
    expect((await drafter.post(`/api/v1/publications/items/${item.id}/withdrawal`, { reason: '内容已过时，由新文件替代' })).statusCode).toBe(200);
    expect((await r1.post(`/api/v1/publications/items/${item.id}/withdrawal/approve`, {})).statusCode).toBe(403);
    const w = (await head.post(`/api/v1/publications/items/${item.id}/withdrawal/approve`, {})).json();
    expect(w).toMatchObject({ status: 'withdrawn', withdrawalReason: '内容已过时，由新文件替代', indexNumber: pub.item.indexNumber, publishedAt: pub.item.publishedAt });
    expect(w.withdrawnAt).toBeTruthy();
    const found = await t.rt.deps.store.read((r) => r.searchIndex.search({ text: '撤稿测试', offset: 0, limit: 10 }));
    expect(found.hits.map((h) => h.itemId)).not.toContain(item.id);
    const scan = await t.rt.deps.store.read((r) => r.publications.scanPublic(null, 1000));
    expect(scan.find((s) => s.id === item.id)?.status).toBe('withdrawn');
  });

  it('correction needs a reason and approval, changes the text, keeps 索引号 and 发布日期, and records when', async () => {
    const item = await draft({ title: '关于更正测试的通知' });
    const pub = (await approveAll(item.id)).item;
    expect((await drafter.post(`/api/v1/publications/items/${item.id}/correction`, { reason: '更正文号', changes: {} })).statusCode).toBe(400);
    expect((await drafter.post(`/api/v1/publications/items/${item.id}/correction`, { reason: '文号有误，更正为4号', changes: { docNumber: '安发改〔2026〕4号' } })).statusCode).toBe(200);
    const rej = (await head.post(`/api/v1/publications/items/${item.id}/correction/reject`, { comment: '请核实' })).json();
    expect(rej).toMatchObject({ pending: null, docNumber: '安发改〔2026〕3号', correctedAt: null });
    await drafter.post(`/api/v1/publications/items/${item.id}/correction`, { reason: '文号有误，更正为4号', changes: { docNumber: '安发改〔2026〕4号' } });
    const c = (await head.post(`/api/v1/publications/items/${item.id}/correction/approve`, {})).json();
    expect(c).toMatchObject({ status: 'published', docNumber: '安发改〔2026〕4号', correctionNote: '文号有误，更正为4号', indexNumber: pub.indexNumber, publishedAt: pub.publishedAt });
    expect(c.correctedAt).toBeTruthy();
  });

  it('exports the ledger as XLSX with formula-looking text neutralised', async () => {
    const item = await draft({ title: '=HYPERLINK("http://evil.example","点我")' });
    await drafter.post(`/api/v1/publications/items/${item.id}/submit`);
    await r1.post(`/api/v1/publications/items/${item.id}/return`, { comment: '+SUM(1,2)' });
    const res = await head.get(`/api/v1/publications/ledger.xlsx?unitId=${fgj}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('时间（北京时间）');
    const values: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain("'+SUM(1,2)");
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
  });

  it('timeliness: working days from 生成日期 to 发布日期, late items listed and counted per month', async () => {
    const old = await draft({ title: '超过时限发布的信息', createdOn: '2026-01-05' });
    const pub = (await approveAll(old.id)).item;
    expect(pub.workingDays).toBeGreaterThan(20);
    const y = today().slice(0, 4);
    const rep = (await head.get(`/api/v1/publications/timeliness?unitId=${fgj}&from=${y}-01-01&to=${y}-12-31`)).json();
    expect(rep.late.items.map((i: { id: string }) => i.id)).toEqual([old.id]);
    const month = rep.months.find((m: { month: string }) => m.month === today().slice(0, 7));
    expect(month.late).toBe(1);
    expect(month.count).toBeGreaterThanOrEqual(4);
    const bad = await head.get(`/api/v1/publications/timeliness?from=2026-13-01&to=${y}-12-31`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
