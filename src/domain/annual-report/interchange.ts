/**
 * The annual report interchange document (annual-report-format.md §1): what compute produces, what
 * `report validate` checks, what the renderers print and what `report import` writes. Keys are stable
 * English identifiers; Chinese labels live in the template data (templates.ts).
 *
 * A cell is a non-negative number or null. null means "not stated in the source" and is never 0.
 */
import { z } from 'zod';
import { templateById, type TemplateDef } from './templates.js';

export const REPORT_FORMAT = 'gongkai-annual-report/1' as const;
export const TEMPLATE_IDS = ['2021', '2019', 'pre2019'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
export const TABLE_KEYS = ['proactive', 'applications', 'reviews'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export type Cell = number | null;
/** row key → column key → cell */
export type TableData = Record<string, Record<string, Cell>>;

export interface NarrativeSection {
  /** heading as it appears in the report, e.g. "三、政策解读和回应关切情况" */
  heading: string;
  text: string;
}

export interface AnnualReportNarrative {
  /** 一、总体情况 */
  overview: string;
  /** 五、存在的主要问题及改进情况 */
  problems: string;
  /** 六、其他需要报告的事项 */
  other: string;
  /** free-form sections of older (pre2019) reports, in document order, printed after the overview */
  extra?: NarrativeSection[];
}

export interface SourceCell {
  /** the source snippet the number was read from */
  text: string;
  /** character offset of the snippet in the decoded source */
  offset: number;
}

export interface ReportSource {
  file: string;
  encoding: string;
  script: 'traditional' | 'simplified';
  warnings: string[];
  /** cell path → provenance */
  cells: Record<string, SourceCell>;
}

export interface AnnualReportDoc {
  format: typeof REPORT_FORMAT;
  template: TemplateId;
  year: number;
  unit: { name: string; code: string | null };
  narrative: AnnualReportNarrative;
  tables: Record<TableKey, TableData>;
  /** pre2019 附表 statistics, flat keys such as "applications.received" */
  indicators: Record<string, Cell>;
  source: ReportSource | null;
}

// ---------------------------------------------------------------------------------------------------------
// Parsing

const cellSchema = z.union([z.number().finite(), z.null()], { error: '必须是数字或 null（null 表示原文未载明）' });
const tableSchema = z.record(z.string(), z.record(z.string(), cellSchema, { error: '必须是“列 → 数值”的对象' }), {
  error: '必须是“行 → 列”的对象',
});

const docSchema = z.object({
  format: z.literal(REPORT_FORMAT, { error: `format 必须是 "${REPORT_FORMAT}"` }),
  template: z.enum(TEMPLATE_IDS, { error: 'template 必须是 "2021"、"2019" 或 "pre2019"' }),
  year: z.number({ error: 'year 必须是年份数字' }).int('year 必须是整数年份').min(1990, 'year 不早于 1990').max(2200, 'year 不晚于 2200'),
  unit: z.object(
    {
      name: z.string({ error: 'unit.name 必须是单位名称' }).trim().min(1, 'unit.name 不能为空'),
      code: z.string({ error: 'unit.code 必须是字符串或 null' }).nullable().default(null),
    },
    { error: 'unit 必须是 { name, code } 对象' },
  ),
  narrative: z
    .object(
      {
        overview: z.string({ error: '必须是文字' }).default(''),
        problems: z.string({ error: '必须是文字' }).default(''),
        other: z.string({ error: '必须是文字' }).default(''),
        extra: z.array(z.object({ heading: z.string(), text: z.string() }), { error: 'extra 必须是 [{ heading, text }] 数组' }).optional(),
      },
      { error: 'narrative 必须是 { overview, problems, other } 对象' },
    )
    .default({ overview: '', problems: '', other: '' }),
  tables: z
    .object({ proactive: tableSchema.default({}), applications: tableSchema.default({}), reviews: tableSchema.default({}) }, { error: 'tables 必须是对象' })
    .default({ proactive: {}, applications: {}, reviews: {} }),
  indicators: z.record(z.string(), cellSchema).default({}),
  source: z
    .object({
      file: z.string(),
      encoding: z.string(),
      script: z.enum(['traditional', 'simplified'], { error: 'source.script 必须是 "traditional" 或 "simplified"' }),
      warnings: z.array(z.string()).default([]),
      cells: z.record(z.string(), z.object({ text: z.string(), offset: z.number().int().min(0) })).default({}),
    })
    .nullable()
    .default(null),
});

export type ParseResult = { ok: true; doc: AnnualReportDoc } | { ok: false; errors: string[] };

/**
 * Parses and normalises an interchange document: structure is checked with Chinese messages, keys are
 * checked against the template (an unknown row, column or indicator is an error: it is usually a typo),
 * and template cells missing from the document are filled with null ("not stated"), never 0.
 * Negative or fractional numbers are accepted here; rule R6 of the validator reports them.
 */
export function parseAnnualReportDoc(json: unknown): ParseResult {
  const r = docSchema.safeParse(json);
  if (!r.success) {
    return { ok: false, errors: r.error.issues.map((i) => `${i.path.map(String).join('.') || '(文档)'}：${i.message}`) };
  }
  const raw = r.data;
  const template = templateById(raw.template);
  const errors = unknownKeys(raw.tables, raw.indicators, template);
  if (errors.length) return { ok: false, errors };
  const doc: AnnualReportDoc = {
    format: REPORT_FORMAT,
    template: raw.template,
    year: raw.year,
    unit: { name: raw.unit.name, code: raw.unit.code ?? null },
    narrative: { overview: raw.narrative.overview, problems: raw.narrative.problems, other: raw.narrative.other, ...(raw.narrative.extra ? { extra: raw.narrative.extra } : {}) },
    tables: normaliseTables(raw.tables, template),
    indicators: normaliseIndicators(raw.indicators, template),
    source: raw.source,
  };
  return { ok: true, doc };
}

function unknownKeys(tables: Record<TableKey, TableData>, indicators: Record<string, Cell>, t: TemplateDef): string[] {
  const errors: string[] = [];
  for (const tk of TABLE_KEYS) {
    const def = t.tables.find((x) => x.key === tk);
    for (const [rk, row] of Object.entries(tables[tk])) {
      const rowDef = def?.rows.find((x) => x.key === rk);
      if (!rowDef) {
        errors.push(`tables.${tk}.${rk}：模板 ${t.id} ${def ? `的${def.shortName}没有这一行` : '没有这张表'}，请检查键名`);
        continue;
      }
      for (const ck of Object.keys(row)) {
        if (!rowDef.columns.includes(ck)) errors.push(`tables.${tk}.${rk}.${ck}：模板 ${t.id} ${def!.shortName}“${rowDef.fullLabel}”没有这一列，请检查键名`);
      }
    }
  }
  for (const k of Object.keys(indicators)) {
    if (!t.indicators.some((i) => i.key === k)) errors.push(`indicators.${k}：模板 ${t.id} 没有这个统计指标，请检查键名`);
  }
  return errors;
}

function normaliseTables(tables: Record<TableKey, TableData>, t: TemplateDef): Record<TableKey, TableData> {
  const out = { proactive: {}, applications: {}, reviews: {} } as Record<TableKey, TableData>;
  for (const def of t.tables) {
    for (const row of def.rows) {
      const src = tables[def.key][row.key] ?? {};
      out[def.key][row.key] = Object.fromEntries(row.columns.map((c) => [c, src[c] ?? null]));
    }
  }
  return out;
}

function normaliseIndicators(indicators: Record<string, Cell>, t: TemplateDef): Record<string, Cell> {
  return Object.fromEntries(t.indicators.map((i) => [i.key, indicators[i.key] ?? null]));
}

/** An empty document for a template: every cell null. */
export function emptyAnnualReportDoc(template: TemplateId, year: number, unit: { name: string; code: string | null }): AnnualReportDoc {
  const t = templateById(template);
  return {
    format: REPORT_FORMAT,
    template,
    year,
    unit,
    narrative: { overview: '', problems: '', other: '' },
    tables: normaliseTables({ proactive: {}, applications: {}, reviews: {} }, t),
    indicators: normaliseIndicators({}, t),
    source: null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Cell paths: "<table>.<row>.<col>" (e.g. applications.received.natural) and "indicators.<key>" where the key
// itself may contain dots (indicators.applications.received).

export type CellPath = { kind: 'table'; table: TableKey; row: string; col: string } | { kind: 'indicator'; key: string };

export function parseCellPath(path: string): CellPath | null {
  if (path.startsWith('indicators.')) {
    const key = path.slice('indicators.'.length);
    return key ? { kind: 'indicator', key } : null;
  }
  const parts = path.split('.');
  if (parts.length !== 3 || parts.some((p) => !p)) return null;
  const [table, row, col] = parts as [string, string, string];
  if (!(TABLE_KEYS as readonly string[]).includes(table)) return null;
  return { kind: 'table', table: table as TableKey, row, col };
}

export const cellPath = (table: TableKey, row: string, col: string) => `${table}.${row}.${col}`;
export const indicatorPath = (key: string) => `indicators.${key}`;

/** The cell at a path; undefined when the path does not exist in the document, null when not stated. */
export function getCell(doc: AnnualReportDoc, path: string): Cell | undefined {
  const p = parseCellPath(path);
  if (!p) return undefined;
  if (p.kind === 'indicator') return p.key in doc.indicators ? doc.indicators[p.key] : undefined;
  const row = doc.tables[p.table][p.row];
  return row && p.col in row ? row[p.col] : undefined;
}

/** A copy of the document with one cell set; throws on a path the template does not have. */
export function setCell(doc: AnnualReportDoc, path: string, value: Cell): AnnualReportDoc {
  const p = parseCellPath(path);
  const t = templateById(doc.template);
  if (p?.kind === 'indicator' && t.indicators.some((i) => i.key === p.key)) {
    return { ...doc, indicators: { ...doc.indicators, [p.key]: value } };
  }
  if (p?.kind === 'table') {
    const row = t.tables.find((x) => x.key === p.table)?.rows.find((r) => r.key === p.row);
    if (row?.columns.includes(p.col)) {
      const table = doc.tables[p.table];
      return { ...doc, tables: { ...doc.tables, [p.table]: { ...table, [p.row]: { ...table[p.row], [p.col]: value } } } };
    }
  }
  throw new Error(`模板 ${doc.template} 没有单元格 ${path}`);
}

/** Every cell path of a template, in table/row/column order (indicators last). */
export function templateCellPaths(template: TemplateId): string[] {
  const t = templateById(template);
  const paths: string[] = [];
  for (const def of t.tables) for (const row of def.rows) for (const c of row.columns) paths.push(cellPath(def.key, row.key, c));
  for (const i of t.indicators) paths.push(indicatorPath(i.key));
  return paths;
}
