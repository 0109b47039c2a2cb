/**
 * Roll-up (issue 5 item 6): a government's supervising office sums its subordinate units' reports into a summary
 * report and shows each unit's share of the key cells. Null-aware: "not stated" is never 0, so a sum with any null
 * child cell is null and the cell is flagged with the units that left it open. Pure.
 */
import { emptyAnnualReportDoc, getCell, setCell, templateCellPaths, type AnnualReportDoc, type TemplateId } from './interchange.js';
import { templateById } from './templates.js';

export interface RollupInput {
  unitId: string;
  unitName: string;
  doc: AnnualReportDoc;
}

export interface RollupResult {
  doc: AnnualReportDoc;
  /** Cells left null because these units did not state them. */
  nullCells: { path: string; unitIds: string[] }[];
  /** Reports left out because they use another template than the summary. */
  excluded: { unitId: string; unitName: string; template: string }[];
}

export function sumReports(template: TemplateId, year: number, unit: { name: string; code: string | null }, children: RollupInput[]): RollupResult {
  const included = children.filter((c) => c.doc.template === template);
  const excluded = children.filter((c) => c.doc.template !== template).map((c) => ({ unitId: c.unitId, unitName: c.unitName, template: c.doc.template }));
  let doc = emptyAnnualReportDoc(template, year, unit);
  const nullCells: RollupResult['nullCells'] = [];
  if (!included.length) return { doc, nullCells, excluded };
  for (const path of templateCellPaths(template)) {
    let sum = 0;
    const missing: string[] = [];
    for (const c of included) {
      const v = getCell(c.doc, path);
      if (v === null || v === undefined) missing.push(c.unitId);
      else sum += v;
    }
    if (missing.length) nullCells.push({ path, unitIds: missing });
    // 万元 amounts keep four decimals (1 yuan); counts stay integers.
    doc = setCell(doc, path, missing.length ? null : Math.round(sum * 10_000) / 10_000);
  }
  return { doc, nullCells, excluded };
}

/** The cells the breakdown shows: the totals a supervising office compares units by. */
export function keyCells(template: TemplateId): { path: string; label: string }[] {
  if (template === 'pre2019') {
    return templateById(template).indicators
      .filter((i) => ['proactive.total', 'applications.received', 'applications.closed', 'reconsideration.total', 'litigation.total'].includes(i.key))
      .map((i) => ({ path: `indicators.${i.key}`, label: i.label }));
  }
  const issued = template === '2021' ? 'issued' : 'newlyMade';
  return [
    { path: `proactive.regulations.${issued}`, label: template === '2021' ? '规章·本年制发件数' : '规章·本年新制作数量' },
    { path: `proactive.normativeDocuments.${issued}`, label: template === '2021' ? '行政规范性文件·本年制发件数' : '行政规范性文件·本年新制作数量' },
    { path: 'applications.received.total', label: '本年新收申请·总计' },
    { path: 'applications.carriedOver.total', label: '上年结转申请·总计' },
    { path: 'applications.handledTotal.total', label: '本年度办理结果·总计' },
    { path: 'applications.carriedForward.total', label: '结转下年度继续办理·总计' },
    { path: 'reviews.reconsideration.total', label: '行政复议·总计' },
    { path: 'reviews.litigationDirect.total', label: '行政诉讼（未经复议直接起诉）·总计' },
    { path: 'reviews.litigationAfterReconsideration.total', label: '行政诉讼（复议后起诉）·总计' },
  ];
}

export interface BreakdownRow {
  unitId: string;
  unitName: string;
  /** path → { value, share of the summary total in percent (one decimal), null when unknown or total 0 } */
  cells: Record<string, { value: number | null; sharePct: number | null }>;
}

export function breakdown(template: TemplateId, summary: AnnualReportDoc, children: RollupInput[]): { columns: { path: string; label: string; total: number | null }[]; rows: BreakdownRow[] } {
  const cols = keyCells(template).map((k) => ({ ...k, total: getCell(summary, k.path) ?? null }));
  const rows = children.filter((c) => c.doc.template === template).map((c) => ({
    unitId: c.unitId,
    unitName: c.unitName,
    cells: Object.fromEntries(cols.map((k) => {
      const v = getCell(c.doc, k.path) ?? null;
      const share = v !== null && k.total ? Math.round((v / k.total) * 1000) / 10 : null;
      return [k.path, { value: v, sharePct: share }];
    })),
  }));
  return { columns: cols, rows };
}
