/**
 * Cross-unit comparison of accepted annual reports (issue 6 item 5): for a supervising unit, each subordinate
 * unit's key figures by year, from reports computed on the platform or imported from published history, with the
 * R1–R9 findings of every report and the notes on figures that older templates give only approximately. Pure:
 * the use case (comparison-query.ts) gathers the reports.
 */
import { FIGURES, FIGURE_GROUPS, FIGURE_SOURCES, comparabilityNotes, keyFigures, type FigureKey, type Figures } from './comparison-figures.js';
import type { AnnualReportDoc, TemplateId } from './interchange.js';
import { validateDoc } from './workflow-validation.js';
import { REPORT_STATUSES, type ReportStatus } from './workflow-status.js';

export * from './comparison-figures.js';

/** Only reports the supervising office has accepted (or that are published) are compared. */
export const COMPARED_STATUSES: readonly ReportStatus[] = ['accepted', 'published'];

export interface ComparisonUnit {
  id: string;
  name: string;
  /** the supervising unit itself (its own report), listed first */
  own: boolean;
}

export interface ComparisonInput {
  reportId: string;
  unitId: string;
  year: number;
  status: ReportStatus;
  origin: 'computed' | 'imported';
  doc: AnnualReportDoc;
  /** the same unit's report of the year before (any status), for R5 and R7 */
  previousDoc: AnnualReportDoc | null;
  /** items the unit published on the platform in the year; null for imported reports */
  publishedRecords: number | null;
  /** fees recorded on the platform (R8); null for imported reports, whose year the platform did not record */
  fees: { amountYuan: number; payments: number } | null;
}

export interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface ComparisonRow {
  reportId: string;
  unitId: string;
  unitName: string;
  year: number;
  template: TemplateId;
  origin: 'computed' | 'imported';
  originLabel: string;
  status: ReportStatus;
  statusLabel: string;
  figures: Figures;
  /** figures of this row that are not like-for-like with the 2021 format (see notes) */
  approximate: FigureKey[];
  findings: { errors: number; warnings: number; skipped: number; items: Finding[] };
}

export interface Comparison {
  unit: { id: string; name: string };
  from: number;
  to: number;
  years: number[];
  units: ComparisonUnit[];
  figures: (typeof FIGURES)[number][];
  groups: typeof FIGURE_GROUPS;
  rows: ComparisonRow[];
  /** unit × year without an accepted or published report, with what there is instead */
  missing: { unitId: string; unitName: string; year: number; statusLabel: string }[];
  /** true when the rows use more than one template: some figures are then only roughly comparable */
  mixedTemplates: boolean;
  notes: ReturnType<typeof comparabilityNotes>;
}

export const ORIGIN_LABELS = { computed: '系统生成', imported: '历史导入' } as const;

function approximateFigures(template: TemplateId): FigureKey[] {
  return FIGURES.filter((f) => {
    const s = FIGURE_SOURCES[template][f.key];
    return s.kind !== 'absent' && s.basis === 'approximate';
  }).map((f) => f.key);
}

export function compareRow(input: ComparisonInput, unitName: string): ComparisonRow {
  const v = validateDoc(input.doc, input.previousDoc, input.fees);
  const figures = keyFigures(input.doc, input.origin === 'computed' ? input.publishedRecords : null);
  return {
    reportId: input.reportId, unitId: input.unitId, unitName, year: input.year, template: input.doc.template,
    origin: input.origin, originLabel: ORIGIN_LABELS[input.origin], status: input.status, statusLabel: REPORT_STATUSES[input.status],
    figures,
    approximate: approximateFigures(input.doc.template).filter((k) => figures[k] !== null),
    findings: {
      errors: v.errors.length, warnings: v.warnings.length, skipped: v.skipped.length,
      items: [...v.errors, ...v.warnings].map((c) => ({ rule: c.rule, severity: c.severity, message: c.message })),
    },
  };
}

export function buildComparison(args: {
  unit: { id: string; name: string };
  from: number;
  to: number;
  units: ComparisonUnit[];
  reports: ComparisonInput[];
  /** status of every report of the units in the range (to say why a unit × year is missing) */
  statuses: { unitId: string; year: number; status: ReportStatus }[];
}): Comparison {
  const years: number[] = [];
  for (let y = args.from; y <= args.to; y++) years.push(y);
  const names = new Map(args.units.map((u) => [u.id, u.name]));
  const order = new Map(args.units.map((u, i) => [u.id, i]));
  const compared = args.reports.filter((r) => COMPARED_STATUSES.includes(r.status) && r.year >= args.from && r.year <= args.to && names.has(r.unitId));
  const rows = compared
    .map((r) => compareRow(r, names.get(r.unitId)!))
    .sort((a, b) => order.get(a.unitId)! - order.get(b.unitId)! || a.year - b.year);
  const have = new Set(rows.map((r) => `${r.unitId}:${r.year}`));
  const statusOf = new Map(args.statuses.map((s) => [`${s.unitId}:${s.year}`, s.status]));
  const missing: Comparison['missing'] = [];
  for (const u of args.units) {
    for (const y of years) {
      if (have.has(`${u.id}:${y}`)) continue;
      const s = statusOf.get(`${u.id}:${y}`);
      missing.push({ unitId: u.id, unitName: u.name, year: y, statusLabel: s ? REPORT_STATUSES[s] : '未开始' });
    }
  }
  const templates = new Set(rows.map((r) => r.template));
  return {
    unit: args.unit, from: args.from, to: args.to, years, units: args.units, figures: FIGURES, groups: FIGURE_GROUPS, rows, missing,
    mixedTemplates: templates.size > 1,
    notes: comparabilityNotes(templates),
  };
}

const TEMPLATE_LABELS: Record<TemplateId, string> = { '2021': '2021年格式', '2019': '2019年格式', pre2019: '2018年及以前（附表）' };
export const templateLabel = (t: TemplateId) => TEMPLATE_LABELS[t];

export type SheetCell = string | number | null;

/** The export as sheets of plain cells (the route writes them with exceljs): key figures, findings, notes. */
export function comparisonSheets(c: Comparison): { name: string; header: string[]; rows: SheetCell[][]; widths: number[] }[] {
  const figureHeader = c.figures.map((f) => `${f.label}（${f.unit}）`);
  return [
    {
      name: '关键数据',
      header: ['单位', '年度', '报告格式', '来源', '状态', ...figureHeader, '口径近似的指标', '勾稽错误', '勾稽警告'],
      rows: c.rows.map((r) => [
        r.unitName, r.year, templateLabel(r.template), r.originLabel, r.statusLabel,
        ...c.figures.map((f) => r.figures[f.key]),
        r.approximate.map((k) => c.figures.find((f) => f.key === k)!.label).join('、'),
        r.findings.errors, r.findings.warnings,
      ]),
      widths: [28, 8, 18, 10, 12, ...c.figures.map(() => 12), 30, 10, 10],
    },
    {
      name: '勾稽校验',
      header: ['单位', '年度', '规则', '级别', '说明'],
      rows: c.rows.flatMap((r) => r.findings.items.map((f) => [r.unitName, r.year, f.rule, f.severity === 'error' ? '错误' : '警告', f.message])),
      widths: [28, 8, 8, 8, 100],
    },
    {
      name: '口径说明',
      header: ['报告格式', '指标', '情况', '说明'],
      rows: c.notes.map((n) => [templateLabel(n.template), n.label, n.basis === 'absent' ? '该格式无此指标（空）' : '口径近似', n.note]),
      widths: [20, 20, 18, 90],
    },
    {
      name: '未纳入比较',
      header: ['单位', '年度', '报告状态'],
      rows: c.missing.map((m) => [m.unitName, m.year, `${m.statusLabel}（只比较已审核通过或已公开的报告）`]),
      widths: [28, 8, 40],
    },
  ];
}
