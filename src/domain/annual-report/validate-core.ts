/**
 * Shared pieces of the annual report validator: result types, rule severities and the equation check that
 * reports both sides with numbers, or "skipped" when a cell is null (annual-report-format.md §5).
 */
import { getCell, type AnnualReportDoc, type Cell, type TableKey } from './interchange.js';
import { tableDef, type RuleId, type TemplateDef } from './templates.js';

/** Fee records kept outside table 三 (R8): whether any fee was collected this year, and the amount in 万元. */
export interface FeeRecords {
  exist: boolean;
  amountWan?: number | null;
}

export type Severity = 'error' | 'warning';
export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface RuleCheck {
  rule: RuleId;
  severity: Severity;
  status: CheckStatus;
  /** e.g. "表三 收到和处理政府信息公开申请情况" */
  table: string;
  /** the row/column the check is about, in Chinese */
  subject: string;
  /** the full message (also for passed checks, so a report can show the equation) */
  message: string;
  /** cell paths involved (for skipped: the null ones) */
  cells: string[];
}

export interface ValidationResult {
  /** true when no error-level check failed */
  ok: boolean;
  errors: RuleCheck[];
  warnings: RuleCheck[];
  skipped: RuleCheck[];
  checks: RuleCheck[];
}

export interface ValidateOptions {
  /** last year's report of the same unit (R5, R7) */
  previous?: AnnualReportDoc | null;
  /** fee records held outside the table (R8): whether any exist this year and the amount in 万元 */
  feeRecords?: FeeRecords | null;
}

export const RULE_SEVERITY: Record<RuleId, Severity> = {
  R1: 'error', R2: 'error', R3: 'error', R4: 'error', R6: 'error',
  R5: 'warning', R7: 'warning', R8: 'warning', R9: 'warning',
};

/** Formats a number for a message: integers as is, decimals without float noise. */
export const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);
export const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1e6) / 1e6;

/** Builds one check from named terms: skipped when a term is null, else compares both sides. */
export function equationCheck(
  _t: TemplateDef,
  rule: RuleId,
  doc: AnnualReportDoc,
  o: { table: string; subject: string; left: { label: string; path: string }[]; right: { label: string; path: string }[]; hideZeroRight?: boolean },
): RuleCheck {
  const severity = RULE_SEVERITY[rule];
  const all = [...o.left, ...o.right];
  // Each cell is read once (validation runs for every unit of a roll-up).
  const values = new Map<string, Cell>(all.map((x) => [x.path, getCell(doc, x.path) ?? null]));
  const val = (p: string): Cell => values.get(p) ?? null;
  const missing = all.filter((x) => val(x.path) === null);
  const head = `${rule} ${o.table.split(' ')[0]} ${o.subject}：`;
  if (missing.length) {
    return {
      rule, severity, status: 'skipped', table: o.table, subject: o.subject, cells: missing.map((m) => m.path),
      message: `${head}已跳过，以下单元格为空（原文未载明）：${missing.map((m) => m.label).join('、')}`,
    };
  }
  const side = (terms: { label: string; path: string }[], hideZero: boolean) => {
    const total = sum(terms.map((x) => val(x.path)!));
    const shown = hideZero ? terms.filter((x) => val(x.path) !== 0) : terms;
    const text = shown.length ? shown.map((x) => `${x.label} ${fmt(val(x.path)!)}`).join(' + ') : '各项均为 0';
    const note = hideZero && shown.length < terms.length && shown.length ? '（其余各项为 0）' : '';
    return { total, text: terms.length > 1 ? `${text}${note} = ${fmt(total)}` : text };
  };
  const l = side(o.left, false);
  const r = side(o.right, o.hideZeroRight ?? false);
  const passed = Math.abs(l.total - r.total) < 1e-9;
  return {
    rule, severity, status: passed ? 'passed' : 'failed', table: o.table, subject: o.subject, cells: all.map((x) => x.path),
    message: `${head}${l.text} ${passed ? '=' : '≠'} ${r.text}`,
  };
}

export function tableName(t: TemplateDef, key: TableKey): string {
  const d = tableDef(t, key);
  return d ? `${d.shortName} ${d.title}` : key;
}

