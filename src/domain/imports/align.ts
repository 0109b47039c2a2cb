/**
 * Aligning flattened table cells with the template: finds each row's label in document order (fuzzy, see
 * labelScore) and the value cells that follow it. Rows are searched in template order from a moving cursor; a
 * row whose label is found only after a later row's label is treated as missing (not stated), so one missing
 * row never shifts values into the wrong key.
 */
import { labelCore, labelKey, labelScore } from './normalise.js';
import type { Token } from './tokens.js';

export interface LabelSpec {
  /** the label as printed in the template */
  label: string;
  key: string;
  core: string;
}

export function labelSpec(label: string): LabelSpec {
  return { label, key: labelKey(label), core: labelCore(label) };
}

/** Score of a text token (or two adjacent text tokens, for a label split over lines) against a label. */
function matchAt(tokens: Token[], i: number, spec: LabelSpec): { score: number; last: number } {
  const t = tokens[i]!;
  if (t.kind !== 'text') return { score: 0, last: i };
  if (spec.core.length < 4) {
    // Short labels (规章, 3.其他, （七）总计): exact, and the ordinal must agree when the label has one.
    const ok = t.core === spec.core && (spec.key === spec.core ? true : t.key === spec.key || t.key.endsWith(spec.key));
    return { score: ok ? 1 : 0, last: i };
  }
  const s = labelScore(t.core, spec.core);
  if (s > 0) return { score: s, last: i };
  const next = tokens[i + 1];
  if (next && next.kind === 'text' && next.line - t.line <= 1) {
    const s2 = labelScore(t.core + next.core, spec.core);
    if (s2 >= 0.9) return { score: s2, last: i + 1 };
  }
  return { score: 0, last: i };
}

export interface LabelHit {
  index: number;
  /** index of the label's last token (a label split over two lines) */
  last: number;
}

export function findLabel(tokens: Token[], from: number, to: number, spec: LabelSpec): LabelHit | null {
  for (let i = from; i < to; i++) {
    const m = matchAt(tokens, i, spec);
    if (m.score > 0) return { index: i, last: m.last };
  }
  return null;
}

/**
 * Finds the labels of `specs` in order between from and to. A row is missing (null) when its label is not
 * found, or when one of the next `lookahead` rows' labels comes first.
 */
export function alignLabels(tokens: Token[], from: number, to: number, specs: LabelSpec[], lookahead = 4): (LabelHit | null)[] {
  const hits: (LabelHit | null)[] = [];
  let cursor = from;
  for (let r = 0; r < specs.length; r++) {
    const hit = findLabel(tokens, cursor, to, specs[r]!);
    if (!hit) {
      hits.push(null);
      continue;
    }
    let preempted = false;
    for (let k = r + 1; k < Math.min(specs.length, r + 1 + lookahead); k++) {
      const other = findLabel(tokens, cursor, hit.index, specs[k]!);
      if (other) {
        preempted = true;
        break;
      }
    }
    if (preempted) {
      hits.push(null);
      continue;
    }
    hits.push(hit);
    cursor = hit.last + 1;
  }
  return hits;
}

/** The value cells (numbers and explicit blanks) right after a label, skipping the rest of a split label. */
export function valuesAfter(tokens: Token[], hit: LabelHit, spec: LabelSpec, max: number, to: number, skipUnits = false): { values: Token[]; surplus: Token[] } {
  let i = hit.last + 1;
  while (i < to && tokens[i]!.kind === 'text' && tokens[i]!.core.length >= 2 && spec.core.includes(tokens[i]!.core) && tokens[i]!.core !== spec.core) i++;
  if (skipUnits) while (i < to && tokens[i]!.kind === 'text' && UNIT.test(tokens[i]!.core)) i++;
  const values: Token[] = [];
  while (i < to && tokens[i]!.kind !== 'text' && values.length < max) values.push(tokens[i++]!);
  const surplus: Token[] = [];
  while (i < to && tokens[i]!.kind === 'num') surplus.push(tokens[i++]!);
  return { values, surplus };
}

export const UNIT = /^(条|件|件次|次|篇|个|人|人次|万元|元|千元|项|场|期|家|处|名|份|单位)$/;
