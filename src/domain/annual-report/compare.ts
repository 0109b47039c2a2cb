/**
 * Year-over-year comparison of two reports of the same unit (issue 5 item 3): every cell of the current
 * report's template with last year's value, the change and the percentage. Null-safe: an unknown side gives
 * no change; a previous value of 0 gives no percentage (division by zero is not "+∞ %").
 */
import { getCell, templateCellPaths, type AnnualReportDoc, type Cell } from './interchange.js';
import { cellLabel, templateById } from './templates.js';

export interface CellComparison {
  path: string;
  /** Chinese label, e.g. "表三 一、本年新收政府信息公开申请数量 · 申请人情况·自然人" */
  label: string;
  previous: Cell;
  current: Cell;
  /** current − previous; null when either side is null */
  change: number | null;
  /** change / previous × 100, one decimal; null when either side is null or previous is 0 */
  percent: number | null;
}

export interface ReportComparison {
  previousYear: number;
  currentYear: number;
  /** true when the two reports use different templates: only cells both have are compared */
  templateChanged: boolean;
  cells: CellComparison[];
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function compareReports(previous: AnnualReportDoc, current: AnnualReportDoc): ReportComparison {
  const t = templateById(current.template);
  const cells: CellComparison[] = [];
  for (const path of templateCellPaths(current.template)) {
    const prev = getCell(previous, path);
    if (prev === undefined && previous.template !== current.template) continue;
    const p = prev ?? null;
    const c = getCell(current, path) ?? null;
    const change = p === null || c === null ? null : round(c - p, 6);
    const percent = change === null || p === null || p === 0 ? null : round((change / p) * 100, 1);
    cells.push({ path, label: cellLabel(t, path), previous: p, current: c, change, percent });
  }
  return { previousYear: previous.year, currentYear: current.year, templateChanged: previous.template !== current.template, cells };
}

/** "增加 3（+25.0%）" / "减少 2（−10.0%）" / "持平" / "—" for display. */
export function describeChange(c: Pick<CellComparison, 'change' | 'percent'>): string {
  if (c.change === null) return '—';
  if (c.change === 0) return '持平';
  const pct = c.percent === null ? '' : `（${c.percent > 0 ? '+' : '−'}${Math.abs(c.percent).toFixed(1)}%）`;
  return `${c.change > 0 ? '增加' : '减少'} ${Math.abs(c.change)}${pct}`;
}
