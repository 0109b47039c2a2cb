/**
 * Consistency rules R1–R9 of the annual report (勾稽关系, annual-report-format.md §5). Errors (R1 R2 R3 R4 R6)
 * block publication; warnings (R5 R7 R8 R9) are shown. A check whose cells include null is reported as
 * skipped, never as passed. Every message names the rule, the table, the Chinese row and column labels and
 * both sides of the equation.
 */
import { getCell, type AnnualReportDoc, type TableKey } from './interchange.js';
import {
  APPLICANT_COLUMN_KEYS, APPLICANT_PART_KEYS, REVIEW_PART_KEYS, cellKind, cellLabel, tableDef, templateById,
  type TemplateDef,
} from './templates.js';
import { equationCheck, fmt, tableName, type RuleCheck, type ValidateOptions, type ValidationResult } from './validate-core.js';
import { checkR5, checkR7, checkR8 } from './validate-history.js';

export * from './validate-core.js';

function r1(t: TemplateDef, doc: AnnualReportDoc): RuleCheck[] {
  const d = tableDef(t, 'applications');
  if (!d) return [];
  const term = (row: string, c: string) => ({ label: d.rows.find((r) => r.key === row)!.shortLabel, path: `applications.${row}.${c}` });
  // R1: 第一项加第二项之和，等于第三项加第四项之和 (printed in the official table header).
  return APPLICANT_COLUMN_KEYS.map((c) =>
    equationCheck(t, 'R1', doc, {
      table: tableName(t, 'applications'),
      subject: d.columns.find((x) => x.key === c)!.fullLabel,
      left: [term('received', c), term('carriedOver', c)],
      right: [term('handledTotal', c), term('carriedForward', c)],
    }),
  );
}

function r2(t: TemplateDef, doc: AnnualReportDoc): RuleCheck[] {
  const d = tableDef(t, 'applications');
  if (!d) return [];
  // R2: 总计 = 自然人 + 法人或其他组织的五列 (no subtotal column for the group).
  return d.rows.map((row) =>
    equationCheck(t, 'R2', doc, {
      table: tableName(t, 'applications'),
      subject: row.fullLabel,
      left: [{ label: '总计', path: `applications.${row.key}.total` }],
      right: APPLICANT_PART_KEYS.map((c) => ({ label: d.columns.find((x) => x.key === c)!.label, path: `applications.${row.key}.${c}` })),
    }),
  );
}

function r3(t: TemplateDef, doc: AnnualReportDoc): RuleCheck[] {
  const d = tableDef(t, 'applications');
  if (!d) return [];
  const results = d.rows.filter((r) => r.result);
  // R3: 三（七）总计 = the sum of the result rows (2021: 21, 2019: 19).
  return APPLICANT_COLUMN_KEYS.map((c) =>
    equationCheck(t, 'R3', doc, {
      table: tableName(t, 'applications'),
      subject: d.columns.find((x) => x.key === c)!.fullLabel,
      left: [{ label: '三（七）总计', path: `applications.handledTotal.${c}` }],
      right: results.map((r) => ({ label: r.fullLabel, path: `applications.${r.key}.${c}` })),
      hideZeroRight: true,
    }),
  );
}

function r4(t: TemplateDef, doc: AnnualReportDoc): RuleCheck[] {
  const d = tableDef(t, 'reviews');
  if (!d) return [];
  const label = (c: string) => d.columns.find((x) => x.key === c)!.label;
  // R4: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for 复议 and both kinds of 诉讼.
  return d.rows.map((row) =>
    equationCheck(t, 'R4', doc, {
      table: tableName(t, 'reviews'),
      subject: row.fullLabel,
      left: [{ label: '总计', path: `reviews.${row.key}.total` }],
      right: REVIEW_PART_KEYS.map((c) => ({ label: label(c), path: `reviews.${row.key}.${c}` })),
    }),
  );
}

/** R6: counts are non-negative integers, amounts (万元) non-negative decimals, 2019 本年增/减 any integer. */
/** Every cell path of a template with its kind, computed once per template (validation runs per unit in roll-ups). */
const kindsByTemplate = new WeakMap<TemplateDef, [string, NonNullable<ReturnType<typeof cellKind>>][]>();
function cellKinds(t: TemplateDef) {
  let k = kindsByTemplate.get(t);
  if (!k) {
    const paths = [
      ...t.tables.flatMap((d) => d.rows.flatMap((r) => r.columns.map((c) => `${d.key}.${r.key}.${c}`))),
      ...t.indicators.map((i) => `indicators.${i.key}`),
    ];
    k = paths.map((p) => [p, cellKind(t, p)!]);
    kindsByTemplate.set(t, k);
  }
  return k;
}

function r6(t: TemplateDef, doc: AnnualReportDoc): RuleCheck[] {
  const out: RuleCheck[] = [];
  const nulls: string[] = [];
  const kinds = cellKinds(t);
  const paths = kinds.map(([p]) => p);
  for (const [p, kind] of kinds) {
    const v = getCell(doc, p) ?? null;
    if (v === null) { nulls.push(p); continue; }
    const problem =
      kind === 'amountWan' ? (v < 0 ? '金额不能为负数' : null)
      : kind === 'signedChange' ? (Number.isInteger(v) ? null : '增减数必须是整数')
      : !Number.isInteger(v) ? '件数必须是整数' : v < 0 ? '件数不能为负数' : null;
    if (problem) {
      const table = p.startsWith('indicators.') ? '附表 政府信息公开情况统计表' : tableName(t, p.split('.')[0] as TableKey);
      out.push({ rule: 'R6', severity: 'error', status: 'failed', table, subject: cellLabel(t, p), cells: [p], message: `R6 ${cellLabel(t, p)}：${fmt(v)}，${problem}` });
    }
  }
  if (nulls.length) {
    out.push({ rule: 'R6', severity: 'error', status: 'skipped', table: '全部表格', subject: '空单元格', cells: nulls, message: `R6 全部表格：${nulls.length} 个单元格为空（原文未载明），未检查` });
  }
  if (!out.some((c) => c.status === 'failed') && paths.length > nulls.length) {
    out.unshift({ rule: 'R6', severity: 'error', status: 'passed', table: '全部表格', subject: '单元格取值', cells: [], message: `R6 全部表格：${paths.length - nulls.length} 个已填单元格均为合法数值` });
  }
  return out;
}

/** R9 (pre2019 附表): channel, closing and refusal breakdowns add up — a warning, older reports had more channels. */
function r9(t: TemplateDef, doc: AnnualReportDoc): RuleCheck[] {
  const ind = (k: string) => ({ label: t.indicators.find((i) => i.key === k)!.label, path: `indicators.${k}` });
  const table = '附表 政府信息公开情况统计表';
  const eq = (subject: string, total: string, parts: string[]) => equationCheck(t, 'R9', doc, { table, subject, left: [ind(total)], right: parts.map(ind) });
  return [
    eq('收到申请数', 'applications.received', ['applications.inPerson', 'applications.fax', 'applications.online', 'applications.letter']),
    eq('申请办结数', 'applications.closed', ['applications.closedOnTime', 'applications.closedExtended']),
    eq('不同意公开答复数', 'applications.refused', [
      'applications.refusedStateSecret', 'applications.refusedTradeSecret', 'applications.refusedPrivacy',
      'applications.refusedSecurityStability', 'applications.refusedNotGovInfo', 'applications.refusedOtherLaw',
    ]),
  ];
}

export function validateAnnualReport(doc: AnnualReportDoc, options: ValidateOptions = {}): ValidationResult {
  const t = templateById(doc.template);
  const checks: RuleCheck[] = [];
  for (const rule of t.rules) {
    if (rule === 'R1') checks.push(...r1(t, doc));
    else if (rule === 'R2') checks.push(...r2(t, doc));
    else if (rule === 'R3') checks.push(...r3(t, doc));
    else if (rule === 'R4') checks.push(...r4(t, doc));
    else if (rule === 'R5') checks.push(...checkR5(t, doc, options.previous ?? null));
    else if (rule === 'R6') checks.push(...r6(t, doc));
    else if (rule === 'R7') checks.push(...checkR7(t, doc, options.previous ?? null));
    else if (rule === 'R8') checks.push(...checkR8(t, doc, options.feeRecords ?? null));
    else if (rule === 'R9') checks.push(...r9(t, doc));
  }
  const errors = checks.filter((c) => c.status === 'failed' && c.severity === 'error');
  const warnings = checks.filter((c) => c.status === 'failed' && c.severity === 'warning');
  const skipped = checks.filter((c) => c.status === 'skipped');
  return { ok: errors.length === 0, errors, warnings, skipped, checks };
}
