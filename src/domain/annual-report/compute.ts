/**
 * The annual report computed from records (issue 5 item 2, rules.md §5): table 三 from applications, table 二
 * rows 规章/行政规范性文件 from published items and the decision/fee rows from manual entries, table 四 from the
 * reconsideration and litigation register. Storage answers one grouped query per table (compute-sources.ts);
 * here the groups are added into cells, and every computed cell keeps the records behind it (drill-down).
 * Cells the records cannot give (figures of other systems not yet entered) stay null: never a silent 0.
 */
import { DomainError, notFound } from '../errors.js';
import type { Deps, Repos } from '../ports.js';
import { applicationCountsTable, applicationsTable, DrillBuilder, proactiveTable, reportShape, reviewsTable, type ReportShape } from './compute-tables.js';
import type { ApplicationCounts, ApplicationGroup, CaseGroup, ItemCounts, ItemGroup, ManualSum, ReportUnit } from './compute-sources.js';
import { REPORT_FORMAT, type AnnualReportDoc, type TableData } from './interchange.js';
import type { ManualEntryKind } from './manual-entries.js';
import { templateForYear } from './templates.js';

export type DrillKind = 'application' | 'item' | 'reviewCase' | 'manualEntry';
export type Drill = Record<string, { kind: DrillKind; ids: string[] }>;

export interface ComputedReport {
  doc: AnnualReportDoc;
  drill: Drill;
  /** Cells left null because their figures were not entered (manual entries), as Chinese labels. */
  missing: { path: string; kind: ManualEntryKind; label: string }[];
}

/** A unit's source rows: grouped with ids (drill-down) or counted per row (without). */
export type Sources = { cases: CaseGroup[]; manual: ManualSum[] } & (
  | { withIds: true; apps: ApplicationGroup[]; items: ItemGroup[] }
  | { withIds: false; apps: ApplicationCounts[]; items: ItemCounts[] }
);

/** The format a year's report is computed in; reports up to 2018 used the 附表 statistics and are imported, not computed. */
export function computableTemplate(year: number): '2021' | '2019' {
  const t = templateForYear(year);
  if (t === 'pre2019') throw new DomainError('VALIDATION', '2018年及以前的年报使用“政府信息公开情况统计表”格式，无法从办理记录计算，请通过年报导入录入历史年报', { fields: [{ path: 'year', message: '请选择2019年或以后的年度' }] });
  return t;
}

export async function computeAnnualReport(
  r: Repos, deps: Pick<Deps, 'officialCalendar'>, unitId: string, year: number, opts: { drill?: boolean } = {},
): Promise<ComputedReport> {
  void deps; // receipt and closing dates are stored as facts; no working-day arithmetic is needed here
  const shape = reportShape(computableTemplate(year));
  const unit = await r.units.get(unitId);
  if (!unit) throw notFound('单位');
  const ids = [unitId];
  if (opts.drill !== false) {
    const [apps, items, cases, manual] = await Promise.all([
      r.reportData.applicationGroups(ids, year, true),
      r.reportData.itemGroups(ids, year, true),
      r.reportData.caseGroups(ids, year, true),
      r.reportData.manualSums(ids, [year - 1, year], true),
    ]);
    return assemble(shape, unit, year, { withIds: true, apps, items, cases, manual });
  }
  const [apps, items, cases, manual] = await Promise.all([
    r.reportData.applicationCounts(ids, year),
    r.reportData.itemCounts(ids, year),
    r.reportData.caseGroups(ids, year, false),
    r.reportData.manualSums(ids, [year - 1, year], false),
  ]);
  return assemble(shape, unit, year, { withIds: false, apps, items, cases, manual });
}

/**
 * Every unit's report (or the listed units') for a year with one counting query per table over all of them:
 * the province-wide batch. No drill-down lists. The document of the template is laid out once (reportShape)
 * and each unit's is a copy filled from its rows.
 */
export async function computeAnnualReports(r: Repos, year: number, unitIds?: string[]): Promise<Map<string, ComputedReport>> {
  const shape = reportShape(computableTemplate(year));
  const scope = unitIds ?? null;
  const [units, apps, items, cases, manual] = await Promise.all([
    r.reportData.reportUnits(scope),
    r.reportData.applicationCounts(scope, year),
    r.reportData.itemCounts(scope, year),
    r.reportData.caseGroups(scope, year, false),
    r.reportData.manualSums(scope, [year - 1, year], false),
  ]);
  const a = byUnit(apps), i = byUnit(items), c = byUnit(cases), m = byUnit(manual);
  const out = new Map<string, ComputedReport>();
  for (const u of units) out.set(u.id, assemble(shape, u, year, { withIds: false, apps: a.get(u.id) ?? [], items: i.get(u.id) ?? [], cases: c.get(u.id) ?? [], manual: m.get(u.id) ?? [] }));
  return out;
}

function byUnit<T extends { unitId: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of rows) {
    const l = m.get(x.unitId);
    if (l) l.push(x);
    else m.set(x.unitId, [x]);
  }
  return m;
}

const copyTable = (t: TableData): TableData => {
  const out: TableData = {};
  for (const row in t) out[row] = { ...t[row] };
  return out;
};

function assemble(shape: ReportShape, unit: ReportUnit, year: number, s: Sources): ComputedReport {
  const base = shape.tables;
  const doc: AnnualReportDoc = {
    format: REPORT_FORMAT,
    template: shape.template,
    year,
    unit: { name: unit.name, code: unit.code },
    narrative: { overview: '', problems: '', other: '' },
    tables: { proactive: copyTable(base.proactive), applications: copyTable(base.applications), reviews: copyTable(base.reviews) },
    indicators: { ...shape.indicators },
    source: null,
  };
  const d = new DrillBuilder(s.withIds);
  if (s.withIds) applicationsTable(doc.tables.applications, s.apps, d);
  else applicationCountsTable(doc.tables.applications, s.apps);
  reviewsTable(doc.tables.reviews, s.cases, d);
  const missing = proactiveTable(shape, doc.tables.proactive, year, s, d);
  // Every cell of the computed tables (applications, reviews) has a drill entry, even an empty one.
  if (s.withIds) for (const [path, kind] of shape.drillCells) d.touch(path, kind);
  return { doc, drill: d.drill, missing };
}
