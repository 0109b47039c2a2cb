import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../src/domain/publications/manage-items.js';
import { cliActor } from '../../src/cli/common.js';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';
import { multipart } from '../support/multipart.js';

const ENGINES = await testEngines();
const ID = '11010519491231002X'; // valid GB 11643 check character; test data

describe.each(ENGINES)('checks before publication on %s', (engine) => {
  let t: TestApp;
  let officer: Client; // 信息员 of fgj
  let office: Client; // 公开办 of the city (officeAdmin, subtree)
  let fgj: string;
  let jyj: string;
  let city: string;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = await t.clientWithRole('chk.officer', 'infoOfficer', 'fgj');
    office = await t.clientWithRole('chk.office', 'officeAdmin', 'anlan');
    fgj = await t.unitId('fgj');
    jyj = await t.unitId('jyj');
    city = await t.unitId('anlan');
  }, 60_000);
  afterAll(() => t?.close());

  const check = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/publication-checks/check', { unitId: fgj, title: '', summary: '', bodyHtml: '', ...body });

  it('finds seeded phrases in title and body with positions into the body text, and their severities', async () => {
    const res = await check(officer, { title: '关于台湾政府有关表述的说明', bodyHtml: '<p>市国土资源局：</p><p>截止目前，设备已<strong>按装</strong>完毕。</p>' });
    expect(res.statusCode).toBe(200);
    const { findings, bodyText, blocking } = res.json();
    const byPhrase = (p: string) => findings.find((f: { excerpt: string; field: string; start: number; end: number }) => f.field !== 'title' ? bodyText.slice(f.start, f.end) === p : false);
    expect(findings[0]).toMatchObject({ kind: 'wording', field: 'title', severity: 'block', start: 2, end: 6 });
    expect(findings[0].message).toContain('台湾当局');
    expect(byPhrase('国土资源局')).toMatchObject({ severity: 'warn', kind: 'wording' });
    expect(byPhrase('截止目前').message).toContain('截至目前');
    expect(byPhrase('按装')).toBeDefined();
    expect(blocking).toBe(1);
  });

  it('finds personal data in the body and in attachment texts given with the draft, masked in the excerpt', async () => {
    const res = await check(officer, {
      bodyHtml: `<p>联系人：张某，电话 13912345678</p>`,
      attachments: [{ id: 'a1', filename: '名单.xlsx', text: `姓名\t身份证号\n李某\t${ID}` }],
    });
    const { findings } = res.json();
    expect(findings.map((f: { kind: string; field: string }) => `${f.kind}:${f.field}`)).toEqual(['personalData:body', 'personalData:attachment']);
    expect(findings[1]).toMatchObject({ attachmentId: 'a1', severity: 'block', ruleId: 'personalData.idCard' });
    expect(JSON.stringify(findings)).not.toContain(ID);
    expect(JSON.stringify(findings)).not.toContain('13912345678');
  });

  it('reports links to missing items (warn), unpublished items (warn) and missing attachments (block)', async () => {
    const columns = await t.rt.deps.store.read((r) => r.catalogue.columns(fgj));
    const column = columns.find((c) => c.acceptsItems)!;
    const draft = await createItem(t.rt.deps, cliActor('test'), fgj, { columnId: column.id, title: '草稿', publisher: '安澜市发展和改革局', createdOn: '2026-03-01' });
    const res = await check(officer, {
      bodyHtml: `<p>见<a href="/u/fgj/i/nosuchitem">旧文</a>、<a href="${t.rt.deps.publicUrl.replace(/\/$/, '')}/u/fgj/i/${draft.id}">草稿</a>、<a href="/u/fgj/i/${draft.id}/files/nosuchfile">附件</a>、<a href="https://www.gov.cn/zhengce/">外部</a></p>`,
    });
    const { findings, bodyText } = res.json();
    expect(findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`)).toEqual(['link.item:warn', 'link.unpublished:warn', 'link.attachment:block']);
    expect(bodyText.slice(findings[0].start, findings[0].end)).toBe('旧文');
  });

  it('lets the city office add a unit entry that applies to its departments, rebuilt at once', async () => {
    const before = await check(officer, { bodyHtml: '<p>推进老旧小区改造工程</p>' });
    expect(before.json().findings).toEqual([]);
    const add = await office.post('/api/v1/publication-checks/wording', { unitId: city, phrase: '老旧小区改造工程', kind: 'wrong', suggestion: '城镇老旧小区改造', severity: 'block', note: '按市政府文件统一表述' });
    expect(add.statusCode).toBe(201);
    const after = await check(officer, { bodyHtml: '<p>推进老旧小区改造工程</p>' });
    expect(after.json().findings).toMatchObject([{ kind: 'wording', severity: 'block', start: 2, end: 10 }]);
    // The same phrase again in the same scope is a conflict, not a second entry.
    expect((await office.post('/api/v1/publication-checks/wording', { unitId: city, phrase: '老旧小区改造工程', kind: 'typo', severity: 'warn' })).statusCode).toBe(409);
    // Switched off, it no longer applies.
    const id = add.json().id;
    const upd = await office.put(`/api/v1/publication-checks/wording/${id}`, { phrase: '老旧小区改造工程', kind: 'wrong', severity: 'block', active: false });
    expect(upd.statusCode).toBe(200);
    expect((await check(officer, { bodyHtml: '<p>推进老旧小区改造工程</p>' })).json().findings).toEqual([]);
    const audit = await t.admin.get(`/api/v1/audit?entityType=wordingEntry&entityId=${id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action).sort()).toEqual(['wording.create', 'wording.update']);
  });

  it('keeps platform-wide entries to system administrators and unit entries to the unit\'s office', async () => {
    const body = { unitId: null, phrase: '测试平台词', kind: 'typo', suggestion: '测试', severity: 'warn' };
    const denied = await office.post('/api/v1/publication-checks/wording', body);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.message).toContain('系统管理员');
    expect((await t.admin.post('/api/v1/publication-checks/wording', body)).statusCode).toBe(201);
    expect((await officer.post('/api/v1/publication-checks/wording', { ...body, unitId: fgj })).statusCode).toBe(403);
    const list = await officer.get(`/api/v1/publication-checks/wording?unitId=${fgj}&q=${encodeURIComponent('测试平台词')}`);
    expect(list.json().entries).toMatchObject([{ phrase: '测试平台词', unitId: null, editable: false }]);
    // Another unit's dictionary is not readable by fgj's officer.
    expect((await officer.get(`/api/v1/publication-checks/wording?unitId=${jyj}`)).statusCode).toBe(404);
  });

  it('refuses bad entries with Chinese messages and changes nothing', async () => {
    const count = async () => (await t.admin.get(`/api/v1/publication-checks/wording?unitId=${city}&scope=platform`)).json().entries.length;
    const n = await count();
    const bad = await t.admin.post('/api/v1/publication-checks/wording', { unitId: null, phrase: '  ', kind: 'nonsense', severity: 'stop' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/[\u4e00-\u9fff]/);
    expect(await count()).toBe(n);
  });

  it('exports the dictionary as CSV and imports it back all or nothing', async () => {
    const csv = await office.get(`/api/v1/publication-checks/wording/export.csv?unitId=${city}&scope=platform`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFF词语,类别,建议写法,处理方式,说明,启用');
    expect(csv.body).toContain('国家工商行政管理总局,过时的机构名称或职务,国家市场监督管理总局,提示');

    const good = '词语,类别,建议写法,处理方式,说明,启用\r\n安澜新区管委员,常见错别字,安澜新区管委会,提示,,是\r\n=危险公式,错误表述,,阻止发布,,是\r\n';
    const broken = `${good}另一个词,不存在的类别,,提示,,是\r\n`;
    const send = (content: string) => {
      const mp = multipart({ unitId: city, file: { filename: '词库.csv', content: Buffer.from(content), type: 'text/csv' } });
      return office.raw({ method: 'POST', url: '/api/v1/publication-checks/wording/import', payload: mp.payload, headers: mp.headers });
    };
    const refused = await send(broken);
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('类别');
    const listed = async () => (await office.get(`/api/v1/publication-checks/wording?unitId=${city}&scope=unit`)).json().entries.map((e: { phrase: string }) => e.phrase);
    expect(await listed()).not.toContain('安澜新区管委员');
    const ok = await send(good);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ added: 2, updated: 0 });
    expect(await listed()).toEqual(expect.arrayContaining(['安澜新区管委员', '=危险公式']));
    const again = await send(good.replace('安澜新区管委会,提示', '安澜新区管委会,阻止发布'));
    expect(again.json()).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    // A formula-looking phrase is exported with a leading apostrophe, never as a live formula.
    const out = await office.get(`/api/v1/publication-checks/wording/export.csv?unitId=${city}&scope=unit`);
    expect(out.body).toContain("'=危险公式");
  });

  it('lets a unit set a personal-data rule to warn or off for itself', async () => {
    const put = await office.put('/api/v1/publication-checks/personal-data', { unitId: fgj, rule: 'mobile', severity: 'warn', active: true });
    expect(put.statusCode).toBe(200);
    const eff = await officer.get(`/api/v1/publication-checks/personal-data?unitId=${fgj}`);
    expect(eff.json().effective).toMatchObject({ mobile: 'warn', idCard: 'block' });
    expect((await check(officer, { bodyHtml: '<p>电话13912345678</p>' })).json().findings).toMatchObject([{ severity: 'warn' }]);
    await office.put('/api/v1/publication-checks/personal-data', { unitId: fgj, rule: 'mobile', severity: 'warn', active: false });
    expect((await check(officer, { bodyHtml: '<p>电话13912345678</p>' })).json().findings).toEqual([]);
    expect((await office.put('/api/v1/publication-checks/personal-data', { unitId: null, rule: 'mobile', severity: 'warn', active: false })).statusCode).toBe(403);
    expect((await office.put('/api/v1/publication-checks/personal-data', { unitId: fgj, rule: 'email', severity: 'warn', active: true })).statusCode).toBe(400);
  });
});
