/**
 * The shape of an annual report template as data, and small builders that turn "label paths" into the
 * published merged-cell layout. Renderers walk `grid` and never know anything about a particular template.
 */
import type { TableKey, TemplateId } from './interchange.js';

/** count: non-negative integer · amountWan: non-negative decimal in 万元 · signedChange: any integer (2019 本年增/减) */
export type CellKind = 'count' | 'amountWan' | 'signedChange';
export type RuleId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9';

export interface ColumnDef {
  key: string;
  /** the column's own header text as published, e.g. "商业企业" */
  label: string;
  /** the header path joined with "·", e.g. "申请人情况·法人或其他组织·商业企业" (used in messages) */
  fullLabel: string;
  /** unit of measure, e.g. 件, 万元 */
  unit: string;
  kind: CellKind;
}

export interface RowDef {
  key: string;
  /** the row's own label cell as published, e.g. "1.属于国家秘密" */
  label: string;
  /** unambiguous label for messages, e.g. "三（三）不予公开 1.属于国家秘密" */
  fullLabel: string;
  /** short label for equations, e.g. "三（七）总计" */
  shortLabel: string;
  /** the enclosing group labels, outermost first, e.g. ["三、本年度办理结果", "（三）不予公开"] */
  groups: string[];
  /** column keys this row has */
  columns: string[];
  /** the same columns with their labels as printed for this row (表二's blocks have different headers) */
  cols: ColumnDef[];
  /** table 三: one of the result rows summed into 三（七）总计 (rule R3) */
  result?: boolean;
}

export type GridRole = 'corner' | 'colHeader' | 'rowHeader' | 'section' | 'unit' | 'value';

export interface GridCell {
  role: GridRole;
  text?: string;
  /** value cells: the cell path in the document (absent: a blank cell in the published layout) */
  path?: string;
  rowSpan?: number;
  colSpan?: number;
  /** row headers of the 附表: indentation level of the label */
  indent?: number;
}

/** A table as printed: a grid of cells with spans. */
export interface DisplayTable {
  id: TableKey | 'indicators';
  /** e.g. "二" (the report section number), null for the 附表 */
  number: string | null;
  /** the published title, e.g. "主动公开政府信息情况" */
  title: string;
  /** "表二" / "附表", used in messages */
  shortName: string;
  /** how many grid columns the layout has */
  gridColumns: number;
  /** relative column widths (renderers scale them to the page) */
  columnWidths: number[];
  /** the first headerRows rows of the grid are column headers (thead) */
  headerRows: number;
  grid: GridCell[][];
}

export interface TableDef extends DisplayTable {
  key: TableKey;
  number: string;
  columns: ColumnDef[];
  rows: RowDef[];
}

export interface IndicatorDef {
  key: string;
  label: string;
  unit: string;
  kind: CellKind;
  indent: number;
}

export type ReportSection =
  | { kind: 'narrative'; key: 'overview' | 'problems' | 'other'; heading: string }
  | { kind: 'table'; table: TableKey; heading: string }
  | { kind: 'extra' }
  | { kind: 'indicators'; heading: string };

export interface TemplateDef {
  id: TemplateId;
  /** the document that fixed the format */
  basis: string;
  /** which report years use it */
  years: string;
  tables: TableDef[];
  /** pre2019 附表 statistics (empty for 2021/2019) */
  indicators: IndicatorDef[];
  /** the 附表 as printed (pre2019 only) */
  indicatorTable: DisplayTable | null;
  /** document order of the report body */
  sections: ReportSection[];
  /** consistency rules (annual-report-format.md §5) that apply to this template */
  rules: RuleId[];
}

// ---------------------------------------------------------------------------------------------------------
// Builders

/**
 * Column headers from header paths (outermost first): adjacent columns sharing a prefix merge horizontally,
 * a path shorter than the header depth spans down. `corner` (if any) sits over the row-label columns.
 */
export function headerGrid(paths: string[][], labelColumns: number, corner?: string): GridCell[][] {
  const depth = Math.max(...paths.map((p) => p.length));
  const rows: GridCell[][] = Array.from({ length: depth }, () => []);
  if (labelColumns > 0) rows[0]!.push({ role: 'corner', text: corner ?? '', rowSpan: depth, colSpan: labelColumns });
  for (let level = 0; level < depth; level++) {
    for (let i = 0; i < paths.length; ) {
      const p = paths[i]!;
      if (p.length <= level) { i++; continue; }
      const prefix = p.slice(0, level + 1).join('\u0000');
      let j = i + 1;
      while (j < paths.length && paths[j]!.length > level && paths[j]!.slice(0, level + 1).join('\u0000') === prefix) j++;
      const leaf = p.length === level + 1;
      const cell: GridCell = { role: 'colHeader', text: p[level]! };
      if (j - i > 1) cell.colSpan = j - i;
      if (leaf && depth - level > 1) cell.rowSpan = depth - level;
      rows[level]!.push(cell);
      i = j;
    }
  }
  return rows;
}

/**
 * Body rows from row-label paths: adjacent rows sharing a label prefix merge vertically, a path shorter than
 * labelColumns spans right. Each row then gets its value cells.
 */
export function bodyGrid(rows: { labels: string[]; values: string[] }[], labelColumns: number): GridCell[][] {
  const out: GridCell[][] = rows.map(() => []);
  for (let level = 0; level < labelColumns; level++) {
    for (let i = 0; i < rows.length; ) {
      const p = rows[i]!.labels;
      if (p.length <= level) { i++; continue; }
      const leaf = p.length === level + 1;
      const prefix = p.slice(0, level + 1).join('\u0000');
      let j = i + 1;
      if (!leaf) while (j < rows.length && rows[j]!.labels.length > level + 1 && rows[j]!.labels.slice(0, level + 1).join('\u0000') === prefix) j++;
      const cell: GridCell = { role: 'rowHeader', text: p[level]! };
      if (j - i > 1) cell.rowSpan = j - i;
      if (leaf && labelColumns - level > 1) cell.colSpan = labelColumns - level;
      out[i]!.push(cell);
      i = j;
    }
  }
  rows.forEach((r, i) => out[i]!.push(...r.values.map((path): GridCell => ({ role: 'value', path }))));
  return out;
}

/** Splits `width` grid columns among n cells, the last one taking the rest (表二's 1-, 2- and 3-column sections). */
export function spans(n: number, width: number): number[] {
  const base = Math.floor(width / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? width - base * (n - 1) : base));
}

/** Width of the grid in columns, counting spans of the first row (checks every row agrees, in tests). */
export function gridWidth(grid: GridCell[][]): number {
  return (grid[0] ?? []).reduce((n, c) => n + (c.colSpan ?? 1), 0);
}

/**
 * Expands a grid into a dense matrix of slots (each slot names the [row, index] of the cell covering it).
 * Throws if spans overlap or rows do not fill the width — used by tests and by renderers that need absolute
 * column positions (XLSX merges).
 */
export function gridSlots(grid: GridCell[][], columns: number): { r: number; c: number; cell: GridCell; origin: boolean }[][] {
  const slots: ({ r: number; c: number; cell: GridCell; origin: boolean } | undefined)[][] = grid.map(() => Array(columns).fill(undefined));
  grid.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < columns && slots[r]![c]) c++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      if (c + cs > columns || r + rs > grid.length) throw new Error(`表格布局越界：第 ${r + 1} 行“${cell.text ?? cell.path ?? ''}”`);
      for (let dr = 0; dr < rs; dr++) {
        for (let dc = 0; dc < cs; dc++) {
          if (slots[r + dr]![c + dc]) throw new Error(`表格布局重叠：第 ${r + dr + 1} 行第 ${c + dc + 1} 列`);
          slots[r + dr]![c + dc] = { r, c, cell, origin: dr === 0 && dc === 0 };
        }
      }
      c += cs;
    }
  });
  slots.forEach((row, r) => row.forEach((s, c) => { if (!s) throw new Error(`表格布局缺格：第 ${r + 1} 行第 ${c + 1} 列`); }));
  return slots as { r: number; c: number; cell: GridCell; origin: boolean }[][];
}
