/**
 * Highlighting of search results, computed in TypeScript from the stored text so that both engines show the same
 * marks. Matches are found on the normalised text (traditional → simplified, half-width, lower case) and mapped
 * back onto the original characters, so a query 補貼 marks 补贴 in the title and vice versa.
 * Output wraps matches in [[hl]]…[[/hl]]; the renderer escapes the text first and then turns markers into <mark>.
 */
export const HL_OPEN = '[[hl]]';
export const HL_CLOSE = '[[/hl]]';
const MARKER = /\[\[\/?hl\]\]/g;

/** Normalises one code point (see TextAnalyzer.normalizeChar). */
export type NormalizeChar = (ch: string) => string;

interface Mapped {
  norm: string;
  /** For each UTF-16 index of `norm`: the original range [start, end) of the code point it came from. */
  start: number[];
  end: number[];
}

function mapText(text: string, normalizeChar: NormalizeChar): Mapped {
  let norm = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = normalizeChar(ch);
    for (let k = 0; k < n.length; k++) {
      start.push(i);
      end.push(i + ch.length);
    }
    norm += n;
    i += ch.length;
  }
  return { norm, start, end };
}

/** Ranges [start, end) in the original text where a term occurs (longest term first, no overlaps). */
function matchRanges(m: Mapped, terms: string[], from = 0, stopAfterFirst = false): [number, number][] {
  const sorted = [...new Set(terms)].filter(Boolean).sort((a, b) => b.length - a.length);
  const out: [number, number][] = [];
  if (sorted.length === 0) return out;
  let i = from;
  while (i < m.norm.length) {
    const t = sorted.find((term) => m.norm.startsWith(term, i));
    if (t) {
      out.push([m.start[i]!, m.end[i + t.length - 1]!]);
      if (stopAfterFirst) break;
      i += t.length;
    } else {
      i++;
    }
  }
  return out;
}

function wrap(text: string, ranges: [number, number][], offset = 0): string {
  let out = '';
  let at = offset;
  for (const [s, e] of ranges) {
    if (s < at) continue;
    out += text.slice(at, s) + HL_OPEN + text.slice(s, e) + HL_CLOSE;
    at = e;
  }
  return out;
}

/** Removes marker look-alikes from stored text, so only our marks become <mark>. */
export function stripMarkers(text: string): string {
  return text.replace(MARKER, '');
}

/** The whole text with every match of the query terms marked. */
export function highlight(text: string, terms: string[], normalizeChar: NormalizeChar): string {
  const clean = stripMarkers(text);
  const ranges = matchRanges(mapText(clean, normalizeChar), terms);
  return wrap(clean, ranges) + clean.slice(ranges.length ? ranges[ranges.length - 1]![1] : 0);
}

/**
 * About `width` characters of `text` around the first match (a little context before it), with every match in
 * the window marked and "…" where text was cut. Without a match: the beginning of the text.
 */
export function excerpt(text: string, terms: string[], normalizeChar: NormalizeChar, width = 120): string {
  const clean = stripMarkers(text).replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  if (chars.length === 0) return '';
  // Work in code points so a window never splits a character.
  const firstMatchCp = (() => {
    const m = mapText(clean, normalizeChar);
    const first = matchRanges(m, terms, 0, true)[0];
    if (!first) return -1;
    return [...clean.slice(0, first[0])].length;
  })();
  const before = Math.floor(width / 4);
  let startCp = firstMatchCp < 0 ? 0 : Math.max(0, firstMatchCp - before);
  const endCp = Math.min(chars.length, startCp + width);
  startCp = Math.max(0, Math.min(startCp, endCp - width));
  const window = chars.slice(startCp, endCp).join('');
  return (startCp > 0 ? '…' : '') + highlight(window, terms, normalizeChar) + (endCp < chars.length ? '…' : '');
}

/** 文号 normalised for substring matching: half-width, lower case, brackets unified, spaces removed. */
export function docNumberKey(docNumber: string): string {
  return docNumber
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/[〔［【（\[(]/g, '〔')
    .replace(/[〕］】）\])]/g, '〕')
    .replace(/\s+/g, '');
}
