/**
 * 年报对比 (issue 6 item 5) over HTTP on both engines: accepted and published reports of several units and years —
 * one computed through the workflow, the rest imported history written through Repos.annualReports like the
 * import's "accept into history" — compared for the county; figures match the documents; drafts are left out and
 * said so; another unit answers 404; the XLSX has the same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyAnnualReportDoc, setCell, type AnnualReportDoc, type TemplateId } from '../../src/domain/annual-report/interchange.js';
import type { ReportStatus } from '../../src/domain/annual-report/workflow-status.js';
import { neutralise } from '../../src/http/api/report-comparison.routes.js';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const ENGINES = await testEngines();
const NARRATIVE = {
  overview: '本年度认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依法办理政府信息公开申请。',
  problems: '（一）存在的主要问题：政策解读形式较单一。（二）改进情况：增加图解解读。',
  other: '本机关未收取政府信息公开信息处理费。',
};

function doc(template: TemplateId, year: number, name: string, cells: Record<string, number>): AnnualReportDoc {
  let d: AnnualReportDoc = { ...emptyAnnualReportDoc(template, year, { name, code: null }), narrative: NARRATIVE };
  for (const [p, v] of Object.entries(cells)) d = setCell(d, p, v);
  return d;
}

/** A consistent 2021 table 三/四 stated by natural persons only: received + carriedOver = handled + carriedForward. */
const tables2021 = (year: number, name: string, n: { received: number; over: number; disclosed: number; withheld: number; forward: number; reconUpheld: number; reconCorrected: number }) => {
  const handled = n.disclosed + n.withheld;
  const cells: Record<string, number> = {};
  const app = (row: string, v: number) => {
    for (const c of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total']) cells[`applications.${row}.${c}`] = c === 'natural' || c === 'total' ? v : 0;
  };
  for (const row of Object.keys(emptyAnnualReportDoc('2021', year, { name, code: null }).tables.applications)) app(row, 0);
  app('received', n.received); app('carriedOver', n.over); app('disclosed', n.disclosed); app('withheldThirdParty', n.withheld);
  app('handledTotal', handled); app('carriedForward', n.forward);
  cells['reviews.reconsideration.upheld'] = n.reconUpheld; cells['reviews.reconsideration.corrected'] = n.reconCorrected;
  cells['reviews.reconsideration.other'] = 0; cells['reviews.reconsideration.pending'] = 0; cells['reviews.reconsideration.total'] = n.reconUpheld + n.reconCorrected;
  for (const row of ['litigationDirect', 'litigationAfterReconsideration']) for (const c of ['upheld', 'corrected', 'other', 'pending', 'total']) cells[`reviews.${row}.${c}`] = 0;
  cells['proactive.regulations.issued'] = 1; cells['proactive.normativeDocuments.issued'] = 4;
  return doc('2021', year, name, cells);
};

describe.each(ENGINES)('report comparison (年报对比) on %s', (engine) => {
  let t: TestApp;
  let county: Client;
  let fgjAdmin: Client;
  let jyjAdmin: Client;
  let ids: Record<string, string>;
  const q = (unit: string, extra = '') => `/api/v1/reports/comparison?unit=${unit}${extra}`;

  async function insert(slug: string, year: number, status: ReportStatus, d: AnnualReportDoc) {
    const now = new Date().toISOString();
    await t.rt.deps.store.write((r) => r.annualReports.insert({
      id: `cmp-${slug}-${year}`, unitId: ids[slug]!, year, template: d.template, status, origin: 'imported', doc: d, manualCells: {}, computedCells: [],
      computedAt: null, submittedAt: null, submittedBy: null, decidedAt: status === 'draft' ? null : now, decidedBy: null, returnComment: null,
      publishedAt: status === 'published' ? now : null, version: 1, createdAt: now, updatedAt: now,
    }));
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    ids = Object.fromEntries(await Promise.all(['anlan', 'fgj', 'jyj', 'zrzyj', 'taoyuan'].map(async (s) => [s, await t.unitId(s)])));
    county = await t.clientWithRole('cmp.county', 'officeAdmin', 'anlan', 'zfb');
    fgjAdmin = await t.clientWithRole('cmp.fgj', 'officeAdmin', 'fgj');
    jyjAdmin = await t.clientWithRole('cmp.jyj', 'officeAdmin', 'jyj');

    // Imported history: 发改局 2023 (accepted) and 2024 (published) whose carry-over does not match (R5 warning).
    await insert('fgj', 2023, 'accepted', tables2021(2023, '安澜市发展和改革局', { received: 20, over: 1, disclosed: 15, withheld: 2, forward: 4, reconUpheld: 1, reconCorrected: 1 }));
    await insert('fgj', 2024, 'published', tables2021(2024, '安澜市发展和改革局', { received: 30, over: 3, disclosed: 25, withheld: 3, forward: 5, reconUpheld: 2, reconCorrected: 2 }));
    // 教育局 2017: a pre2019 附表 read by the import.
    await insert('jyj', 2017, 'published', doc('pre2019', 2017, '安澜市教育局', {
      'indicators.proactive.total': 315, 'indicators.applications.received': 12, 'indicators.applications.replied': 12,
      'indicators.applications.alreadyPublic': 2, 'indicators.applications.disclosed': 6, 'indicators.applications.partiallyDisclosed': 1,
      'indicators.applications.refused': 1, 'indicators.applications.notThisAgency': 1, 'indicators.applications.notExist': 1,
      'indicators.applications.correctionRequested': 0, 'indicators.applications.otherChannel': 0,
      'indicators.reconsideration.total': 1, 'indicators.reconsideration.upheld': 0, 'indicators.reconsideration.corrected': 1, 'indicators.reconsideration.other': 0,
    }));
    // 桃源乡 2024: published with a broken 勾稽 sum (R1 fails on 总计); 自然资源局 2024: still a draft.
    const broken = setCell(tables2021(2024, '安澜市桃源乡人民政府', { received: 5, over: 0, disclosed: 4, withheld: 0, forward: 1, reconUpheld: 0, reconCorrected: 0 }), 'applications.received.total', 6);
    await insert('taoyuan', 2024, 'published', broken);
    await insert('zrzyj', 2024, 'draft', tables2021(2024, '安澜市自然资源和规划局', { received: 9, over: 0, disclosed: 9, withheld: 0, forward: 0, reconUpheld: 0, reconCorrected: 0 }));

    // The county's own 2025 report, computed from its records through the workflow and finalised.
    const gov = (await county.post('/api/v1/reports', { unitId: ids.anlan, year: 2025 })).json().report;
    await county.patch(`/api/v1/reports/${gov.id}`, { version: gov.version, narrative: NARRATIVE });
    const fin = await county.post(`/api/v1/reports/${gov.id}/actions/finalize`, {});
    expect(fin.json().report?.status, fin.body).toBe('accepted');
  }, 120_000);
  afterAll(async () => t?.close());

  it('compares the accepted and published reports of the county and its units by year, with figures from the documents', async () => {
    const res = await county.get(q(ids.anlan!, '&from=2017&to=2025'));
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.years).toHaveLength(9);
    expect(c.units[0]).toMatchObject({ id: ids.anlan, own: true });
    const row = (slug: string, year: number) => c.rows.find((r: { unitId: string; year: number }) => r.unitId === ids[slug] && r.year === year);
    expect(c.rows.map((r: { unitId: string; year: number }) => `${r.unitId === ids.anlan ? 'anlan' : r.unitId === ids.fgj ? 'fgj' : r.unitId === ids.jyj ? 'jyj' : 'other'}:${r.year}`))
      .toEqual(['anlan:2025', 'fgj:2023', 'fgj:2024', 'jyj:2017', 'other:2024']);

    expect(row('fgj', 2024).figures).toMatchObject({
      itemsPublished: null, docsIssued: 5, received: 30, carriedOver: 3, handledTotal: 28, carriedForward: 5, disclosed: 25, withheld: 3,
      partiallyDisclosed: 0, unavailable: 0, notProcessed: 0, otherOutcome: 0, reconsiderationTotal: 4, reconsiderationCorrected: 2, correctedRate: 50,
    });
    expect(row('fgj', 2024).originLabel).toBe('历史导入');
    // R5: 2024's 上年结转 3 ≠ 2023's 结转下年度 4.
    expect(row('fgj', 2024).findings.items.map((f: { rule: string }) => f.rule)).toContain('R5');
    expect(row('fgj', 2023).findings.errors).toBe(0);
    // pre2019: approximate mapping, null where the 附表 has no such figure.
    expect(row('jyj', 2017).figures).toMatchObject({ itemsPublished: 315, received: 12, carriedOver: null, notProcessed: null, disclosed: 8, unavailable: 2, reconsiderationCorrected: 1 });
    // 诉讼 is not stated in this 附表: the rate over 复议 and 诉讼 is unknown, not 100 %.
    expect(row('jyj', 2017).figures.correctedRate).toBeNull();
    expect(row('jyj', 2017).approximate).toContain('disclosed');
    expect(c.mixedTemplates).toBe(true);
    expect(c.notes.some((n: { template: string; figure: string; basis: string }) => n.template === 'pre2019' && n.figure === 'carriedOver' && n.basis === 'absent')).toBe(true);
    // 勾稽 findings with messages for the broken report.
    const town = row('taoyuan', 2024);
    expect(town.findings.errors).toBeGreaterThan(0);
    expect(town.findings.items.find((f: { rule: string }) => f.rule === 'R1').message).toContain('6');
    // The computed report: the platform's publication records give items published (a count, not null).
    const own = row('anlan', 2025);
    expect(own.originLabel).toBe('系统生成');
    expect(typeof own.figures.itemsPublished).toBe('number');
    // A draft is not compared, and the page says so.
    expect(row('zrzyj', 2024)).toBeUndefined();
    expect(c.missing).toContainEqual({ unitId: ids.zrzyj, unitName: '安澜市自然资源和规划局', year: 2024, statusLabel: '草稿' });
  });

  it('defaults to the last five report years', async () => {
    const c = (await county.get(q(ids.anlan!))).json();
    const last = new Date().getFullYear() - 1;
    expect(c.years).toEqual([last - 4, last - 3, last - 2, last - 1, last]);
  });

  it('answers 404 for a unit the user may not read, and for a department only its own reports', async () => {
    expect((await jyjAdmin.get(q(ids.anlan!))).statusCode).toBe(404);
    expect((await jyjAdmin.get(q(ids.fgj!))).statusCode).toBe(404);
    expect((await jyjAdmin.get(`/api/v1/reports/comparison/export?unit=${ids.anlan}`)).statusCode).toBe(404);
    const own = (await fgjAdmin.get(q(ids.fgj!, '&from=2017&to=2025'))).json();
    expect(own.units.map((u: { id: string }) => u.id)).toEqual([ids.fgj]);
    expect(own.rows).toHaveLength(2);
  });

  it.each([
    ['&from=2024&to=2020', '起始年度不能晚于截止年度'],
    ['&from=abc', '起始年度应为年份'],
    ['&from=2000&to=2024', '不早于 2008'],
    ['&from=2008&to=2099', '截止年度'],
  ])('refuses %s with a Chinese 400', async (extra, message) => {
    const res = await county.get(q(ids.anlan!, extra));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(message);
  });

  it('exports the same rows, findings and notes as XLSX', async () => {
    const res = await county.get(`/api/v1/reports/comparison/export?unit=${ids.anlan}&from=2017&to=2025`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('关键数据')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (label: string) => header.indexOf(label) + 1;
    const rows = [];
    for (let i = 2; i <= ws.rowCount; i++) rows.push(ws.getRow(i));
    expect(rows).toHaveLength(5);
    const fgj2024 = rows.find((r) => r.getCell(1).value === '安澜市发展和改革局' && r.getCell(2).value === 2024)!;
    expect(fgj2024.getCell(col('本年新收申请（件）')).value).toBe(30);
    expect(fgj2024.getCell(col('被纠错率（%）')).value).toBe(50);
    expect(fgj2024.getCell(col('主动公开信息数（条）')).value).toBeNull(); // not stated stays empty, never 0
    const jyj = rows.find((r) => r.getCell(1).value === '安澜市教育局')!;
    expect(jyj.getCell(col('上年结转申请（件）')).value).toBeNull();
    expect(jyj.getCell(col('主动公开信息数（条）')).value).toBe(315);
    const findings = wb.getWorksheet('勾稽校验')!;
    const texts: string[] = [];
    findings.eachRow((r, i) => { if (i > 1) texts.push(`${r.getCell(1).value} ${r.getCell(3).value}`); });
    expect(texts).toContain('安澜市桃源乡人民政府 R1');
    expect(wb.getWorksheet('未纳入比较')!.rowCount).toBeGreaterThan(1);
    expect(wb.getWorksheet('口径说明')!.rowCount).toBeGreaterThan(1);
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(neutralise('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutralise('@SUM(A1)')).toBe('\'@SUM(A1)');
    expect(neutralise('安澜市')).toBe('安澜市');
    expect(neutralise(-3)).toBe(-3);
  });
});
