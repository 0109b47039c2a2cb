/**
 * Warning rules that look beyond the tables of one report (annual-report-format.md §5): R5 carried-over
 * applications match last year's carried-forward, R7 documents in force roll forward, R8 the narrative agrees
 * with the tables and states the fees.
 */
import { getCell, type AnnualReportDoc } from './interchange.js';
import { APPLICANT_COLUMN_KEYS, tableDef, type RuleId, type TemplateDef } from './templates.js';
import { equationCheck, fmt, tableName, type FeeRecords, type RuleCheck } from './validate-core.js';

const skipped = (rule: RuleId, table: string, subject: string, reason: string): RuleCheck => ({
  rule, severity: 'warning', status: 'skipped', table, subject, cells: [], message: `${rule} ${table.split(' ')[0]} ${subject}：已跳过，${reason}`,
});

function historyCheck(t: TemplateDef, rule: RuleId, doc: AnnualReportDoc, previous: AnnualReportDoc, o: Parameters<typeof equationCheck>[3]): RuleCheck {
  // equationCheck reads cells through getCell(doc, path); resolve "prev:" paths by copying the values in.
  const merged: AnnualReportDoc = { ...doc, indicators: { ...doc.indicators } };
  for (const term of [...o.left, ...o.right]) {
    if (term.path.startsWith('prev:')) merged.indicators[term.path] = getCell(previous, term.path.slice(5)) ?? null;
  }
  const fixed = (terms: { label: string; path: string }[]) => terms.map((x) => (x.path.startsWith('prev:') ? { ...x, path: `indicators.${x.path}` } : x));
  const c = equationCheck(t, rule, merged, { ...o, left: fixed(o.left), right: fixed(o.right) });
  return { ...c, cells: c.cells.map((p) => p.replace(/^indicators\.prev:/, `${previous.year}:`)) };
}

/** R5: 二、上年结转 of year N equals 四、结转下年度继续办理 of year N−1 (same unit), column by column. */
export function checkR5(t: TemplateDef, doc: AnnualReportDoc, previous: AnnualReportDoc | null): RuleCheck[] {
  const table = tableName(t, 'applications');
  if (!previous) return [skipped('R5', table, '上年结转', '未提供上一年度报告')];
  if (previous.year !== doc.year - 1) return [skipped('R5', table, '上年结转', `提供的是 ${previous.year} 年报告，不是 ${doc.year - 1} 年`)];
  if (previous.template === 'pre2019') return [skipped('R5', table, '上年结转', `${previous.year} 年报告采用旧版统计表，没有“结转下年度继续办理”`)];
  const d = tableDef(t, 'applications')!;
  return APPLICANT_COLUMN_KEYS.map((c) =>
    historyCheck(t, 'R5', doc, previous, {
      table,
      subject: d.columns.find((x) => x.key === c)!.fullLabel,
      left: [{ label: `${doc.year}年 二、上年结转`, path: `applications.carriedOver.${c}` }],
      right: [{ label: `${previous.year}年 四、结转下年度继续办理`, path: `prev:applications.carriedForward.${c}` }],
    }),
  );
}

/** R7: 现行有效件数(N) ≈ 现行有效件数(N−1) + 本年制发件数(N) − 本年废止件数(N); amendments break it, hence a warning. */
export function checkR7(t: TemplateDef, doc: AnnualReportDoc, previous: AnnualReportDoc | null): RuleCheck[] {
  const table = tableName(t, 'proactive');
  if (!previous) return [skipped('R7', table, '现行有效件数', '未提供上一年度报告')];
  if (previous.year !== doc.year - 1) return [skipped('R7', table, '现行有效件数', `提供的是 ${previous.year} 年报告，不是 ${doc.year - 1} 年`)];
  if (previous.template !== '2021') return [skipped('R7', table, '现行有效件数', `${previous.year} 年报告的表二没有“现行有效件数”`)];
  const d = tableDef(t, 'proactive')!;
  return ['regulations', 'normativeDocuments'].map((row) => {
    const r = d.rows.find((x) => x.key === row)!;
    const check = historyCheck(t, 'R7', doc, previous, {
      table,
      subject: `${r.fullLabel}·现行有效件数`,
      left: [{ label: `${doc.year}年 现行有效件数`, path: `proactive.${row}.inForce` }],
      right: [
        { label: `${previous.year}年 现行有效件数`, path: `prev:proactive.${row}.inForce` },
        { label: '本年制发件数', path: `proactive.${row}.issued` },
        { label: '− 本年废止件数', path: `proactive.${row}.repealed` },
      ],
    });
    return check.status === 'skipped' ? check : r7Recompute(check, doc, previous, row);
  });
}

/** equationCheck only adds; R7 subtracts the repealed count, so the equation is recomputed here. */
function r7Recompute(c: RuleCheck, doc: AnnualReportDoc, previous: AnnualReportDoc, row: string): RuleCheck {
  const now = getCell(doc, `proactive.${row}.inForce`)!;
  const before = getCell(previous, `proactive.${row}.inForce`)!;
  const issued = getCell(doc, `proactive.${row}.issued`)!;
  const repealed = getCell(doc, `proactive.${row}.repealed`)!;
  const expected = before + issued - repealed;
  const passed = now === expected;
  return {
    ...c,
    status: passed ? 'passed' : 'failed',
    message: `R7 表二 ${c.subject}：${doc.year}年 ${fmt(now)} ${passed ? '=' : '≠'} ${previous.year}年 ${fmt(before)} + 本年制发 ${fmt(issued)} − 本年废止 ${fmt(repealed)} = ${fmt(expected)}${passed ? '' : '（如有修订导致件数变化，请在正文中说明）'}`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// R8: narrative ↔ tables

const sentences = (text: string) => text.split(/[。；;！!\n]/).map((s) => s.trim()).filter(Boolean);
const FEE_WORDS = /收费|费用|处理费|收取/;
const SAYS_NO_FEE = /(未|没有|无|不)[^，,]{0,10}(收取|收费|费用|处理费)|(收取|收费)[^，,]{0,6}(0|零)\s*(元|万元)/;
const FEE_AMOUNT = /(\d+(?:\.\d+)?)\s*(万元|元)/;

interface NarrativeClaim { path: string; pattern: RegExp; zeroPattern: RegExp; what: string }

/** Numbers the narrative commonly states, and the table cell each one must agree with. */
function claims(t: TemplateDef): NarrativeClaim[] {
  const pre = t.id === 'pre2019';
  return [
    {
      path: pre ? 'indicators.applications.received' : 'applications.received.total',
      pattern: /(?:新收|共收到|收到|受理)[^。；，,、\d]{0,16}?(?:公开申请|申请)[^。；，,、\d]{0,8}?(\d+)\s*(?:件|个|份|宗)/,
      zeroPattern: /(?:未|没有)(?:收到|受理)[^。；，,\d]{0,10}(?:申请|办件)/,
      what: '收到的政府信息公开申请数',
    },
    {
      path: pre ? 'indicators.reconsideration.total' : 'reviews.reconsideration.total',
      pattern: /行政复议[^。；，,、\d]{0,8}?(\d+)\s*(?:件|起|宗)/,
      zeroPattern: /(?:未|没有)(?:收到|发生)[^。；，\d]{0,16}行政复议/,
      what: '行政复议案件数',
    },
  ];
}

function narrativeText(doc: AnnualReportDoc): string {
  const n = doc.narrative;
  return [n.overview, ...(n.extra ?? []).map((e) => e.text), n.problems, n.other].join('\n');
}

export function checkR8(t: TemplateDef, doc: AnnualReportDoc, fees: FeeRecords | null): RuleCheck[] {
  const out: RuleCheck[] = [];
  const otherHeading = t.sections.find((s) => s.kind === 'narrative' && s.key === 'other');
  const section = otherHeading && 'heading' in otherHeading ? otherHeading.heading : '其他需要报告的事项';
  const table = '正文';
  // (a) Section 六 states the fees when any were charged (Art. 42 fees; 三（六）2 counts unpaid fee notices).
  const feeCell = t.id === '2021' ? 'applications.otherFeeUnpaid.total' : t.id === 'pre2019' ? 'indicators.fees.amountWan' : null;
  const feeCellValue = feeCell ? (getCell(doc, feeCell) ?? null) : null;
  const triggers: string[] = [];
  if (fees?.exist) triggers.push(fees.amountWan ? `收费记录合计 ${fmt(fees.amountWan)} 万元` : '本年有收费记录');
  if (feeCell && feeCellValue !== null && feeCellValue > 0) triggers.push(`${t.id === 'pre2019' ? '附表 七、依申请公开信息收取的费用' : '表三 三（六）2.逾期未缴纳费用'} 为 ${fmt(feeCellValue)}`);
  const other = doc.narrative.other;
  if (triggers.length) {
    const mentions = sentences(other).filter((s) => FEE_WORDS.test(s));
    if (!mentions.length) {
      out.push({ rule: 'R8', severity: 'warning', status: 'failed', table, subject: section, cells: feeCell ? [feeCell] : [], message: `R8 正文 ${section}：${triggers.join('，')}，但正文没有说明收取费用的情况` });
    } else if (fees?.exist && fees.amountWan && mentions.some((s) => SAYS_NO_FEE.test(s))) {
      out.push({ rule: 'R8', severity: 'warning', status: 'failed', table, subject: section, cells: [], message: `R8 正文 ${section}：正文称“${mentions.find((s) => SAYS_NO_FEE.test(s))}”，但${triggers[0]}` });
    } else {
      const stated = mentions.map((s) => ({ s, m: FEE_AMOUNT.exec(s) })).find((x) => x.m);
      const statedWan = stated?.m ? Number(stated.m[1]) / (stated.m[2] === '元' ? 10000 : 1) : null;
      if (stated && statedWan !== null && fees?.amountWan != null && Math.abs(statedWan - fees.amountWan) > 1e-6) {
        out.push({ rule: 'R8', severity: 'warning', status: 'failed', table, subject: section, cells: [], message: `R8 正文 ${section}：正文“${stated.s}”即 ${fmt(statedWan)} 万元 ≠ 收费记录合计 ${fmt(fees.amountWan)} 万元` });
      } else {
        out.push({ rule: 'R8', severity: 'warning', status: 'passed', table, subject: section, cells: [], message: `R8 正文 ${section}：已说明收取费用的情况（${triggers.join('，')}）` });
      }
    }
  } else if (!fees && feeCell && feeCellValue === null) {
    out.push(skipped('R8', table, section, `${feeCell} 为空且未提供收费记录，无法判断是否需要说明收费情况`));
  } else {
    out.push({ rule: 'R8', severity: 'warning', status: 'passed', table, subject: section, cells: [], message: `R8 正文 ${section}：本年无收费，无需说明` });
  }
  // (b) A number stated in the narrative contradicts the table.
  const text = narrativeText(doc);
  for (const c of claims(t)) {
    const value = getCell(doc, c.path) ?? null;
    const label = `${c.path.startsWith('indicators.') ? '附表' : tableName(t, c.path.split('.')[0] as 'applications').split(' ')[0]} ${c.what}`;
    const hit = sentences(text).map((s) => ({ s, m: c.pattern.exec(s), zero: c.zeroPattern.test(s) })).find((x) => x.m || x.zero);
    if (!hit) continue;
    const stated = hit.m ? Number(hit.m[1]) : 0;
    if (value === null) { out.push(skipped('R8', table, c.what, `正文称“${hit.s}”，但表格中该数为空`)); continue; }
    const ok = stated === value;
    out.push({
      rule: 'R8', severity: 'warning', status: ok ? 'passed' : 'failed', table, subject: c.what, cells: [c.path],
      message: `R8 正文 ${c.what}：正文“${hit.s}”即 ${stated} ${ok ? '=' : '≠'} ${label} ${fmt(value)}`,
    });
  }
  return out;
}
