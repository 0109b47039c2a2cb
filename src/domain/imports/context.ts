/**
 * What every reading step shares: the cleaned text (simplified script, for matching), the same text in the
 * source's own script (for provenance snippets), the map back to the decoded source, the token stream, and the
 * document being filled with its provenance and reading warnings.
 */
import type { SourceCell } from '../annual-report/interchange.js';
import type { Token } from './tokens.js';

export interface ReadContext {
  /** cleaned text in simplified script (what labels are matched against) */
  text: string;
  /** the same cleaned text in the source's script (same length; provenance snippets come from here) */
  originalText: string;
  /** origin[i]: offset in the decoded source of text[i] */
  origin: Int32Array;
  tokens: Token[];
  /** values read, by cell path (e.g. applications.received.natural, indicators.applications.received) */
  values: Map<string, number>;
  cells: Record<string, SourceCell>;
  warnings: string[];
}

/** Provenance of text[start, end): the snippet in the source's own script and its offset in the decoded source. */
export function provenance(ctx: ReadContext, start: number, end: number): SourceCell {
  const a = Math.max(0, Math.min(start, ctx.text.length));
  const b = Math.max(a, Math.min(end, ctx.text.length));
  return { text: ctx.originalText.slice(a, b), offset: a < ctx.origin.length ? ctx.origin[a]! : 0 };
}

/** Records a value read from text[start, end) — the snippet must contain the number as written. */
export function setValue(ctx: ReadContext, path: string, value: number, start: number, end: number): void {
  ctx.values.set(path, value);
  ctx.cells[path] = provenance(ctx, start, end);
}

/** Line number (1-based, in the cleaned text) of an offset, for messages (binary search over line starts). */
export function lineOf(ctx: ReadContext, offset: number): number {
  let starts = lineStarts.get(ctx);
  if (!starts) {
    const s: number[] = [0];
    for (let i = ctx.text.indexOf('\n'); i >= 0; i = ctx.text.indexOf('\n', i + 1)) s.push(i + 1);
    starts = s;
    lineStarts.set(ctx, s);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
const lineStarts = new WeakMap<ReadContext, number[]>();

export function excerpt(s: string, max = 24): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
