/**
 * The annual report as HTML: a fragment for the portal page (/u/<slug>/nb/<year>; no scripts, no inline
 * styles — class names only, CSP-safe) and a standalone page with its own stylesheet for `report render`.
 * Tables keep the published merged-cell layout (rowspan/colspan from the template data) and are accessible:
 * <caption>, <th scope>, and on every data cell `headers` naming all header cells over its row and column
 * (complex tables, WCAG H43), sections of 表二 as <tbody> row groups.
 */
import { buildRenderModel, type RenderCell, type RenderTable } from './model.js';
import type { AnnualReportDoc } from '../../domain/annual-report/interchange.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const spanAttrs = (c: RenderCell) => `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;

/** For each grid position, the header cells (ids) covering its column above it and its row to the left. */
function headerIds(t: RenderTable, idPrefix: string): Map<RenderCell, string[]> {
  const id = (c: RenderCell) => `${idPrefix}-r${c.row}c${c.col}`;
  const cells = t.rows.flat();
  const covers = (c: RenderCell, r: number, col: number) => r >= c.row && r < c.row + c.rowSpan && col >= c.col && col < c.col + c.colSpan;
  const sectionRows = cells.filter((s) => s.role === 'section').map((s) => s.row);
  const out = new Map<RenderCell, string[]>();
  for (const v of cells) {
    if (v.role !== 'value' && v.role !== 'unit') continue;
    const ids: string[] = [];
    for (const h of cells) {
      if (h === v) continue;
      const sameBlock = !sectionRows.some((r) => r > h.row && r <= v.row);
      const isColHeader = (h.role === 'colHeader' || h.role === 'corner') && h.row < v.row && covers(h, h.row, v.col) && sameBlock;
      const isRowHeader = h.role === 'rowHeader' && h.col < v.col && covers(h, v.row, h.col);
      // A 表二 block heading (第二十条第（…）项) labels every row of its block; the block ends at the next heading.
      const isSection = h.role === 'section' && h.row < v.row && sameBlock;
      if (isColHeader || isRowHeader || isSection) ids.push(id(h));
    }
    out.set(v, ids);
  }
  return out;
}

function tableHtml(t: RenderTable, idPrefix: string): string {
  const id = (c: RenderCell) => `${idPrefix}-r${c.row}c${c.col}`;
  const headers = headerIds(t, idPrefix);
  const cell = (c: RenderCell): string => {
    const attrs = `${spanAttrs(c)}`;
    switch (c.role) {
      case 'corner':
      case 'colHeader':
        return `<th id="${id(c)}" scope="${c.colSpan > 1 ? 'colgroup' : 'col'}"${attrs}>${esc(c.text)}</th>`;
      case 'section':
        return `<th id="${id(c)}" scope="rowgroup" class="gk-nb-block"${attrs}>${esc(c.text)}</th>`;
      case 'rowHeader':
        return `<th id="${id(c)}" scope="row"${attrs}${c.indent ? ` class="gk-nb-indent-${c.indent}"` : ''}>${esc(c.text)}</th>`;
      case 'unit':
        return `<td class="gk-nb-unit" headers="${(headers.get(c) ?? []).join(' ')}"${attrs}>${esc(c.text)}</td>`;
      case 'value': {
        const h = headers.get(c) ?? [];
        const content = c.value === null || c.value === undefined
          ? (c.path ? '<span class="gk-nb-null" title="原文未载明">—</span>' : '')
          : esc(c.text);
        return `<td class="gk-nb-num"${h.length ? ` headers="${h.join(' ')}"` : ''}${c.path ? ` data-cell="${esc(c.path)}"` : ''}${attrs}>${content}</td>`;
      }
    }
  };
  const head = t.rows.slice(0, t.headerRows);
  const body = t.rows.slice(t.headerRows);
  // Each 表二 block (a row starting with its heading) is its own row group.
  const groups: RenderCell[][][] = [];
  for (const row of body) {
    if (!groups.length || row[0]?.role === 'section') groups.push([]);
    groups.at(-1)!.push(row);
  }
  const tr = (row: RenderCell[]) => `<tr>${row.map(cell).join('')}</tr>`;
  return [
    `<div class="gk-nb-table-wrap" role="region" aria-labelledby="${idPrefix}-caption" tabindex="0">`,
    `<table class="gk-nb-table gk-nb-table-${esc(t.id)}" id="${idPrefix}">`,
    `<caption id="${idPrefix}-caption">${esc(t.caption)}</caption>`,
    ...(head.length ? [`<thead>${head.map(tr).join('')}</thead>`] : []),
    ...groups.map((g) => `<tbody>${g.map(tr).join('')}</tbody>`),
    '</table></div>',
  ].join('\n');
}

export interface HtmlFragmentOptions {
  /** heading level of the report title (the portal page may already have an h1); sections get the next level */
  titleLevel?: 1 | 2;
  /** prefix for element ids, so two reports can share a page */
  idPrefix?: string;
}

/** The report body as an HTML fragment (an <article>), for embedding in a portal page. */
export function renderReportHtmlFragment(doc: AnnualReportDoc, opts: HtmlFragmentOptions = {}): string {
  const m = buildRenderModel(doc);
  const h1 = opts.titleLevel ?? 1;
  const h2 = h1 + 1;
  const prefix = opts.idPrefix ?? `nb${doc.year}`;
  const out: string[] = [`<article class="gk-nb" lang="zh-CN" aria-labelledby="${prefix}-title">`, `<h${h1} class="gk-nb-title" id="${prefix}-title">${esc(m.title)}</h${h1}>`];
  let open = false;
  for (const b of m.blocks) {
    if (b.kind === 'heading') {
      if (open) out.push('</section>');
      out.push(`<section class="gk-nb-section">`, `<h${h2}>${esc(b.text)}</h${h2}>`);
      open = true;
    } else if (b.kind === 'paragraph') out.push(`<p>${esc(b.text)}</p>`);
    else out.push(tableHtml(b.table, `${prefix}-${b.table.id}`));
  }
  if (open) out.push('</section>');
  out.push('</article>');
  return out.join('\n');
}

/** Stylesheet for the report; the portal links its own copy of these rules. */
export const REPORT_CSS = `
.gk-nb { max-width: 60rem; margin: 0 auto; font-family: "FangSong", "仿宋", "Noto Serif CJK SC", serif; font-size: 1.125rem; line-height: 1.8; color: #111; }
.gk-nb-title { font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; text-align: center; font-size: 1.75rem; line-height: 1.4; }
.gk-nb h2, .gk-nb h3 { font-family: "黑体", "Noto Sans CJK SC", sans-serif; font-size: 1.25rem; margin: 1.5em 0 0.5em; }
.gk-nb p { text-indent: 2em; margin: 0 0 0.5em; }
.gk-nb-table-wrap { overflow-x: auto; margin: 0.5em 0 1em; }
.gk-nb-table-wrap:focus { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.gk-nb-table { border-collapse: collapse; width: 100%; font-size: 0.875rem; line-height: 1.5; }
.gk-nb-table caption { font-weight: bold; padding: 0.25em; }
.gk-nb-table th, .gk-nb-table td { border: 1px solid #333; padding: 0.3em 0.4em; vertical-align: middle; }
.gk-nb-table th { font-weight: normal; background: #f3f4f6; text-align: center; }
.gk-nb-table th[scope="row"] { text-align: left; }
.gk-nb-table .gk-nb-block { text-align: left; font-weight: bold; }
.gk-nb-num { text-align: center; font-variant-numeric: tabular-nums; width: 4.5em; }
.gk-nb-table th[scope="col"] { min-width: 4.5em; }
.gk-nb-unit { text-align: center; }
.gk-nb-indent-1 { padding-left: 1.5em !important; } .gk-nb-indent-2 { padding-left: 3em !important; } .gk-nb-indent-3 { padding-left: 4.5em !important; }
@media print { .gk-nb-table-wrap { overflow: visible; } .gk-nb-table th { background: none; } }
`;

/** A complete HTML page (what `report render --format html` writes). */
export function renderReportHtmlPage(doc: AnnualReportDoc): string {
  const m = buildRenderModel(doc);
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(m.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    renderReportHtmlFragment(doc),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
