/**
 * The pre-2019 附表 政府信息公开情况统计表 (annual-report-format.md §4): 指标 / 单位 / 数量 triples. Each line of
 * the template is aligned in order; after a label come the unit cell (条, 件, 万元 …; "—" on heading lines) and
 * the value cell. A value in 元 is converted to 万元 where the indicator is in 万元. A heading line carrying a
 * value has no key in the interchange format: reported, not written.
 */
import { PRE2019_LINES } from '../annual-report/templates-pre2019.js';
import { alignLabels, labelSpec, UNIT } from './align.js';
import { lineOf, setValue, type ReadContext } from './context.js';
import { labelKey } from './normalise.js';
import type { Token } from './tokens.js';

const TABLE_HEADINGS = ['政府信息公开情况统计表', '附表', '十一、附表', '附件：政府信息公开情况统计表'].map(labelKey);

/** Index of the 附表's first token (its heading, or the 指标/单位/数量 header), -1 when the report has none. */
export function findIndicatorTable(tokens: Token[]): number {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'text') continue;
    if (t.key.length <= 16 && TABLE_HEADINGS.some((h) => t.key === h || t.core === h || t.key.endsWith('政府信息公开情况统计表'))) return i;
    if (t.core === '指标' && tokens[i + 1]?.core === '单位') return i;
  }
  return -1;
}

export function readIndicators(ctx: ReadContext, start: number): void {
  const lines = PRE2019_LINES;
  const specs = lines.map((l) => labelSpec(l.label));
  const hits = alignLabels(ctx.tokens, start, ctx.tokens.length, specs, 6);
  let read = 0;
  const missing: string[] = [];
  lines.forEach((line, r) => {
    const hit = hits[r];
    if (!hit) {
      if (line.key && !line.key.startsWith('complaints.') ) missing.push(line.label);
      return;
    }
    const nextHit = hits.slice(r + 1).find((h) => h);
    const to = nextHit ? nextHit.index : Math.min(ctx.tokens.length, hit.last + 6);
    let i = hit.last + 1;
    let unit: string | null = null;
    while (i < to && ctx.tokens[i]!.kind === 'text' && UNIT.test(ctx.tokens[i]!.core)) unit = ctx.tokens[i++]!.core;
    const cells: Token[] = [];
    while (i < to && ctx.tokens[i]!.kind !== 'text' && cells.length < 3) cells.push(ctx.tokens[i++]!);
    // "—" in the unit column of a heading line comes before the (usually blank) value.
    if (unit === null && cells.length >= 2 && cells[0]!.kind === 'blank' && cells[0]!.text !== '|') cells.shift();
    const nums = cells.filter((c) => c.kind === 'num');
    const where = `第 ${lineOf(ctx, ctx.tokens[hit.index]!.start)} 行`;
    if (nums.length === 0) return; // blank value: not stated
    if (nums.length > 1 || cells.length > 1) {
      if (nums.length > 1) {
        ctx.warnings.push(`附表“${line.label}”（${where}）有 ${nums.length} 个数值（${nums.map((n) => n.text).join('、')}），无法确定哪个是数量：记为 null`);
        return;
      }
    }
    const v = nums[0]!;
    if (!line.key) {
      ctx.warnings.push(`附表“${line.label}”（${where}）填有数值 ${v.text}，该行是分组标题，交换格式中没有对应的指标：未写入`);
      return;
    }
    let value = v.value!;
    if (line.unit === '万元' && unit === '元') value = value / 10000;
    else if (line.unit === '万元' && unit === '千元') value = value / 10;
    setValue(ctx, `indicators.${line.key}`, value, v.start, v.end);
    read++;
  });
  if (read === 0) ctx.warnings.push(`附表（政府信息公开情况统计表）有标题（第 ${lineOf(ctx, ctx.tokens[start]!.start)} 行）但没有读到任何数值：各指标记为 null`);
  else if (missing.length > 8) ctx.warnings.push(`附表中未找到 ${missing.length} 个指标行（如“${missing[0]}”）：记为 null`);
}
