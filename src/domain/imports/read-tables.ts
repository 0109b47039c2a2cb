/**
 * Tables 二, 三 and 四 of the 2021 and 2019 formats (annual-report-format.md §2–3), reconstructed from flattened
 * cells: each table's region starts at its heading (or its first header cell), rows are aligned by the
 * template's labels, and values are placed by column order — table 三's 7 columns, table 四's 15 cells in one
 * row (行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5). A row with fewer values than columns is ambiguous and
 * left null with a warning; nothing is ever guessed.
 */
import type { TableDef, TemplateDef } from '../annual-report/templates.js';
import { alignLabels, labelSpec, valuesAfter, type LabelSpec } from './align.js';
import { excerpt, lineOf, setValue, type ReadContext } from './context.js';
import { labelKey } from './normalise.js';
import type { Token } from './tokens.js';

interface Anchor {
  /** heading keys with their ordinal ("三收到和处理政府信息公开申请情况") */
  headings: string[];
  /** header cells that only this table has */
  cells: string[];
}

const ANCHORS: Record<string, Anchor> = {
  proactive: { headings: ['二、主动公开政府信息情况'], cells: ['第二十条第（一）项', '本年制发件数', '本年新制作数量'] },
  applications: { headings: ['三、收到和处理政府信息公开申请情况'], cells: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'] },
  reviews: { headings: ['四、政府信息公开行政复议、行政诉讼情况'], cells: [] },
};
const END_HEADINGS = ['五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况', '六、其他需要报告的事项'].map(labelKey);

function findAnchor(tokens: Token[], from: number, a: Anchor): number {
  const heads = a.headings.map(labelKey);
  const cells = a.cells.map(labelKey);
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'text') continue;
    if (heads.includes(t.key) || cells.some((c) => t.key === c || (c.length >= 8 && t.key.startsWith(c)))) return i;
  }
  return -1;
}

/** Heading (with ordinal) found loosely: the heading text without its ordinal, as a line of its own. */
function findHeadingLoose(tokens: Token[], from: number, heading: string): number {
  const core = labelSpec(heading).core;
  for (let i = from; i < tokens.length; i++) if (tokens[i]!.kind === 'text' && tokens[i]!.core === core) return i;
  return -1;
}

export function readTables(ctx: ReadContext, template: TemplateDef): void {
  const { tokens } = ctx;
  const starts: Record<string, number> = {};
  let from = 0;
  for (const t of template.tables) {
    let at = findAnchor(tokens, from, ANCHORS[t.key]!);
    if (at < 0) at = findHeadingLoose(tokens, from, ANCHORS[t.key]!.headings[0]!);
    starts[t.key] = at;
    if (at >= 0) from = at + 1;
  }
  let end = tokens.length;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'text' && END_HEADINGS.includes(t.key)) {
      end = i;
      break;
    }
  }
  const order = template.tables.map((t) => t.key);
  order.forEach((key, k) => {
    const def = template.tables.find((t) => t.key === key)!;
    const start = starts[key]!;
    const next = order.slice(k + 1).map((x) => starts[x]!).find((s) => s >= 0);
    const stop = next ?? end;
    if (start < 0) {
      ctx.warnings.push(`未找到${def.shortName}（${def.title}）：该表各单元格记为 null（原文未载明）`);
      return;
    }
    if (key === 'reviews') readReviews(ctx, def, start, stop);
    else readRows(ctx, def, start, stop, template.id);
  });
}

function rowSpecs(def: TableDef): LabelSpec[] {
  return def.rows.map((r) => labelSpec(r.label));
}

/** Minimum values a row may show (positional prefix): the 2019 收费 row prints 2 of its 3 columns. */
function minValues(templateId: string, table: string, row: string, width: number): number {
  if (templateId === '2019' && table === 'proactive' && row === 'fees') return 2;
  return width;
}

function readRows(ctx: ReadContext, def: TableDef, start: number, stop: number, templateId: string): void {
  const specs = rowSpecs(def);
  const hits = alignLabels(ctx.tokens, start + 1, stop, specs);
  let anyValue = false;
  const before = ctx.warnings.length;
  const missing: string[] = [];
  def.rows.forEach((row, r) => {
    const hit = hits[r];
    if (!hit) {
      missing.push(row.fullLabel);
      return;
    }
    const nextHit = hits.slice(r + 1).find((h) => h);
    const to = nextHit ? nextHit.index : stop;
    const width = row.columns.length;
    const { values, surplus } = valuesAfter(ctx.tokens, hit, specs[r]!, width, to);
    const nums = values.filter((v) => v.kind === 'num').length;
    const where = `第 ${lineOf(ctx, ctx.tokens[hit.index]!.start)} 行`;
    if (values.length === 0) {
      ctx.warnings.push(`${def.shortName}“${row.fullLabel}”（${where}）后面没有数值：该行记为 null`);
      return;
    }
    if (values.length < minValues(templateId, def.key, row.key, width)) {
      ctx.warnings.push(
        `${def.shortName}“${row.fullLabel}”（${where}）只有 ${values.length} 个单元格（应为 ${width} 个：${values.map((v) => v.text).join('、')}），无法确定各自属于哪一列：该行记为 null`,
      );
      return;
    }
    values.forEach((v, c) => {
      const col = row.columns[c]!;
      if (v.kind === 'num') {
        setValue(ctx, `${def.key}.${row.key}.${col}`, v.value!, v.start, v.end);
        anyValue = true;
      }
    });
    if (nums < values.length) ctx.warnings.push(`${def.shortName}“${row.fullLabel}”（${where}）有 ${values.length - nums} 个空白单元格：记为 null`);
    if (surplus.length) ctx.warnings.push(`${def.shortName}“${row.fullLabel}”（${where}）后面多出 ${surplus.length} 个数值（${surplus.map((s) => s.text).join('、')}），不属于任何一列，未写入`);
  });
  // A table with no value at all gets one warning, not one per row.
  if (!anyValue) ctx.warnings.splice(before);
  if (!anyValue) ctx.warnings.push(`${def.shortName}（${def.title}）有标题（第 ${lineOf(ctx, ctx.tokens[start]!.start)} 行）但没有读到任何单元格：该表各单元格记为 null`);
  else if (missing.length) ctx.warnings.push(`${def.shortName}未找到以下行：${missing.map((m) => `“${excerpt(m, 30)}”`).join('、')}：记为 null`);
}

/** 表四: 15 value cells after the header cells, in the published column order. */
function readReviews(ctx: ReadContext, def: TableDef, start: number, stop: number): void {
  const values: Token[] = [];
  for (let i = start + 1; i < stop && values.length < 16; i++) {
    const t = ctx.tokens[i]!;
    if (t.kind === 'text') {
      if (values.length > 0 && t.text.length > 20) break; // narrative after the table
      continue;
    }
    values.push(t);
  }
  const where = `第 ${lineOf(ctx, ctx.tokens[start]!.start)} 行`;
  const cells = def.rows.flatMap((r) => r.columns.map((c) => `${def.key}.${r.key}.${c}`));
  if (values.length === 0) {
    ctx.warnings.push(`${def.shortName}（${def.title}）有标题（${where}）但没有读到任何单元格：该表各单元格记为 null`);
    return;
  }
  if (values.length !== cells.length) {
    ctx.warnings.push(
      `${def.shortName}（${where}）读到 ${values.length} 个单元格（应为 ${cells.length} 个：${values.map((v) => v.text).join('、')}），无法确定各自属于哪一列：该表记为 null`,
    );
    return;
  }
  let blanks = 0;
  values.forEach((v, k) => {
    if (v.kind === 'num') setValue(ctx, cells[k]!, v.value!, v.start, v.end);
    else blanks++;
  });
  if (blanks) ctx.warnings.push(`${def.shortName}有 ${blanks} 个空白单元格：记为 null`);
}
