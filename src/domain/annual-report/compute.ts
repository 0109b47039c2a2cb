/**
 * The annual report computed from records (issue 5 item 2, rules.md §5): table 三 from applications, table 二
 * rows 规章/行政规范性文件 from published items and the decision/fee rows from manual entries, table 四 from the
 * reconsideration and litigation register. Storage answers one grouped query per table (compute-sources.ts);
 * here the groups are added into cells, and every computed cell keeps the records behind it (drill-down).
 * Cells the records cannot give (figures of other systems not yet entered) stay null: never a silent 0.
 */
import { DomainError, notFound } from '../errors.js';
import type { Deps, Repos, Unit } from '../ports.js';
import { emptyAnnualReportDoc, type AnnualReportDoc, type TableData } from './interchange.js';
import { MANUAL_ENTRY_KINDS, type ManualEntryKind } from './manual-entries.js';
import { APPLICANT_PART_KEYS, REVIEW_PART_KEYS, templateById, templateForYear } from './templates.js';
import type { ApplicationGroup, CaseGroup, ItemGroup, ManualSum } from './compute-sources.js';

export type DrillKind = 'application' | 'item' | 'reviewCase' | 'manualEntry';
export type Drill = Record<string, { kind: DrillKind; ids: string[] }>;

export interface ComputedReport {
  doc: AnnualReportDoc;
  drill: Drill;
  /** Cells left null because their figures were not entered (manual entries), as Chinese labels. */
  missing: { path: string; kind: ManualEntryKind; label: string }[];
}

interface Sources {
  apps: ApplicationGroup[];
  items: ItemGroup[];
  cases: CaseGroup[];
  manual: ManualSum[];
}

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
  computableTemplate(year);
  const unit = await r.units.get(unitId);
  if (!unit) throw notFound('单位');
  const withIds = opts.drill !== false;
  const ids = [unitId];
  const [apps, items, cases, manual] = await Promise.all([
    r.reportData.applicationGroups(ids, year, withIds),
    r.reportData.itemGroups(ids, year, withIds),
    r.reportData.caseGroups(ids, year, withIds),
    r.reportData.manualSums(ids, [year - 1, year], withIds),
  ]);
  return assemble(unit, year, { apps, items, cases, manual }, withIds);
}

/**
 * Every unit's report (or the listed units') for a year with one grouped query per table over all of them:
 * the province-wide batch. No drill-down lists.
 */
export async function computeAnnualReports(r: Repos, year: number, unitIds?: string[]): Promise<Map<string, ComputedReport>> {
  computableTemplate(year);
  const units = (await r.units.list()).filter((u) => !unitIds || unitIds.includes(u.id));
  const scope = unitIds ?? null;
  const [apps, items, cases, manual] = await Promise.all([
    r.reportData.applicationGroups(scope, year, false),
    r.reportData.itemGroups(scope, year, false),
    r.reportData.caseGroups(scope, year, false),
    r.reportData.manualSums(scope, [year - 1, year], false),
  ]);
  const by = <T extends { unitId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of rows) {
      const l = m.get(x.unitId);
      if (l) l.push(x);
      else m.set(x.unitId, [x]);
    }
    return m;
  };
  const a = by(apps), i = by(items), c = by(cases), m = by(manual);
  const out = new Map<string, ComputedReport>();
  for (const u of units) out.set(u.id, assemble(u, year, { apps: a.get(u.id) ?? [], items: i.get(u.id) ?? [], cases: c.get(u.id) ?? [], manual: m.get(u.id) ?? [] }, false));
  return out;
}

class DrillBuilder {
  readonly drill: Drill = {};
  constructor(private readonly on: boolean) {}
  add(path: string, kind: DrillKind, ids: string[]): void {
    if (!this.on) return;
    const d = (this.drill[path] ??= { kind, ids: [] });
    for (const id of ids) d.ids.push(id);
  }
  touch(path: string, kind: DrillKind): void {
    if (this.on) this.drill[path] ??= { kind, ids: [] };
  }
}

function assemble(unit: Unit, year: number, s: Sources, withIds: boolean): ComputedReport {
  const template = computableTemplate(year);
  const t = templateById(template);
  const doc = emptyAnnualReportDoc(template, year, { name: unit.name, code: unit.code });
  const d = new DrillBuilder(withIds);
  applicationsTable(doc.tables.applications, s.apps, d);
  reviewsTable(doc.tables.reviews, s.cases, d);
  const missing = proactiveTable(template, doc.tables.proactive, year, s.items, s.manual, d);
  // Every cell of the computed tables (applications, reviews) has a drill entry, even an empty one.
  for (const table of ['applications', 'reviews'] as const) {
    for (const row of t.tables.find((x) => x.key === table)?.rows ?? []) for (const c of row.columns) d.touch(`${table}.${row.key}.${c}`, table === 'reviews' ? 'reviewCase' : 'application');
  }
  return { doc, drill: d.drill, missing };
}

const zeroRows = (table: TableData) => {
  for (const row of Object.values(table)) for (const c of Object.keys(row)) row[c] = 0;
};

function bump(table: TableData, row: string, col: string, n: number): void {
  const r = table[row];
  if (r && col in r) r[col] = (r[col] ?? 0) + n;
}

/** Table 三: by applicant column; the result rows count applications closed in the year by outcome code. */
function applicationsTable(table: TableData, groups: ApplicationGroup[], d: DrillBuilder): void {
  zeroRows(table);
  for (const g of groups) {
    const col = (APPLICANT_PART_KEYS as string[]).includes(g.applicantType) ? g.applicantType : 'other';
    const rows: string[] = [];
    if (g.received) rows.push('received');
    if (g.carriedOver) rows.push('carriedOver');
    if (g.carriedForward) rows.push('carriedForward');
    if (g.result) {
      // 2019 format: one 其他处理 row; an unknown code is 其他 as well.
      rows.push(g.result in table ? g.result : 'otherOther', 'handledTotal');
    }
    for (const row of rows) {
      for (const c of [col, 'total']) {
        bump(table, row, c, g.n);
        d.add(`applications.${row}.${c}`, 'application', g.ids);
      }
    }
  }
}

/** Table 四: per kind, concluded in the year by outcome, or pending (尚未审结) at 31 December. */
function reviewsTable(table: TableData, groups: CaseGroup[], d: DrillBuilder): void {
  zeroRows(table);
  for (const g of groups) {
    if (!(g.kind in table) || !REVIEW_PART_KEYS.includes(g.column)) continue;
    for (const c of [g.column, 'total']) {
      bump(table, g.kind, c, g.n);
      d.add(`reviews.${g.kind}.${c}`, 'reviewCase', g.ids);
    }
  }
}

function proactiveTable(template: '2021' | '2019', table: TableData, year: number, items: ItemGroup[], manual: ManualSum[], d: DrillBuilder): ComputedReport['missing'] {
  const docCols = template === '2021' ? { issued: 'issued', repealed: 'repealed', inForce: 'inForce', made: null } : { issued: 'newlyPublished', repealed: null, inForce: 'totalPublic', made: 'newlyMade' };
  for (const row of ['regulations', 'normativeDocuments']) {
    for (const c of Object.values(docCols)) {
      if (c && table[row]) {
        table[row][c] = 0;
        d.touch(`proactive.${row}.${c}`, 'item');
      }
    }
  }
  for (const g of items) {
    const flags: [boolean, string | null][] = [[g.issued, docCols.issued], [g.repealed, docCols.repealed], [g.inForce, docCols.inForce], [g.made, docCols.made]];
    for (const [on, c] of flags) {
      if (!on || !c) continue;
      bump(table, g.row, c, g.n);
      d.add(`proactive.${g.row}.${c}`, 'item', g.ids);
    }
  }

  const sums = new Map<string, ManualSum>();
  for (const m of manual) sums.set(`${m.year}|${m.kind}`, m);
  const missing: ComputedReport['missing'] = [];
  const put = (path: string, kind: ManualEntryKind, y = year, derive?: (v: number) => number) => {
    const [, row, col] = path.split('.') as [string, string, string];
    if (!table[row] || !(col in table[row])) return;
    const m = sums.get(`${y}|${kind}`);
    if (!m) {
      if (y === year) missing.push({ path, kind, label: MANUAL_ENTRY_KINDS[kind].label });
      return;
    }
    table[row][col] = derive ? derive(m.value) : m.value;
    d.add(path, 'manualEntry', m.ids);
  };
  put('proactive.licensing.decisions', 'licensing');
  put('proactive.penalty.decisions', 'penalty');
  put('proactive.enforcement.decisions', 'enforcement');
  put('proactive.fees.amountWan', 'fees');
  if (template === '2019') {
    put('proactive.otherServices.decisions', 'otherServices');
    put('proactive.procurement.items', 'procurementItems');
    put('proactive.procurement.amountWan', 'procurementAmount');
    // 上一年项目数量 = last year's count at year end; 本年增/减 = this year's minus last year's (both needed).
    const itemKinds: [string, ManualEntryKind][] = [['licensing', 'licensingItems'], ['otherServices', 'otherServicesItems'], ['penalty', 'penaltyItems'], ['enforcement', 'enforcementItems'], ['fees', 'feesItems']];
    for (const [row, kind] of itemKinds) {
      put(`proactive.${row}.lastYearItems`, kind, year - 1);
      const last = sums.get(`${year - 1}|${kind}`);
      const now = sums.get(`${year}|${kind}`);
      if (last && now && table[row]) {
        table[row].change = now.value - last.value;
        d.add(`proactive.${row}.change`, 'manualEntry', [...last.ids, ...now.ids]);
      } else if (!now) missing.push({ path: `proactive.${row}.change`, kind, label: MANUAL_ENTRY_KINDS[kind].label });
    }
  }
  return missing;
}
