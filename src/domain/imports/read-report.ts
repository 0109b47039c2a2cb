/**
 * Reads a published annual report (decoded HTML or text) into the interchange document
 * (annual-report-format.md §1): page furniture stripped, traditional script normalised, year, unit and template
 * decided with evidence, tables reconstructed (2021/2019) or the 附表 read (pre2019), numbers in the prose of
 * narrative-only reports read where unambiguous. Every number written has provenance in `source.cells`; anything
 * not read is null, never 0, and reading problems are listed in `source.warnings`.
 *
 * Pure: the caller decodes bytes and passes the script converter (OpenCC in src/infra/report-import).
 */
import { emptyAnnualReportDoc, parseCellPath, templateCellPaths, type AnnualReportDoc, type TemplateId } from '../annual-report/interchange.js';
import { templateById } from '../annual-report/templates.js';
import type { ReadContext } from './context.js';
import { detectTemplate, detectUnit, detectYear, type Evidence } from './detect.js';
import { stripFurniture, type RemovedLine } from './furniture.js';
import { htmlToText } from './html-to-text.js';
import { extractNarrative } from './narrative.js';
import { findIndicatorTable, readIndicators } from './read-indicators.js';
import { readProse } from './read-prose.js';
import { readTables } from './read-tables.js';
import { tokenize } from './tokens.js';

export const UNKNOWN_UNIT = '未识别单位';

export interface ReadOptions {
  /** file name recorded in source.file */
  fileName: string;
  /** encoding the bytes were decoded from (recorded in source.encoding) */
  encoding: string;
  /** traditional → simplified, character for character (OpenCC t → cn) */
  toSimplified: (s: string) => string;
  /** given by the operator: override what the reader finds */
  unit?: string | undefined;
  year?: number | undefined;
  template?: TemplateId | undefined;
}

export interface ReadReportResult {
  /** null when the report's year could not be found (the document needs one) */
  doc: AnnualReportDoc | null;
  /** why doc is null */
  error: string | null;
  template: TemplateId;
  year: number | null;
  unit: string | null;
  script: 'traditional' | 'simplified';
  /** reading problems (also in doc.source.warnings) */
  warnings: string[];
  evidence: { year: Evidence[]; unit: Evidence[]; template: Evidence[] };
  /** cells of the template that were read (non-null) and that exist */
  cellsRead: number;
  cellsTotal: number;
  removed: RemovedLine[];
  /** the cleaned text (simplified) and its map to the decoded source, for review screens */
  cleanText: string;
  cleanOrigin: Int32Array;
}

/** Share of Han characters that OpenCC t→cn changes above which a text counts as traditional. */
const TRADITIONAL_RATIO = 0.03;

export function readReport(source: string, opts: ReadOptions): ReadReportResult {
  const clean = stripFurniture(htmlToText(source));
  const original = clean.text.text;
  let converted = opts.toSimplified(original);
  const warnings: string[] = [];
  if (converted.length !== original.length) {
    // OpenCC's t→cn is character for character; if a phrase rule ever changed the length, convert line by line
    // and keep the original of any line whose length changes, so offsets stay exact.
    converted = original
      .split('\n')
      .map((l) => {
        const c = opts.toSimplified(l);
        return c.length === l.length ? c : l;
      })
      .join('\n');
  }
  let han = 0;
  let changed = 0;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      han++;
      if (converted.charCodeAt(i) !== c) changed++;
    }
  }
  const script = han > 0 && changed >= 5 && changed / han >= TRADITIONAL_RATIO ? 'traditional' : 'simplified';
  const tokens = tokenize(converted);
  const lines = converted.split('\n');
  const titleLine = clean.titleLine !== null ? (lines[clean.titleLine] ?? null) : null;
  const titleOffset = clean.titleLine !== null ? lines.slice(0, clean.titleLine).reduce((n, l) => n + l.length + 1, 0) : 0;

  const year = detectYear(converted, titleLine);
  const unit = detectUnit(converted, titleLine, titleOffset);
  const yearValue = opts.year ?? year.value;
  const indicatorStart = findIndicatorTable(tokens);
  const tpl = detectTemplate(converted, yearValue, indicatorStart >= 0);
  const templateId = opts.template ?? tpl.value;
  if (tpl.conflict && !opts.template) warnings.push(`格式判断：${tpl.conflict}，按表格标签读取`);
  if (tpl.byYearOnly && !opts.template) warnings.push(`没有找到能判断格式的表格标签，按年份使用“${templateId}”格式`);
  if (!opts.year && year.value !== null && year.evidence[0]?.what.startsWith('正文中最常出现')) {
    warnings.push(`没有找到统计期限或标题中的年份，年份 ${year.value} 是从正文推断的，请核对（可用 --year 指定）`);
  }
  if (opts.year && year.value !== null && year.value !== opts.year) warnings.push(`指定的年份 ${opts.year} 与原文（${year.value}）不同，按指定年份`);
  const unitName = opts.unit ?? unit.value;
  if (!unitName) warnings.push(`没有找到单位名称：记为“${UNKNOWN_UNIT}”，请指定单位（--unit）`);
  else if (!opts.unit && unit.evidence[0]?.what.includes('推断')) warnings.push(`单位名称“${unitName}”是从正文推断的，请核对（可用 --unit 指定）`);

  const ctx: ReadContext = { text: converted, originalText: original, origin: clean.text.origin, tokens, values: new Map(), cells: {}, warnings };
  if (templateId === 'pre2019') {
    if (indicatorStart >= 0) readIndicators(ctx, indicatorStart);
    else {
      warnings.push('没有附表（政府信息公开情况统计表）：只读取正文中明确写出的数字，其余指标记为 null');
      readProse(ctx);
    }
  } else {
    readTables(ctx, templateById(templateId));
  }

  const paths = templateCellPaths(templateId);
  const base = {
    template: templateId,
    year: yearValue,
    unit: unitName,
    script: script as ReadReportResult['script'],
    warnings,
    evidence: { year: year.evidence, unit: unit.evidence, template: tpl.evidence },
    cellsRead: 0,
    cellsTotal: paths.length,
    removed: clean.removed,
    cleanText: converted,
    cleanOrigin: clean.text.origin,
  };
  if (yearValue === null) {
    return { ...base, doc: null, error: '没有找到报告年份（统计期限、标题或正文中的年份），请指定年份（--year）' };
  }
  const doc = emptyAnnualReportDoc(templateId, yearValue, { name: unitName ?? UNKNOWN_UNIT, code: null });
  const cells: Record<string, { text: string; offset: number }> = {};
  for (const [path, value] of ctx.values) {
    // the document is fresh: cells are written in place (setCell copies the document on every call)
    const p = parseCellPath(path);
    if (p?.kind === 'indicator' && p.key in doc.indicators) doc.indicators[p.key] = value;
    else if (p?.kind === 'table' && doc.tables[p.table][p.row] && p.col in doc.tables[p.table][p.row]!) doc.tables[p.table][p.row]![p.col] = value;
    else continue;
    cells[path] = ctx.cells[path]!;
  }
  doc.narrative = extractNarrative(converted, templateId);
  doc.source = { file: opts.fileName, encoding: opts.encoding, script, warnings, cells };
  return { ...base, doc, error: null, cellsRead: Object.keys(cells).length };
}
