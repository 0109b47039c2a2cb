import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyAnnualReportDoc } from '../../src/domain/annual-report/interchange.js';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const ENGINES = await testEngines();
const YEAR = 2025;
const NARRATIVE = {
  overview: '2025年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息，按时办结申请。',
  problems: '（一）存在的主要问题：政策解读形式较单一。（二）改进情况：增加图解和视频解读。',
  other: '2025年，本机关未收取政府信息公开信息处理费。',
};
const natural = { type: 'natural', name: '欧阳明月', idType: 'residentId', idNumber: '11010519491231002X', phone: '13800138000', email: 'oy@example.cn', address: '安澜市府前大道100号3单元', postcode: '564700' };
const application = (unitId: string, receivedOn: string) => ({
  unitId, applicant: natural, description: '2025年度城区道路改造项目的立项批复文件', provisionForm: 'email', deliveryMethod: 'email', channel: 'inPerson', receivedOn,
});

describe.each(ENGINES)('annual reports (年度报告) on %s', (engine) => {
  let t: TestApp;
  let fgjAdmin: Client;
  let jyjAdmin: Client;
  let county: Client;
  let watcher: Client;
  let ids: Record<'anlan' | 'fgj' | 'jyj' | 'zrzyj' | 'chengguan', string>;
  const act = (c: Client, id: string, action: string, body: Record<string, unknown> = {}) => c.post(`/api/v1/reports/${id}/actions/${action}`, body);
  const row = async (c: Client, year: number, slugId: string) =>
    (await c.get(`/api/v1/reports?year=${year}`)).json().items.find((x: { unitId: string }) => x.unitId === slugId);

  beforeAll(async () => {
    t = await buildTestApp(engine);
    ids = Object.fromEntries(await Promise.all(['anlan', 'fgj', 'jyj', 'zrzyj', 'chengguan'].map(async (s) => [s, await t.unitId(s)]))) as typeof ids;
    fgjAdmin = await t.clientWithRole('nb.fgj', 'officeAdmin', 'fgj');
    jyjAdmin = await t.clientWithRole('nb.jyj', 'officeAdmin', 'jyj');
    county = await t.clientWithRole('nb.county', 'officeAdmin', 'anlan', 'zfb');
    watcher = await t.clientWithRole('nb.watch', 'supervisor', 'anlan', 'zfb');
    // Two applications at 发改局 and one at 教育局 received in the report year: table 三 counts them.
    const fgjHandler = await t.clientWithRole('nb.h.fgj', 'caseHandler', 'fgj');
    const jyjHandler = await t.clientWithRole('nb.h.jyj', 'caseHandler', 'jyj');
    for (const [c, unit, on] of [[fgjHandler, ids.fgj, '2025-03-03'], [fgjHandler, ids.fgj, '2025-06-10'], [jyjHandler, ids.jyj, '2025-05-12']] as const) {
      const res = await c.post('/api/v1/applications', application(unit as string, on as string));
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  let reportId = '';
  let version = 0;

  it('drafts a department report from its records with guided narrative, and hides it from other units', async () => {
    const res = await fgjAdmin.post('/api/v1/reports', { unitId: ids.fgj, year: YEAR });
    expect(res.statusCode).toBe(201);
    const { report } = res.json();
    reportId = report.id;
    version = report.version;
    expect(report.status).toBe('draft');
    expect(report.doc.tables.applications.received.total).toBe(2);
    expect(report.doc.tables.applications.received.natural).toBe(2);
    expect(report.computedCells).toContain('applications.received.total');
    expect(report.doc.narrative.overview).toContain('全年新收政府信息公开申请2件');
    expect(report.doc.narrative.other).toContain('未收取政府信息公开信息处理费'); // section 六 states the fees
    expect(report.doc.narrative.problems).toContain('【');

    expect((await jyjAdmin.get(`/api/v1/reports/${reportId}`)).statusCode).toBe(404);
    expect((await jyjAdmin.patch(`/api/v1/reports/${reportId}`, { version, narrative: { overview: 'x' } })).statusCode).toBe(404);
    expect((await jyjAdmin.post('/api/v1/reports', { unitId: ids.fgj, year: YEAR })).statusCode).toBe(404);
    expect((await watcher.get(`/api/v1/reports/${reportId}`)).statusCode).toBe(200);
    expect((await watcher.patch(`/api/v1/reports/${reportId}`, { version, narrative: { overview: 'x' } })).statusCode).toBe(403);
  });

  it('edits manual cells and narrative, refuses computed cells and stale versions with Chinese messages, and keeps edits on refresh', async () => {
    const computed = await fgjAdmin.patch(`/api/v1/reports/${reportId}`, { version, cells: [{ path: 'applications.received.total', value: 9 }] });
    expect(computed.statusCode).toBe(400);
    expect(computed.json().error.fields[0].message).toContain('由系统根据办理记录计算');
    const negative = await fgjAdmin.patch(`/api/v1/reports/${reportId}`, { version, cells: [{ path: 'proactive.licensing.decisions', value: -1 }] });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const unknown = await fgjAdmin.patch(`/api/v1/reports/${reportId}`, { version, cells: [{ path: 'proactive.nothing.decisions', value: 1 }] });
    expect(unknown.statusCode).toBe(400);

    const ok = await fgjAdmin.patch(`/api/v1/reports/${reportId}`, { version, cells: [{ path: 'proactive.licensing.decisions', value: 12, note: '政务服务系统导出' }] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().report.doc.tables.proactive.licensing.decisions).toBe(12);
    const stale = await fgjAdmin.patch(`/api/v1/reports/${reportId}`, { version, narrative: { overview: '旧版本' } });
    expect(stale.statusCode).toBe(409);
    version = ok.json().report.version;

    // Author prompts 【…】 left in the narrative block submission.
    const early = await act(fgjAdmin, reportId, 'submit');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('提示文字');

    const n = await fgjAdmin.patch(`/api/v1/reports/${reportId}`, { version, narrative: NARRATIVE });
    expect(n.statusCode).toBe(200);
    const refreshed = await fgjAdmin.post('/api/v1/reports', { unitId: ids.fgj, year: YEAR });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json().report.doc.narrative.overview).toBe(NARRATIVE.overview);
    expect(refreshed.json().report.doc.tables.proactive.licensing.decisions).toBe(12);
    expect(refreshed.json().report.manualCells['proactive.licensing.decisions'].note).toBe('政务服务系统导出');
    version = refreshed.json().report.version;
  });

  it('submits to the county office, locks the report, and only the supervising office returns (with a comment) or accepts', async () => {
    const sub = await act(fgjAdmin, reportId, 'submit');
    expect(sub.statusCode).toBe(200);
    expect(sub.json().report.status).toBe('submitted');
    const locked = await fgjAdmin.patch(`/api/v1/reports/${reportId}`, { version: sub.json().report.version, narrative: { overview: '改' } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toContain('已锁定');
    expect((await fgjAdmin.post('/api/v1/reports', { unitId: ids.fgj, year: YEAR })).statusCode).toBe(409);
    expect((await act(fgjAdmin, reportId, 'accept')).statusCode).toBe(403);
    expect((await act(watcher, reportId, 'accept')).statusCode).toBe(403);

    const noComment = await act(county, reportId, 'return', { comment: '  ' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.message).toContain('退回意见');
    const ret = await act(county, reportId, 'return', { comment: '请补充政策解读的具体数量' });
    expect(ret.json().report).toMatchObject({ status: 'returned', returnComment: '请补充政策解读的具体数量' });

    const detail = (await fgjAdmin.get(`/api/v1/reports/${reportId}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['create', 'edit', 'edit', 'refresh', 'submit', 'return']);
    expect(detail.events.at(-1).comment).toBe('请补充政策解读的具体数量');
    expect(detail.mayEdit).toBe(true);
    const fixed = await fgjAdmin.patch(`/api/v1/reports/${reportId}`, { version: detail.report.version, narrative: { overview: `${NARRATIVE.overview}发布政策解读15篇。` } });
    expect(fixed.statusCode).toBe(200);
    expect((await act(fgjAdmin, reportId, 'submit')).json().report.status).toBe('submitted');
    expect((await act(county, reportId, 'accept')).json().report.status).toBe('accepted');
    expect((await act(fgjAdmin, reportId, 'accept')).statusCode).toBe(403);
  });

  it('publishes the accepted report on the portal, with the interchange JSON download', async () => {
    expect((await t.app.inject({ url: `/u/fgj/nb/${YEAR}` })).statusCode).toBe(404);
    const pub = await act(fgjAdmin, reportId, 'publish');
    expect(pub.statusCode).toBe(200);
    expect(pub.json().report.publishedAt).toBeTruthy();
    const page = await t.app.inject({ url: `/u/fgj/nb/${YEAR}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('安澜市发展和改革局2025年政府信息公开工作年度报告');
    expect(page.body).toContain('发布政策解读15篇');
    const json = await t.app.inject({ url: `/u/fgj/nb/${YEAR}.json` });
    expect(json.statusCode).toBe(200);
    expect(JSON.parse(json.body).tables.applications.received.total).toBe(2);
    const docx = await t.app.inject({ url: `/u/fgj/nb/${YEAR}.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await fgjAdmin.get(`/api/v1/reports/${reportId}/download/xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await t.app.inject({ url: `/u/fgj/nb/${YEAR}.pdf` });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const css = page.body.match(/href="(\/assets\/annual-report-[0-9a-f]+\.css)"/)?.[1];
    expect((await t.app.inject({ url: css as string })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/u/fgj/nb/` })).body).toContain(`/u/fgj/nb/${YEAR}`);
    // Listed in the unit's 政府信息公开年报 column (code gknb).
    const column = await t.app.inject({ url: '/u/fgj/c/gknb/' });
    expect(column.statusCode).toBe(200);
    expect(column.body).toContain(`href="/u/fgj/nb/${YEAR}"`);
    expect((await t.app.inject({ url: `/u/jyj/nb/${YEAR}` })).statusCode).toBe(404); // not published
    expect((await fgjAdmin.get(`/api/v1/reports/${reportId}/download/json`)).json().year).toBe(YEAR);
    expect((await act(fgjAdmin, reportId, 'return', { comment: '再改' })).statusCode).toBe(403);
    expect((await act(county, reportId, 'return', { comment: '再改' })).statusCode).toBe(409);
  });

  it('shows statuses and deadlines: late when past the deadline and not published; deadlines configurable', async () => {
    expect(await row(county, YEAR, ids.fgj)).toMatchObject({ status: 'published', late: false, due: '2026-01-31' });
    expect(await row(county, YEAR, ids.jyj)).toMatchObject({ status: 'notStarted', late: true, due: '2026-01-31' });
    expect(await row(county, YEAR, ids.anlan)).toMatchObject({ due: '2026-03-31', late: true }); // Art. 49: government by 31 March
    expect(await row(county, 2026, ids.jyj)).toMatchObject({ status: 'notStarted', late: false, due: '2027-01-31' });

    const bad = await county.put('/api/v1/reports/deadlines', { unitId: ids.anlan, scope: 'townships', dueMonthDay: '02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toContain('月-日');
    expect((await fgjAdmin.put('/api/v1/reports/deadlines', { unitId: ids.fgj, scope: 'own', dueMonthDay: '12-31' })).statusCode).toBe(403);
    expect((await county.put('/api/v1/reports/deadlines', { unitId: ids.anlan, scope: 'townships', dueMonthDay: '03-15' })).statusCode).toBe(200);
    expect(await row(county, YEAR, ids.chengguan)).toMatchObject({ due: '2026-03-15' });
    expect(await row(county, YEAR, ids.jyj)).toMatchObject({ due: '2026-01-31' }); // departments keep the default
    expect((await county.put('/api/v1/reports/deadlines', { unitId: ids.jyj, scope: 'own', dueMonthDay: '12-31' })).statusCode).toBe(200);
    expect(await row(county, YEAR, ids.jyj)).toMatchObject({ due: '2026-12-31', late: false });
    expect((await county.put('/api/v1/reports/deadlines', { unitId: ids.jyj, scope: 'own', dueMonthDay: null })).statusCode).toBe(200);
    expect(await row(county, YEAR, ids.jyj)).toMatchObject({ due: '2026-01-31', late: true });
  });

  it('rolls subordinate reports up: board, null-aware summary validated by the same rules, breakdown with shares', async () => {
    const jyj = (await jyjAdmin.post('/api/v1/reports', { unitId: ids.jyj, year: YEAR })).json().report;
    await jyjAdmin.patch(`/api/v1/reports/${jyj.id}`, { version: jyj.version, narrative: NARRATIVE });
    expect((await act(jyjAdmin, jyj.id, 'submit')).statusCode).toBe(200);

    const board = (await county.get(`/api/v1/reports/rollup?unitId=${ids.anlan}&year=${YEAR}`)).json();
    expect(board.rows.find((x: { unitId: string }) => x.unitId === ids.jyj).status).toBe('submitted');
    expect(board.counts).toMatchObject({ published: 1, submitted: 1 });
    expect(board.counts.late).toBeGreaterThanOrEqual(1);
    expect((await fgjAdmin.get(`/api/v1/reports/rollup?unitId=${ids.anlan}&year=${YEAR}`)).statusCode).toBe(404);

    // Only accepted and published reports are summed: 教育局 is still awaiting review.
    let s = (await county.get(`/api/v1/reports/rollup/summary?unitId=${ids.anlan}&year=${YEAR}`)).json();
    expect(s.included.map((x: { unitId: string }) => x.unitId)).toEqual([ids.fgj]);
    expect(s.doc.tables.applications.received.total).toBe(2);

    expect((await act(county, jyj.id, 'accept')).statusCode).toBe(200);
    s = (await county.get(`/api/v1/reports/rollup/summary?unitId=${ids.anlan}&year=${YEAR}`)).json();
    expect(s.included).toHaveLength(2);
    expect(s.doc.tables.applications.received.total).toBe(3);
    expect(s.doc.tables.applications.carriedForward.total).toBe(3);
    // 教育局 stated no licensing figure: the sum is null (not 12) and the cell names the unit that left it open.
    expect(s.doc.tables.proactive.licensing.decisions).toBeNull();
    expect(s.nullCells.find((c: { path: string }) => c.path === 'proactive.licensing.decisions').unitIds).toEqual([ids.jyj]);
    expect(s.validation.errors).toEqual([]);
    expect(s.validation.checks.some((c: { rule: string; status: string }) => c.rule === 'R1' && c.status === 'passed')).toBe(true);
    const received = s.breakdown.rows.map((r: { unitId: string; cells: Record<string, { value: number; sharePct: number }> }) => [r.unitId, r.cells['applications.received.total']]);
    expect(Object.fromEntries(received)).toEqual({ [ids.fgj]: { value: 2, sharePct: 66.7 }, [ids.jyj]: { value: 1, sharePct: 33.3 } });

    // Year over year: 教育局 had no application in 2024, one in 2025.
    expect((await county.get(`/api/v1/reports/${jyj.id}/comparison`)).json().comparison).toBeNull();
    expect((await jyjAdmin.post('/api/v1/reports', { unitId: ids.jyj, year: YEAR - 1 })).statusCode).toBe(201);
    const cmp = (await county.get(`/api/v1/reports/${jyj.id}/comparison`)).json();
    const receivedCmp = cmp.comparison.cells.find((c: { path: string }) => c.path === 'applications.received.total');
    expect(receivedCmp).toMatchObject({ previous: 0, current: 1, change: 1, percent: null });
    expect(cmp.previousYear).toBe(YEAR - 1);
  });

  it("finalizes a government's own report in its own office (no submission), and blocks submission while R-rules fail", async () => {
    const gov = (await county.post('/api/v1/reports', { unitId: ids.anlan, year: YEAR })).json().report;
    expect(gov.doc.narrative.problems).toContain('考核、社会评议和责任追究'); // Art. 50(四) for governments
    await county.patch(`/api/v1/reports/${gov.id}`, { version: gov.version, narrative: NARRATIVE });
    const sub = await act(county, gov.id, 'submit');
    expect(sub.statusCode).toBe(409);
    expect(sub.json().error.message).toContain('本级定稿');
    expect((await act(county, gov.id, 'finalize')).json().report.status).toBe('accepted');

    // An imported report (report-import writes through the same repository) edited into an inconsistent state.
    const now = new Date().toISOString();
    const imported = { ...emptyAnnualReportDoc('2021', 2024, { name: '安澜市自然资源和规划局', code: null }), narrative: NARRATIVE };
    await t.rt.deps.store.write((r) => r.annualReports.insert({
      id: 'imported-zrzyj-2024', unitId: ids.zrzyj, year: 2024, template: '2021', status: 'draft', origin: 'imported', doc: imported, manualCells: {}, computedCells: [],
      computedAt: null, submittedAt: null, submittedBy: null, decidedAt: null, decidedBy: null, returnComment: null, publishedAt: null, version: 1, createdAt: now, updatedAt: now,
    }));
    const cells = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'].map((c) => ({ path: `applications.received.${c}`, value: 1 }));
    const edit = await county.patch('/api/v1/reports/imported-zrzyj-2024', { version: 1, cells: [...cells, { path: 'applications.received.total', value: 7 }] });
    expect(edit.statusCode).toBe(200);
    const v = (await county.get('/api/v1/reports/imported-zrzyj-2024/validation')).json();
    expect(v.errors.map((e: { rule: string }) => e.rule)).toContain('R2');
    const blocked = await act(county, 'imported-zrzyj-2024', 'submit');
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().error.message).toContain('勾稽关系');
    expect(blocked.json().error.fields.some((f: { message: string }) => f.message.startsWith('R2'))).toBe(true);
    const detail = (await county.get('/api/v1/reports/imported-zrzyj-2024')).json();
    expect(detail.report.status).toBe('draft'); // nothing changed
  });
});
