import { describe, expect, it } from 'vitest';
import { emptyAnnualReportDoc, setCell, type AnnualReportDoc, type Cell } from './interchange.js';
import { APPLICANT_PART_KEYS, TEMPLATES } from './templates.js';
import { validateAnnualReport, type RuleCheck } from './validate.js';

const unit = { name: '安澜市发展改革局', code: 'fgj' };

function fill(doc: AnnualReportDoc, cells: Record<string, Cell>): AnnualReportDoc {
  return Object.entries(cells).reduce((d, [p, v]) => setCell(d, p, v), doc);
}

/** A balanced 2021 report: every column built from per-applicant counts, so R1–R4 hold by construction. */
function balanced2021(): AnnualReportDoc {
  const t = TEMPLATES['2021'];
  const apps = t.tables.find((x) => x.key === 'applications')!;
  let d = emptyAnnualReportDoc('2021', 2024, unit);
  const per: Record<string, number[]> = { received: [12, 2, 0, 1, 1, 0], carriedOver: [3, 0, 0, 0, 0, 1], disclosed: [6, 1, 0, 1, 0, 0], partiallyDisclosed: [2, 0, 0, 0, 0, 0], unavailableNotHeld: [4, 1, 0, 0, 0, 1], otherFeeUnpaid: [1, 0, 0, 0, 0, 0], carriedForward: [2, 0, 0, 0, 1, 0] };
  for (const row of apps.rows) {
    const v = row.key === 'handledTotal' ? [13, 2, 0, 1, 0, 1] : (per[row.key] ?? [0, 0, 0, 0, 0, 0]);
    APPLICANT_PART_KEYS.forEach((c, i) => { d = setCell(d, `applications.${row.key}.${c}`, v[i]!); });
    d = setCell(d, `applications.${row.key}.total`, v.reduce((a, b) => a + b, 0));
  }
  d = fill(d, {
    'reviews.reconsideration.upheld': 1, 'reviews.reconsideration.corrected': 0, 'reviews.reconsideration.other': 0, 'reviews.reconsideration.pending': 1, 'reviews.reconsideration.total': 2,
    'reviews.litigationDirect.upheld': 0, 'reviews.litigationDirect.corrected': 0, 'reviews.litigationDirect.other': 0, 'reviews.litigationDirect.pending': 0, 'reviews.litigationDirect.total': 0,
    'reviews.litigationAfterReconsideration.upheld': 0, 'reviews.litigationAfterReconsideration.corrected': 0, 'reviews.litigationAfterReconsideration.other': 0, 'reviews.litigationAfterReconsideration.pending': 0, 'reviews.litigationAfterReconsideration.total': 0,
    'proactive.regulations.issued': 0, 'proactive.regulations.repealed': 0, 'proactive.regulations.inForce': 0,
    'proactive.normativeDocuments.issued': 4, 'proactive.normativeDocuments.repealed': 1, 'proactive.normativeDocuments.inForce': 30,
    'proactive.licensing.decisions': 120, 'proactive.penalty.decisions': 8, 'proactive.enforcement.decisions': 0, 'proactive.fees.amountWan': 0.18,
  });
  return { ...d, narrative: { overview: '本年共收到政府信息公开申请16件。', problems: '……', other: '本年度收取信息处理费1800元。' } };
}

const failed = (checks: RuleCheck[], rule: string) => checks.filter((c) => c.rule === rule && c.status === 'failed');
const by = (checks: RuleCheck[], rule: string, status: string) => checks.filter((c) => c.rule === rule && c.status === status);

describe('validateAnnualReport — a balanced report passes every error rule', () => {
  it('has no errors, and passed checks carry the equation', () => {
    const r = validateAnnualReport(balanced2021(), { feeRecords: { exist: true, amountWan: 0.18 } });
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    const r1 = r.checks.find((c) => c.rule === 'R1' && c.subject === '申请人情况·自然人')!;
    expect(r1.status).toBe('passed');
    expect(r1.message).toBe('R1 表三 申请人情况·自然人：一、本年新收 12 + 二、上年结转 3 = 15 = 三（七）总计 13 + 四、结转下年度继续办理 2 = 15');
    expect(by(r.checks, 'R2', 'passed')).toHaveLength(25);
    expect(by(r.checks, 'R3', 'passed')).toHaveLength(7);
    expect(by(r.checks, 'R4', 'passed')).toHaveLength(3);
    expect(by(r.checks, 'R8', 'passed').length).toBeGreaterThanOrEqual(2);
    // R5/R7 need last year's report: listed as skipped, not passed.
    expect(r.skipped.map((c) => c.rule)).toEqual(['R5', 'R7']);
  });
});

describe('each rule fails with both sides of the equation', () => {
  const cases: { rule: string; change: Record<string, Cell>; message: string; severity: 'error' | 'warning' }[] = [
    { rule: 'R1', change: { 'applications.carriedForward.natural': 1 }, severity: 'error', message: 'R1 表三 申请人情况·自然人：一、本年新收 12 + 二、上年结转 3 = 15 ≠ 三（七）总计 13 + 四、结转下年度继续办理 1 = 14' },
    { rule: 'R2', change: { 'applications.received.total': 17 }, severity: 'error', message: 'R2 表三 一、本年新收政府信息公开申请数量：总计 17 ≠ 自然人 12 + 商业企业 2 + 科研机构 0 + 社会公益组织 1 + 法律服务机构 1 + 其他 0 = 16' },
    { rule: 'R3', change: { 'applications.disclosed.research': 2, 'applications.received.research': 2, 'applications.disclosed.total': 10, 'applications.received.total': 18 }, severity: 'error', message: 'R3 表三 申请人情况·法人或其他组织·科研机构：三（七）总计 0 ≠ 三（一）予以公开 2（其余各项为 0） = 2' },
    { rule: 'R4', change: { 'reviews.reconsideration.total': 3 }, severity: 'error', message: 'R4 表四 行政复议：总计 3 ≠ 结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 2' },
    { rule: 'R6', change: { 'proactive.penalty.decisions': -1 }, severity: 'error', message: 'R6 表二 第二十条第（六）项 行政处罚 · 本年处理决定数量：-1，件数不能为负数' },
    { rule: 'R6', change: { 'proactive.licensing.decisions': 1.5 }, severity: 'error', message: 'R6 表二 第二十条第（五）项 行政许可 · 本年处理决定数量：1.5，件数必须是整数' },
    { rule: 'R6', change: { 'proactive.fees.amountWan': -0.5 }, severity: 'error', message: '金额不能为负数' },
  ];
  it.each(cases)('$rule: $message', ({ rule, change, message, severity }) => {
    const r = validateAnnualReport(fill(balanced2021(), change), { feeRecords: { exist: true, amountWan: 0.18 } });
    const f = failed(r.checks, rule);
    expect(f.map((c) => c.message).join('\n')).toContain(message);
    expect(f.every((c) => c.severity === severity)).toBe(true);
    expect(r.ok).toBe(severity !== 'error');
  });

  it('R6 accepts a fractional fee amount and, in 2019, a negative 本年增/减', () => {
    let d = emptyAnnualReportDoc('2019', 2020, unit);
    d = fill(d, { 'proactive.licensing.change': -3, 'proactive.fees.amountWan': 0.25 });
    expect(failed(validateAnnualReport(d).checks, 'R6')).toEqual([]);
    expect(failed(validateAnnualReport(fill(d, { 'proactive.licensing.change': -2.5 })).checks, 'R6')[0]!.message).toContain('增减数必须是整数');
  });
});

describe('null cells are skipped, never passed', () => {
  it.each([
    ['R1', 'applications.carriedOver.natural', 'R1 表三 申请人情况·自然人：已跳过，以下单元格为空（原文未载明）：二、上年结转'],
    ['R2', 'applications.received.legal', 'R2 表三 一、本年新收政府信息公开申请数量：已跳过，以下单元格为空（原文未载明）：法律服务机构'],
    ['R3', 'applications.withheldStateSecret.total', 'R3 表三 申请人情况·总计：已跳过，以下单元格为空（原文未载明）：三（三）不予公开 1.属于国家秘密'],
    ['R4', 'reviews.litigationDirect.pending', 'R4 表四 行政诉讼·未经复议直接起诉：已跳过，以下单元格为空（原文未载明）：尚未审结'],
  ])('%s with %s null', (rule, path, message) => {
    const r = validateAnnualReport(setCell(balanced2021(), path, null));
    const s = r.skipped.filter((c) => c.rule === rule);
    expect(s.map((c) => c.message)).toContain(message);
    expect(r.checks.filter((c) => c.rule === rule && c.status === 'passed' && c.cells.includes(path))).toEqual([]);
  });

  it('an empty document passes nothing: every equation is skipped', () => {
    const r = validateAnnualReport(emptyAnnualReportDoc('2021', 2024, unit));
    expect(r.checks.filter((c) => c.status === 'passed' && c.rule !== 'R8')).toHaveLength(0);
    expect(r.ok).toBe(true);
    expect(r.skipped.length).toBe(7 + 25 + 7 + 3 + 1 + 1 + 1 + 1);
  });
});

describe('test vectors from published reports (annual-report-format.md §5)', () => {
  it('2019-format municipal report: 859 + 18 = 805 + 72; 复议 5+0+0+2 = 7; 直接起诉 8+0+0+1 = 9', () => {
    const d = fill(emptyAnnualReportDoc('2019', 2020, { name: '某市人民政府', code: null }), {
      'applications.received.total': 859, 'applications.carriedOver.total': 18, 'applications.handledTotal.total': 805, 'applications.carriedForward.total': 72,
      'reviews.reconsideration.upheld': 5, 'reviews.reconsideration.corrected': 0, 'reviews.reconsideration.other': 0, 'reviews.reconsideration.pending': 2, 'reviews.reconsideration.total': 7,
      'reviews.litigationDirect.upheld': 8, 'reviews.litigationDirect.corrected': 0, 'reviews.litigationDirect.other': 0, 'reviews.litigationDirect.pending': 1, 'reviews.litigationDirect.total': 9,
    });
    const r = validateAnnualReport(d);
    expect(r.errors).toEqual([]);
    expect(r.checks.find((c) => c.rule === 'R1' && c.subject === '申请人情况·总计')!.message).toBe('R1 表三 申请人情况·总计：一、本年新收 859 + 二、上年结转 18 = 877 = 三（七）总计 805 + 四、结转下年度继续办理 72 = 877');
    expect(by(r.checks, 'R4', 'passed').map((c) => c.subject)).toEqual(['行政复议', '行政诉讼·未经复议直接起诉']);
    expect(by(r.checks, 'R4', 'skipped').map((c) => c.subject)).toEqual(['行政诉讼·复议后起诉']);
    // Per-applicant columns were not stated: skipped, not passed.
    expect(by(r.checks, 'R1', 'skipped')).toHaveLength(6);
  });

  it('2025 city report (2021 format) balances; a typo in 结转 breaks R1', () => {
    const cells = {
      'applications.received.total': 14069, 'applications.carriedOver.total': 560, 'applications.handledTotal.total': 13810, 'applications.carriedForward.total': 819,
      'reviews.reconsideration.upheld': 376, 'reviews.reconsideration.corrected': 97, 'reviews.reconsideration.other': 196, 'reviews.reconsideration.pending': 121, 'reviews.reconsideration.total': 790,
      'reviews.litigationDirect.upheld': 16, 'reviews.litigationDirect.corrected': 1, 'reviews.litigationDirect.other': 12, 'reviews.litigationDirect.pending': 27, 'reviews.litigationDirect.total': 56,
      'reviews.litigationAfterReconsideration.upheld': 74, 'reviews.litigationAfterReconsideration.corrected': 1, 'reviews.litigationAfterReconsideration.other': 30, 'reviews.litigationAfterReconsideration.pending': 51, 'reviews.litigationAfterReconsideration.total': 156,
      'proactive.regulations.issued': 3, 'proactive.regulations.repealed': 5, 'proactive.regulations.inForce': 74,
      'proactive.normativeDocuments.issued': 564, 'proactive.normativeDocuments.repealed': 984, 'proactive.normativeDocuments.inForce': 4185,
    };
    const d = fill(emptyAnnualReportDoc('2021', 2025, { name: '某市人民政府', code: null }), cells);
    const r = validateAnnualReport(d);
    expect(r.errors).toEqual([]);
    expect(by(r.checks, 'R4', 'passed')).toHaveLength(3);
    const bad = validateAnnualReport(setCell(d, 'applications.carriedForward.total', 891));
    expect(bad.errors.map((c) => c.message)).toEqual(['R1 表三 申请人情况·总计：一、本年新收 14069 + 二、上年结转 560 = 14629 ≠ 三（七）总计 13810 + 四、结转下年度继续办理 891 = 14701']);
  });
});

describe('warnings across years and against the narrative', () => {
  const prev = () => {
    const d = balanced2021();
    return { ...d, year: 2023, tables: { ...d.tables, applications: { ...d.tables.applications, carriedForward: { ...d.tables.applications.carriedForward!, natural: 3, legal: 0, other: 1, total: 4 } } } };
  };

  it('R5: carriedOver(N) = carriedForward(N−1), column by column', () => {
    const ok = validateAnnualReport(balanced2021(), { previous: fill(prev(), { 'proactive.normativeDocuments.inForce': 27 }) });
    expect(by(ok.checks, 'R5', 'passed')).toHaveLength(7);
    const bad = validateAnnualReport(balanced2021(), { previous: fill(prev(), { 'applications.carriedForward.natural': 5, 'applications.carriedForward.total': 6 }) });
    expect(bad.warnings.map((c) => c.message)).toContain('R5 表三 申请人情况·自然人：2024年 二、上年结转 3 ≠ 2023年 四、结转下年度继续办理 5');
    expect(bad.ok).toBe(true);
    expect(validateAnnualReport(balanced2021(), { previous: { ...prev(), year: 2021 } }).skipped.find((c) => c.rule === 'R5')!.message).toContain('不是 2023 年');
  });

  it('R7: inForce(N) ≈ inForce(N−1) + issued − repealed', () => {
    const ok = validateAnnualReport(balanced2021(), { previous: fill(prev(), { 'proactive.normativeDocuments.inForce': 27 }) });
    expect(by(ok.checks, 'R7', 'passed').map((c) => c.subject)).toEqual(['第二十条第（一）项 规章·现行有效件数', '第二十条第（一）项 行政规范性文件·现行有效件数']);
    const bad = validateAnnualReport(balanced2021(), { previous: fill(prev(), { 'proactive.normativeDocuments.inForce': 20 }) });
    expect(bad.warnings.filter((c) => c.rule === 'R7').map((c) => c.message)[0]).toMatch(/^R7 表二 第二十条第（一）项 行政规范性文件·现行有效件数：2024年 30 ≠ 2023年 20 \+ 本年制发 4 − 本年废止 1 = 23/);
    const skipped = validateAnnualReport(balanced2021(), { previous: fill(prev(), { 'proactive.regulations.inForce': null }) });
    expect(by(skipped.checks, 'R7', 'skipped')[0]!.message).toContain('已跳过');
  });

  it.each([
    ['no mention of fees although fee records exist', { other: '无其他需要报告的事项。' }, { exist: true, amountWan: 0.18 }, '但正文没有说明收取费用的情况'],
    ['says none although fees were collected', { other: '本年度没有收取信息处理费。' }, { exist: true, amountWan: 0.18 }, '正文称“本年度没有收取信息处理费”'],
    ['states a different amount', { other: '本年度收取信息处理费2000元。' }, { exist: true, amountWan: 0.18 }, '即 0.2 万元 ≠ 收费记录合计 0.18 万元'],
    ['narrative contradicts table 三', { overview: '本年共收到政府信息公开申请20件。' }, { exist: true, amountWan: 0.18 }, 'R8 正文 收到的政府信息公开申请数：正文“本年共收到政府信息公开申请20件”即 20 ≠ 表三 收到的政府信息公开申请数 16'],
    ['says no applications although the table has some', { overview: '本年未收到政府信息公开申请。' }, null, '即 0 ≠ 表三 收到的政府信息公开申请数 16'],
  ])('R8: %s', (_name, narrative, fees, message) => {
    const base = balanced2021();
    const r = validateAnnualReport({ ...base, narrative: { ...base.narrative, ...narrative } }, { feeRecords: fees });
    expect(r.warnings.filter((c) => c.rule === 'R8').map((c) => c.message).join('\n')).toContain(message);
    expect(r.ok).toBe(true);
  });

  it('R8 is skipped when 三（六）2 is null and no fee records are given', () => {
    const r = validateAnnualReport(setCell(balanced2021(), 'applications.otherFeeUnpaid.total', null));
    expect(r.skipped.some((c) => c.rule === 'R8' && c.message.includes('无法判断'))).toBe(true);
  });

  it('R9 (pre2019): channels, closings and refusals add up; nulls skip', () => {
    const d = fill(emptyAnnualReportDoc('pre2019', 2017, { name: '衡南县某镇人民政府', code: null }), {
      'indicators.applications.received': 10, 'indicators.applications.inPerson': 3, 'indicators.applications.fax': 0, 'indicators.applications.online': 5, 'indicators.applications.letter': 1,
      'indicators.applications.closed': 9, 'indicators.applications.closedOnTime': 9, 'indicators.applications.closedExtended': 0,
    });
    const r = validateAnnualReport(d);
    expect(r.warnings.map((c) => c.message)).toEqual(['R9 附表 收到申请数：（一）收到申请数 10 ≠ 1.当面申请数 3 + 2.传真申请数 0 + 3.网络申请数 5 + 4.信函申请数 1 = 9']);
    expect(by(r.checks, 'R9', 'passed').map((c) => c.subject)).toEqual(['申请办结数']);
    expect(by(r.checks, 'R9', 'skipped').map((c) => c.subject)).toEqual(['不同意公开答复数']);
    expect(r.ok).toBe(true);
    expect(TEMPLATES.pre2019.rules).not.toContain('R1');
  });
});
