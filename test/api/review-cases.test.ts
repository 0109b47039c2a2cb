/**
 * The reconsideration and litigation register over HTTP on both engines: a case is linked to the application by
 * its 受理编号, validated (dates, outcome with conclusion, same unit), audited, counted in table 四; another unit's
 * cases answer 404 and a supervisor only reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const ENGINES = await testEngines();

const natural = { type: 'natural', name: '欧阳明月', idType: 'residentId', idNumber: '11010519491231002X', phone: '13800138000', email: 'oy@example.cn', address: '安澜市府前大道100号3单元' };
const auditCount = (t: TestApp) => t.rt.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));

describe.each(ENGINES)('review cases API on %s', (engine) => {
  let t: TestApp;
  let handler: Client;
  let otherHandler: Client;
  let supervisor: Client;
  let office: Client;
  let fgj: string;
  let jyj: string;
  let receiptNo: string;
  let applicationId: string;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    fgj = await t.unitId('fgj');
    jyj = await t.unitId('jyj');
    handler = await t.clientWithRole('rc.handler', 'caseHandler', 'fgj');
    otherHandler = await t.clientWithRole('rc.jyj', 'caseHandler', 'jyj');
    supervisor = await t.clientWithRole('rc.sup', 'supervisor', 'anlan');
    office = await t.clientWithRole('rc.office', 'officeAdmin', 'anlan');
    const res = await handler.post('/api/v1/applications', {
      unitId: fgj, applicant: natural, description: '安澜市2025年城区道路改造项目立项批复', provisionForm: 'email', deliveryMethod: 'email', channel: 'inPerson', receivedOn: '2025-03-03',
    });
    expect(res.statusCode).toBe(201);
    ({ id: applicationId, receiptNo } = res.json().application);
    const reply = await handler.post(`/api/v1/applications/${applicationId}/actions/reply`, { on: '2025-03-20', outcome: 'withheldProcessInfo' });
    expect(reply.statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => t?.close());

  it('registers a reconsideration case linked by receipt number, audited and listed with the challenged reply', async () => {
    const res = await handler.post('/api/v1/review-cases', { receiptNo: receiptNo.toLowerCase(), kind: 'reconsideration', filedOn: '2025-04-10', body: '安澜市人民政府', caseNo: '安府复〔2025〕3号' });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    caseId = c.id;
    expect(c.unitId).toBe(fgj);
    expect(c.applicationId).toBe(applicationId);
    const audit = (await t.admin.get(`/api/v1/audit?entityId=${caseId}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['reviewCase.create']);
    const list = (await handler.get(`/api/v1/review-cases?unitId=${fgj}&year=2025`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0].application.receiptNo).toBe(receiptNo);
    expect(list.items[0].application.outcomeLabel).toContain('过程性信息');
    expect(list.items[0].pending).toBe(true);
    expect((await handler.get(`/api/v1/review-cases?unitId=${fgj}&year=2024`)).json().total).toBe(0);
  });

  it('refuses bad input with Chinese field messages and writes nothing', async () => {
    const before = await auditCount(t);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ receiptNo, kind: 'reconsideration', filedOn: '2025-04-10', body: '安澜市人民政府', outcome: 'upheld', concludedOn: '2025-04-01' }, 'concludedOn', /不能早于立案/],
      [{ receiptNo, kind: 'litigationDirect', filedOn: '2025-04-10', body: '安澜市人民法院', outcome: 'upheld' }, 'concludedOn', /审结日期/],
      [{ receiptNo, kind: 'litigationDirect', filedOn: '2025-04-10', body: '安澜市人民法院', concludedOn: '2025-06-01' }, 'outcome', /审结结果/],
      [{ receiptNo: 'FGJ-2025-99999', kind: 'reconsideration', filedOn: '2025-04-10', body: '安澜市人民政府' }, 'receiptNo', /找不到/],
      [{ receiptNo, kind: 'appeal', filedOn: '2025-02-30', body: '安' }, 'kind', /案件类型/],
      [{ receiptNo, kind: 'reconsideration', filedOn: '2025-03-01', body: '安澜市人民政府' }, 'filedOn', /不能早于所关联申请的收到日期/],
      [{ unitId: fgj, kind: 'reconsideration', filedOn: '2025-04-10', body: '安澜市人民政府' }, 'receiptNo', /受理编号/],
    ];
    for (const [payload, field, message] of cases) {
      const res = await handler.post('/api/v1/review-cases', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const fields = Object.fromEntries(res.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
      expect(fields[field], JSON.stringify(res.json())).toMatch(message);
    }
    expect(await auditCount(t)).toBe(before);
  });

  it("refuses to file a case under a unit other than the one whose reply it challenges", async () => {
    const res = await office.post('/api/v1/review-cases', { unitId: jyj, receiptNo, kind: 'reconsideration', filedOn: '2025-04-10', body: '安澜市人民政府' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].message).toContain('不属于本单位');
  });

  it('records the conclusion and counts the case in table 四 of its year', async () => {
    const res = await handler.patch(`/api/v1/review-cases/${caseId}`, { outcome: 'corrected', concludedOn: '2025-06-30' });
    expect(res.statusCode).toBe(200);
    expect(res.json().outcome).toBe('corrected');
    const report = (await office.get(`/api/v1/reports/compute?unit=fgj&year=2025`)).json();
    expect(report.doc.tables.reviews.reconsideration).toEqual({ upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 });
    const drill = (await office.get(`/api/v1/reports/compute/drill?unit=fgj&year=2025&cell=reviews.reconsideration.corrected`)).json();
    expect(drill.records.map((r: { detail: { receiptNo: string } }) => r.detail.receiptNo)).toEqual([receiptNo]);
    const audit = (await t.admin.get(`/api/v1/audit?entityId=${caseId}`)).json();
    expect(audit.items[0].action).toBe('reviewCase.update');
    expect(audit.items[0].before.outcome).toBeNull();
    expect(audit.items[0].after.outcome).toBe('corrected');
  });

  it("answers 404 for another unit's case and 403 when a supervisor tries to write", async () => {
    expect((await otherHandler.get(`/api/v1/review-cases/${caseId}`)).statusCode).toBe(404);
    expect((await otherHandler.patch(`/api/v1/review-cases/${caseId}`, { remarks: 'x' })).statusCode).toBe(404);
    expect((await otherHandler.get(`/api/v1/review-cases?unitId=${fgj}`)).statusCode).toBe(404);
    expect((await otherHandler.get('/api/v1/review-cases')).json().total).toBe(0);
    expect((await supervisor.get(`/api/v1/review-cases/${caseId}`)).statusCode).toBe(200);
    const write = await supervisor.post('/api/v1/review-cases', { receiptNo, kind: 'litigationDirect', filedOn: '2025-05-01', body: '安澜市人民法院' });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.message).toMatch(/权限/);
  });

  it('deletes a mistaken case; the audit log keeps what it was', async () => {
    const c = (await handler.post('/api/v1/review-cases', { receiptNo, kind: 'litigationDirect', filedOn: '2025-05-01', body: '安澜市人民法院' })).json();
    expect((await handler.del(`/api/v1/review-cases/${c.id}`)).statusCode).toBe(204);
    expect((await handler.get(`/api/v1/review-cases/${c.id}`)).statusCode).toBe(404);
    const audit = (await t.admin.get(`/api/v1/audit?entityId=${c.id}`)).json();
    expect(audit.items[0].action).toBe('reviewCase.delete');
    expect(audit.items[0].before.body).toBe('安澜市人民法院');
  });
});
