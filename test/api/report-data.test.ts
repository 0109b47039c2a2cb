/**
 * Annual-report data over HTTP on both engines: manual entries with their source (validated, audited), CSV/XLSX
 * import all or nothing, the computed report with findings and the figures still missing, and the drill-down
 * from a cell to its records. Another unit's data answers 404.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';
import { multipart } from '../support/multipart.js';

const ENGINES = await testEngines();
const natural = { type: 'natural', name: '欧阳明月', idType: 'residentId', idNumber: '11010519491231002X', phone: '13800138000', email: 'oy@example.cn', address: '安澜市府前大道100号3单元' };
const auditCount = (t: TestApp) => t.rt.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
const entryRows = (t: TestApp) => t.rt.db.kysely.selectFrom('report_manual_entries').selectAll().execute();

describe.each(ENGINES)('report data API on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let otherOffice: Client;
  let handler: Client;
  let fgj: string;
  let receiptNo: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    fgj = await t.unitId('fgj');
    office = await t.clientWithRole('rd.office', 'officeAdmin', 'anlan');
    otherOffice = await t.clientWithRole('rd.jyj', 'officeAdmin', 'jyj');
    handler = await t.clientWithRole('rd.handler', 'caseHandler', 'fgj');
    const res = await handler.post('/api/v1/applications', {
      unitId: fgj, applicant: natural, description: '2025年度行政许可事项清单', provisionForm: 'email', deliveryMethod: 'email', channel: 'inPerson', receivedOn: '2025-05-06',
    });
    receiptNo = res.json().application.receiptNo;
  }, 120_000);
  afterAll(async () => t?.close());

  it('records an entry with its source and audits it', async () => {
    const res = await office.post('/api/v1/report-data/entries', { unitId: fgj, year: 2025, kind: 'licensing', value: 120, sourceNote: '政务服务网审批系统导出，2026年1月5日' });
    expect(res.statusCode).toBe(201);
    const list = (await office.get(`/api/v1/report-data/entries?unitId=${fgj}&year=2025`)).json();
    expect(list.items.map((e: { kindLabel: string; value: number }) => [e.kindLabel, e.value])).toEqual([['行政许可处理决定数量', 120]]);
    expect(list.canEdit).toBe(true);
    const audit = (await t.admin.get(`/api/v1/audit?entityId=${res.json().id}`)).json();
    expect(audit.items[0].action).toBe('reportEntry.create');
  });

  it('refuses bad values with Chinese messages and writes nothing', async () => {
    const before = await auditCount(t);
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ unitId: fgj, year: 2025, kind: 'licensing', value: 1.5, sourceNote: '审批系统' }, /整数/],
      [{ unitId: fgj, year: 2025, kind: 'penalty', value: -3, sourceNote: '执法平台' }, /负数/],
      [{ unitId: fgj, year: 2025, kind: 'fees', value: 0.123456, sourceNote: '财务台账' }, /4位小数/],
      [{ unitId: fgj, year: 2025, kind: 'licensing', value: 3 }, /来源/],
      [{ unitId: fgj, year: 2018, kind: 'licensing', value: 3, sourceNote: '审批系统' }, /2019年以前/],
      [{ unitId: fgj, year: 2025, kind: 'permits', value: 3, sourceNote: '审批系统' }, /统计项目/],
    ];
    for (const [payload, message] of bad) {
      const res = await office.post('/api/v1/report-data/entries', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.fields.map((f: { message: string }) => f.message).join(' ')).toMatch(message);
    }
    expect(await auditCount(t)).toBe(before);
  });

  it('computes the report: manual figures where entered, null and listed where not, with the validator findings', async () => {
    const res = await office.get('/api/v1/reports/compute?unit=fgj&year=2025');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.doc.template).toBe('2021');
    expect(body.doc.tables.proactive.licensing.decisions).toBe(120);
    expect(body.doc.tables.proactive.penalty.decisions).toBeNull();
    expect(body.missing.map((m: { label: string }) => m.label)).toEqual(['行政处罚处理决定数量', '行政强制处理决定数量', '行政事业性收费金额（万元）']);
    expect(body.doc.tables.applications.received.natural).toBe(1);
    expect(body.doc.tables.applications.carriedForward.total).toBe(1);
    expect(body.validation.ok).toBe(true);
    expect(body.validation.checks.some((c: { rule: string; status: string }) => c.rule === 'R1' && c.status === 'passed')).toBe(true);
    expect(body.drillCounts['applications.received.total']).toBe(1);
  });

  it('drills from a cell to the records behind it', async () => {
    const apps = (await office.get('/api/v1/reports/compute/drill?unit=fgj&year=2025&cell=applications.received.natural')).json();
    expect(apps.label).toContain('本年新收');
    expect(apps.records.map((r: { ref: string }) => r.ref)).toEqual([receiptNo]);
    expect(apps.records[0].dates.receivedOn).toBe('2025-05-06');
    const manual = (await office.get('/api/v1/reports/compute/drill?unit=fgj&year=2025&cell=proactive.licensing.decisions')).json();
    expect(manual.records.map((r: { title: string }) => r.title)).toEqual(['政务服务网审批系统导出，2026年1月5日']);
    const missing = (await office.get('/api/v1/reports/compute/drill?unit=fgj&year=2025&cell=proactive.penalty.decisions')).json();
    expect(missing.note).toContain('尚未录入');
    const bad = await office.get('/api/v1/reports/compute/drill?unit=fgj&year=2025&cell=applications.received.alien');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('不在');
    const early = await office.get('/api/v1/reports/compute?unit=fgj&year=2017');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].message).toMatch(/2018年及以前/);
  });

  it('imports nothing when any row is wrong, naming every bad row', async () => {
    const before = await entryRows(t);
    const csv = ['单位,年度,项目,数值,数据来源', '安澜市发展和改革局,2025,行政处罚处理决定数量,8,执法平台', '不存在的局,2025,行政许可,3,系统', '安澜市发展和改革局,2025,行政强制,2.5,执法平台', '安澜市发展和改革局,2031,行政许可,3,'].join('\n');
    const res = await office.raw({ method: 'POST', url: '/api/v1/report-data/import', ...multipart({ file: { filename: 'bad.csv', content: Buffer.from(csv) } }) });
    expect(res.statusCode).toBe(400);
    const problems = res.json().error.details.problems as { row: number; field: string; message: string }[];
    expect(problems.map((p) => [p.row, p.field])).toEqual([[3, '单位'], [4, '数值'], [5, '年度'], [5, '数据来源']]);
    expect(problems[0]!.message).toContain('不存在的局');
    expect(await entryRows(t)).toEqual(before);
  });

  it('imports XLSX; a second import of the same unit, year and kind replaces the first', async () => {
    const xlsx = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('数据');
      ws.addRow(['单位', '年度', '项目', '数值', '数据来源']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const first = await office.raw({ method: 'POST', url: '/api/v1/report-data/import', ...multipart({ file: { filename: 'a.xlsx', content: await xlsx([['fgj', 2025, '行政处罚处理决定数量', 8, '执法平台导出'], ['fgj', 2025, '行政事业性收费金额（万元）', 1.25, '非税收入台账']]) } }) });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().created).toHaveLength(2);
    const second = await office.raw({ method: 'POST', url: '/api/v1/report-data/import', ...multipart({ file: { filename: 'b.xlsx', content: await xlsx([['fgj', 2025, '行政处罚', 9, '执法平台重新导出']]) } }) });
    expect(second.json().replaced).toBe(1);
    const report = (await office.get('/api/v1/reports/compute?unit=fgj&year=2025')).json();
    expect(report.doc.tables.proactive.penalty.decisions).toBe(9);
    expect(report.doc.tables.proactive.fees.amountWan).toBe(1.25);
    const template = await office.get(`/api/v1/report-data/import-template.csv?unitId=${fgj}&year=2025`);
    expect(template.statusCode).toBe(200);
    expect(template.body.split('\r\n')[0]).toBe('\uFEFF单位,年度,项目,数值,数据来源');
  });

  it("another unit's figures and report answer 404; a case handler cannot enter figures", async () => {
    expect((await otherOffice.get(`/api/v1/report-data/entries?unitId=${fgj}`)).statusCode).toBe(404);
    expect((await otherOffice.get('/api/v1/reports/compute?unit=fgj&year=2025')).statusCode).toBe(404);
    expect((await otherOffice.get('/api/v1/reports/compute/drill?unit=fgj&year=2025&cell=applications.received.total')).statusCode).toBe(404);
    const id = (await office.get(`/api/v1/report-data/entries?unitId=${fgj}&year=2025`)).json().items[0].id;
    expect((await otherOffice.patch(`/api/v1/report-data/entries/${id}`, { value: 1 })).statusCode).toBe(404);
    expect((await otherOffice.post('/api/v1/report-data/entries', { unitId: fgj, year: 2025, kind: 'licensing', value: 1, sourceNote: '审批系统' })).statusCode).toBe(404);
    expect((await handler.post('/api/v1/report-data/entries', { unitId: fgj, year: 2025, kind: 'licensing', value: 1, sourceNote: '审批系统' })).statusCode).toBe(404);
  });
});
