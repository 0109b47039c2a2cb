/**
 * The cleaned report text as a stream of cell tokens. Scraped tables arrive flattened: one cell per line ending
 * in " |", stray "|" marks from merged cells, several cells on one line, or several numbers in one line. A token
 * is one piece of text between line breaks and "|" marks; a line holding only "|" is an explicit blank cell;
 * a line of whitespace-separated numbers gives one token per number.
 */
import { isDashCell, labelCore, labelKey, parseCellNumber } from './normalise.js';

export type TokenKind = 'num' | 'blank' | 'text';

export interface Token {
  kind: TokenKind;
  /** the token's text (normalised script) */
  text: string;
  /** number of a 'num' token */
  value: number | null;
  /** offsets in the cleaned text */
  start: number;
  end: number;
  /** line number in the cleaned text */
  line: number;
  /** labelKey / labelCore of a text token (computed once) */
  key: string;
  core: string;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let lineStart = 0;
  let lineNo = 0;
  const push = (kind: TokenKind, s: string, start: number, value: number | null) => {
    tokens.push({ kind, text: s, value, start, end: start + s.length, line: lineNo, key: kind === 'text' ? labelKey(s) : '', core: kind === 'text' ? labelCore(s) : '' });
  };
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    const line = text.slice(lineStart, i);
    if (line.includes('|') || line.includes('｜')) {
      let any = false;
      let cellStart = 0;
      for (let j = 0; j <= line.length; j++) {
        if (j < line.length && line[j] !== '|' && line[j] !== '｜') continue;
        if (cellCell(line, cellStart, j, lineStart, push)) any = true;
        cellStart = j + 1;
      }
      if (!any) push('blank', '|', lineStart + Math.max(0, line.indexOf('|')), null);
    } else if (line.trim()) cellCell(line, 0, line.length, lineStart, push);
    lineStart = i + 1;
    lineNo++;
  }
  return tokens;
}

/** Emits the token(s) of one cell line[a, b); false when the cell is empty. */
function cellCell(line: string, a: number, b: number, base: number, push: (k: TokenKind, s: string, start: number, v: number | null) => void): boolean {
  while (a < b && /\s/.test(line[a]!)) a++;
  while (b > a && /\s/.test(line[b - 1]!)) b--;
  if (a >= b) return false;
  const s = line.slice(a, b);
  const v = parseCellNumber(s);
  if (v !== null) {
    push('num', s, base + a, v);
    return true;
  }
  if (isDashCell(s)) {
    push('blank', s, base + a, null);
    return true;
  }
  // "0 0 0" (several numbers separated by spaces) → one token per number
  if (/^[\d.,+\-\s０-９]+$/.test(s) && /\s/.test(s)) {
    const parts = [...s.matchAll(/\S+/g)];
    if (parts.every((p) => parseCellNumber(p[0]) !== null)) {
      for (const p of parts) push('num', p[0], base + a + p.index, parseCellNumber(p[0]));
      return true;
    }
  }
  push('text', s, base + a, null);
  return true;
}
