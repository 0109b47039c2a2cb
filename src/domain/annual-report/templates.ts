/**
 * The three annual report templates as data (annual-report-format.md §2–4): tables → rows → columns with
 * stable keys and the Chinese labels as published, the merged-cell layout (`grid`), units and cell kinds,
 * the pre2019 附表 indicators, the document's section order and which consistency rules apply.
 * Renderers, validators and importers read everything about a template from here.
 */
import type { TableKey, TemplateId } from './interchange.js';
import { PRE2019_INDICATORS, pre2019IndicatorTable } from './templates-pre2019.js';
import { proactiveTable2019, proactiveTable2021 } from './templates-proactive.js';
import { applicationsTable, reviewsTable } from './templates-tables.js';
import type { ColumnDef, DisplayTable, IndicatorDef, ReportSection, RowDef, TableDef, TemplateDef } from './templates-model.js';

export * from './templates-model.js';
export { APPLICANT_COLUMN_KEYS, APPLICANT_PART_KEYS, REVIEW_PART_KEYS } from './templates-tables.js';

const sections2021: ReportSection[] = [
  { kind: 'narrative', key: 'overview', heading: '一、总体情况' },
  { kind: 'table', table: 'proactive', heading: '二、主动公开政府信息情况' },
  { kind: 'table', table: 'applications', heading: '三、收到和处理政府信息公开申请情况' },
  { kind: 'table', table: 'reviews', heading: '四、政府信息公开行政复议、行政诉讼情况' },
  { kind: 'narrative', key: 'problems', heading: '五、存在的主要问题及改进情况' },
  { kind: 'narrative', key: 'other', heading: '六、其他需要报告的事项' },
];

export const TEMPLATE_2021: TemplateDef = {
  id: '2021',
  basis: '国办公开办函〔2021〕30号',
  years: '2021年及以后',
  tables: [proactiveTable2021(), applicationsTable('2021'), reviewsTable()],
  indicators: [],
  indicatorTable: null,
  sections: sections2021,
  rules: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8'],
};

export const TEMPLATE_2019: TemplateDef = {
  id: '2019',
  basis: '国办公开办函〔2019〕60号',
  years: '2019—2020年',
  tables: [proactiveTable2019(), applicationsTable('2019'), reviewsTable()],
  indicators: [],
  indicatorTable: null,
  sections: sections2021,
  // R7 needs 本年废止件数/现行有效件数, which the 2019 table 二 does not have.
  rules: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R8'],
};

export const TEMPLATE_PRE2019: TemplateDef = {
  id: 'pre2019',
  basis: '政府信息公开情况统计表（附表）',
  years: '2018年及以前',
  tables: [],
  indicators: PRE2019_INDICATORS,
  indicatorTable: pre2019IndicatorTable(),
  sections: [
    { kind: 'narrative', key: 'overview', heading: '概述' },
    { kind: 'extra' },
    { kind: 'narrative', key: 'problems', heading: '存在的主要问题及改进措施' },
    { kind: 'narrative', key: 'other', heading: '其他需要报告的事项' },
    { kind: 'indicators', heading: '附表：政府信息公开情况统计表' },
  ],
  rules: ['R6', 'R8', 'R9'],
};

export const TEMPLATES: Record<TemplateId, TemplateDef> = { '2021': TEMPLATE_2021, '2019': TEMPLATE_2019, pre2019: TEMPLATE_PRE2019 };

export function templateById(id: TemplateId): TemplateDef {
  return TEMPLATES[id];
}

/** The template in force for a report year: 2021 format from 2021, the 2019 trial format for 2019–2020. */
export function templateForYear(year: number): TemplateId {
  return year >= 2021 ? '2021' : year >= 2019 ? '2019' : 'pre2019';
}

export function tableDef(t: TemplateDef, key: TableKey): TableDef | undefined {
  return t.tables.find((x) => x.key === key);
}

export function rowDef(t: TemplateDef, table: TableKey, row: string): RowDef | undefined {
  return tableDef(t, table)?.rows.find((r) => r.key === row);
}

export function columnDef(t: TemplateDef, table: TableKey, row: string, col: string): ColumnDef | undefined {
  return rowDef(t, table, row)?.cols.find((c) => c.key === col);
}

export function indicatorDef(t: TemplateDef, key: string): IndicatorDef | undefined {
  return t.indicators.find((i) => i.key === key);
}

/** Every table as printed, in document order (the 附表 for pre2019). */
export function displayTables(t: TemplateDef): DisplayTable[] {
  return t.indicatorTable ? [...t.tables, t.indicatorTable] : t.tables;
}

/** A human label for a cell path, e.g. "表三 一、本年新收政府信息公开申请数量 · 申请人情况·自然人". */
export function cellLabel(t: TemplateDef, path: string): string {
  if (path.startsWith('indicators.')) {
    const i = indicatorDef(t, path.slice('indicators.'.length));
    return i ? `附表 ${i.label}` : path;
  }
  const [table, row, col] = path.split('.') as [TableKey, string, string];
  const td = tableDef(t, table);
  const r = rowDef(t, table, row);
  const c = columnDef(t, table, row, col);
  if (!td || !r || !c) return path;
  return `${td.shortName} ${r.fullLabel} · ${c.fullLabel}`;
}

/** The kind of a cell (count / amountWan / signedChange); undefined for a path the template lacks. */
export function cellKind(t: TemplateDef, path: string): ColumnDef['kind'] | undefined {
  if (path.startsWith('indicators.')) return indicatorDef(t, path.slice('indicators.'.length))?.kind;
  const [table, row, col] = path.split('.') as [TableKey, string, string];
  return columnDef(t, table, row, col)?.kind;
}

/** "<unit>YYYY年政府信息公开工作年度报告" */
export function reportTitle(unitName: string, year: number): string {
  return `${unitName}${year}年政府信息公开工作年度报告`;
}
