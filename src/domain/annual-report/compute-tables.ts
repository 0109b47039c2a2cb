/**
 * Filling the computed tables of an annual report (rules.md §5) from the source rows of compute-sources.ts:
 * table 三 from applications, table 四 from the register, table 二's 规章/规范性文件 rows from items and its
 * decision/fee rows from manual entries. The layout a template's report starts from (which cells are counted from
 * zero, which stay null until entered, which carry a drill-down entry) is worked out once per template
 * (reportShape), so the batch of every unit's report copies it instead of rebuilding it for each unit.
 */
import type { ApplicationCounts, ApplicationGroup, CaseGroup, ItemCounts, ItemGroup, ManualSum } from './compute-sources.js';
import type { ComputedReport, Drill, DrillKind, Sources } from './compute.js';
import { emptyAnnualReportDoc, type Cell, type TableData, type TableKey } from './interchange.js';
import { MANUAL_ENTRY_KINDS, type ManualEntryKind } from './manual-entries.js';
import { APPLICANT_PART_KEYS, REVIEW_PART_KEYS, templateById } from './templates.js';

export class DrillBuilder {
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

/** Table 二's columns for published 规章/规范性文件 in each format (2019: 本年新制作/新公开/对外公开总数量). */
type DocColumns = { issued: string; repealed: string | null; inForce: string; made: string | null };

export interface ReportShape {
  template: '2021' | '2019';
  /** The tables every computed report starts from: counted cells 0, cells from other systems null. */
  tables: Record<TableKey, TableData>;
  indicators: Record<string, Cell>;
  docColumns: DocColumns;
  /** cell path → drill kind for every cell of tables 三 and 四 (each has a drill entry, even an empty one) */
  drillCells: [string, DrillKind][];
}

const shapes = new Map<string, ReportShape>();

export function reportShape(template: '2021' | '2019'): ReportShape {
  const known = shapes.get(template);
  if (known) return known;
  const empty = emptyAnnualReportDoc(template, 0, { name: '', code: null });
  const docColumns: DocColumns = template === '2021' ? { issued: 'issued', repealed: 'repealed', inForce: 'inForce', made: null } : { issued: 'newlyPublished', repealed: null, inForce: 'totalPublic', made: 'newlyMade' };
  const zero = (table: TableData) => {
    for (const row of Object.values(table)) for (const c of Object.keys(row)) row[c] = 0;
  };
  zero(empty.tables.applications);
  zero(empty.tables.reviews);
  for (const row of ['regulations', 'normativeDocuments']) {
    for (const c of Object.values(docColumns)) if (c && empty.tables.proactive[row] && c in empty.tables.proactive[row]) empty.tables.proactive[row][c] = 0;
  }
  const drillCells: [string, DrillKind][] = [];
  for (const table of ['applications', 'reviews'] as const) {
    for (const row of templateById(template).tables.find((x) => x.key === table)?.rows ?? []) {
      for (const c of row.columns) drillCells.push([`${table}.${row.key}.${c}`, table === 'reviews' ? 'reviewCase' : 'application']);
    }
  }
  const shape: ReportShape = { template, tables: empty.tables, indicators: empty.indicators, docColumns, drillCells };
  shapes.set(template, shape);
  return shape;
}

function bump(table: TableData, row: string, col: string, n: number): void {
  const r = table[row];
  if (r && col in r) r[col] = (r[col] ?? 0) + n;
}

const APPLICANT_COLUMNS = new Set<string>(APPLICANT_PART_KEYS);
/** Applicant column of table 三: an unknown applicant type counts under 其他. */
const applicantColumn = (type: string) => (APPLICANT_COLUMNS.has(type) ? type : 'other');
/** Result row of an outcome code: in the 2019 format one 其他处理 row; an unknown code is 其他 as well. */
const resultRow = (table: TableData, code: string) => (code in table ? code : 'otherOther');

/** Table 三 with drill-down: by applicant column; the result rows count applications closed in the year by outcome code. */
export function applicationsTable(table: TableData, groups: ApplicationGroup[], d: DrillBuilder): void {
  for (const g of groups) {
    const col = applicantColumn(g.applicantType);
    const rows: string[] = [];
    if (g.received) rows.push('received');
    if (g.carriedOver) rows.push('carriedOver');
    if (g.carriedForward) rows.push('carriedForward');
    if (g.result) rows.push(resultRow(table, g.result), 'handledTotal');
    for (const row of rows) {
      for (const c of [col, 'total']) {
        bump(table, row, c, g.n);
        d.add(`applications.${row}.${c}`, 'application', g.ids);
      }
    }
  }
}

/** Table 三 from counts (no drill-down): the same cells as applicationsTable, each count added to its column and 总计. */
export function applicationCountsTable(table: TableData, counts: ApplicationCounts[]): void {
  const add = (row: string, col: string, n: number) => {
    if (n === 0) return;
    bump(table, row, col, n);
    bump(table, row, 'total', n);
  };
  for (const g of counts) {
    const col = applicantColumn(g.applicantType);
    add('received', col, g.received);
    add('carriedOver', col, g.carriedOver);
    add('carriedForward', col, g.carriedForward);
    for (const [code, n] of g.results) {
      add(resultRow(table, code), col, n);
      add('handledTotal', col, n);
    }
  }
}

/** Table 四: per kind, concluded in the year by outcome, or pending (尚未审结) at 31 December. */
export function reviewsTable(table: TableData, groups: CaseGroup[], d: DrillBuilder): void {
  for (const g of groups) {
    if (!(g.kind in table) || !REVIEW_PART_KEYS.includes(g.column)) continue;
    for (const c of [g.column, 'total']) {
      bump(table, g.kind, c, g.n);
      d.add(`reviews.${g.kind}.${c}`, 'reviewCase', g.ids);
    }
  }
}

/** Table 二: 规章/规范性文件 from items, the decision and fee rows from manual entries; returns the figures not entered. */
export function proactiveTable(shape: ReportShape, table: TableData, year: number, s: Sources, d: DrillBuilder): ComputedReport['missing'] {
  const cols = shape.docColumns;
  if (s.withIds) {
    for (const row of ['regulations', 'normativeDocuments']) {
      for (const c of Object.values(cols)) if (c && table[row]) d.touch(`proactive.${row}.${c}`, 'item');
    }
    for (const g of s.items as ItemGroup[]) {
      const flags: [boolean, string | null][] = [[g.issued, cols.issued], [g.repealed, cols.repealed], [g.inForce, cols.inForce], [g.made, cols.made]];
      for (const [on, c] of flags) {
        if (!on || !c) continue;
        bump(table, g.row, c, g.n);
        d.add(`proactive.${g.row}.${c}`, 'item', g.ids);
      }
    }
  } else {
    for (const g of s.items as ItemCounts[]) {
      bump(table, g.row, cols.issued, g.issued);
      bump(table, g.row, cols.inForce, g.inForce);
      if (cols.repealed) bump(table, g.row, cols.repealed, g.repealed);
      if (cols.made) bump(table, g.row, cols.made, g.made);
    }
  }
  return manualFigures(shape.template, table, year, s.manual, d);
}

/** Table 二's figures from other systems (许可/处罚/强制/收费, and in 2019 the item counts and procurement). */
function manualFigures(template: '2021' | '2019', table: TableData, year: number, manual: ManualSum[], d: DrillBuilder): ComputedReport['missing'] {
  const sums = new Map<string, ManualSum>();
  for (const m of manual) sums.set(`${m.year}|${m.kind}`, m);
  const missing: ComputedReport['missing'] = [];
  const put = (row: string, col: string, kind: ManualEntryKind, y = year) => {
    if (!table[row] || !(col in table[row])) return;
    const m = sums.get(`${y}|${kind}`);
    if (!m) {
      if (y === year) missing.push({ path: `proactive.${row}.${col}`, kind, label: MANUAL_ENTRY_KINDS[kind].label });
      return;
    }
    table[row][col] = m.value;
    d.add(`proactive.${row}.${col}`, 'manualEntry', m.ids);
  };
  put('licensing', 'decisions', 'licensing');
  put('penalty', 'decisions', 'penalty');
  put('enforcement', 'decisions', 'enforcement');
  put('fees', 'amountWan', 'fees');
  if (template === '2019') {
    put('otherServices', 'decisions', 'otherServices');
    put('procurement', 'items', 'procurementItems');
    put('procurement', 'amountWan', 'procurementAmount');
    // 上一年项目数量 = last year's count at year end; 本年增/减 = this year's minus last year's (both needed).
    const itemKinds: [string, ManualEntryKind][] = [['licensing', 'licensingItems'], ['otherServices', 'otherServicesItems'], ['penalty', 'penaltyItems'], ['enforcement', 'enforcementItems'], ['fees', 'feesItems']];
    for (const [row, kind] of itemKinds) {
      put(row, 'lastYearItems', kind, year - 1);
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
