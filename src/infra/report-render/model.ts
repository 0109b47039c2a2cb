/**
 * What every annual report renderer prints, built once from the interchange document and its template data:
 * the title, then the template's sections in order — narrative paragraphs, or a table as a grid of cells with
 * spans, header roles and formatted values. Renderers only lay this out; they know nothing of any template.
 */
import type { AnnualReportDoc, Cell } from '../../domain/annual-report/interchange.js';
import { getCell } from '../../domain/annual-report/interchange.js';
import {
  displayTables, gridSlots, reportTitle, templateById, type DisplayTable, type GridRole,
} from '../../domain/annual-report/templates.js';

export interface RenderCell {
  role: GridRole;
  text: string;
  rowSpan: number;
  colSpan: number;
  /** value cells: a number (right-aligned, numeric in XLSX) or null (not stated: printed blank) */
  value?: number | null;
  path?: string;
  indent: number;
  /** position in the dense grid */
  row: number;
  col: number;
}

export interface RenderTable {
  id: string;
  /** "表二 主动公开政府信息情况" */
  caption: string;
  /** "表二" */
  shortName: string;
  title: string;
  gridColumns: number;
  /** relative widths, one per grid column */
  columnWidths: number[];
  headerRows: number;
  /** cells row by row, without the positions covered by another cell's span */
  rows: RenderCell[][];
}

export type RenderBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: RenderTable };

export interface RenderModel {
  title: string;
  unitName: string;
  year: number;
  /** "国办公开办函〔2021〕30号" */
  basis: string;
  blocks: RenderBlock[];
  tables: RenderTable[];
}

/** Formats a cell for print: integers plain, amounts in 万元 without float noise, null blank. */
export function formatCell(v: Cell): string {
  if (v === null) return '';
  return String(Math.round(v * 1e6) / 1e6);
}

export function renderTable(d: DisplayTable, doc: AnnualReportDoc): RenderTable {
  const slots = gridSlots(d.grid, d.gridColumns);
  const rows = d.grid.map((row, r) =>
    row.map((cell): RenderCell => {
      const col = slots[r]!.findIndex((s) => s.cell === cell && s.origin);
      const base = { role: cell.role, rowSpan: cell.rowSpan ?? 1, colSpan: cell.colSpan ?? 1, indent: cell.indent ?? 0, row: r, col };
      if (cell.role !== 'value') return { ...base, text: cell.text ?? '' };
      if (!cell.path) return { ...base, text: '', value: null };
      const v = getCell(doc, cell.path) ?? null;
      return { ...base, text: formatCell(v), value: v, path: cell.path };
    }),
  );
  return {
    id: d.id,
    caption: `${d.shortName} ${d.title}`,
    shortName: d.shortName,
    title: d.title,
    gridColumns: d.gridColumns,
    columnWidths: d.columnWidths,
    headerRows: d.headerRows,
    rows,
  };
}

const paragraphs = (text: string) => text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

export function buildRenderModel(doc: AnnualReportDoc): RenderModel {
  const t = templateById(doc.template);
  const tables = new Map(displayTables(t).map((d) => [d.id, renderTable(d, doc)]));
  const blocks: RenderBlock[] = [];
  for (const s of t.sections) {
    if (s.kind === 'narrative') {
      const text = doc.narrative[s.key];
      // Older reports without a section (e.g. no 其他事项) print nothing rather than an empty heading.
      if (t.id === 'pre2019' && !text.trim()) continue;
      blocks.push({ kind: 'heading', text: s.heading });
      const ps = paragraphs(text);
      blocks.push(...(ps.length ? ps : ['无。']).map((p): RenderBlock => ({ kind: 'paragraph', text: p })));
    } else if (s.kind === 'extra') {
      for (const e of doc.narrative.extra ?? []) {
        blocks.push({ kind: 'heading', text: e.heading });
        blocks.push(...paragraphs(e.text).map((p): RenderBlock => ({ kind: 'paragraph', text: p })));
      }
    } else {
      const table = tables.get(s.kind === 'table' ? s.table : 'indicators');
      blocks.push({ kind: 'heading', text: s.heading });
      if (table) blocks.push({ kind: 'table', table });
    }
  }
  return { title: reportTitle(doc.unit.name, doc.year), unitName: doc.unit.name, year: doc.year, basis: t.basis, blocks, tables: [...tables.values()] };
}
