/**
 * The wording check (用语检查): an editable dictionary of phrases that must not appear in published text —
 * wrong political or legal expressions, outdated names of bodies and titles after the 2018 institutional
 * reform, classification marks, common typos — matched with one Aho–Corasick automaton over all active
 * phrases (modern-ahocorasick), rebuilt only when the dictionary changes. 国办秘函〔2019〕19号: a serious
 * error of expression fails a government website outright, so such entries block publication.
 */
import AhoCorasick from 'modern-ahocorasick';
import { WORDING_KIND_LABELS, type Severity, type WordingKind } from './labels.js';

export { SEVERITY_LABELS, WORDING_KIND_LABELS, type Severity, type WordingKind } from './labels.js';

export interface WordingEntry {
  id: string;
  /** null: applies on the whole platform; otherwise the unit and the units below it. */
  unitId: string | null;
  phrase: string;
  kind: WordingKind;
  suggestion: string | null;
  severity: Severity;
  note: string | null;
  active: boolean;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
}

export interface WordingHit {
  entry: WordingEntry;
  start: number;
  end: number;
}

interface Compiled {
  version: string;
  matcher: AhoCorasick<number> | null;
  /** Pattern index → the entries with that phrase (platform-wide and per unit). */
  byPattern: WordingEntry[][];
  /** The longest phrase in UTF-16 units (the overlap of the chunked search). */
  maxLength: number;
}

let cache: Compiled | null = null;
let builds = 0;

/** How many automata have been built in this process (tests and the benchmark read it). */
export const matcherBuilds = () => builds;

/**
 * The automaton for a dictionary version. `load` is called only when the version differs from the cached one;
 * one automaton serves every unit, the unit scope is applied to the matches.
 */
export async function wordingMatcher(version: string, load: () => Promise<WordingEntry[]>): Promise<Compiled> {
  if (cache && cache.version === version) return cache;
  const entries = (await load()).filter((e) => e.active && e.phrase.length > 0);
  const phrases = new Map<string, WordingEntry[]>();
  for (const e of entries) {
    const list = phrases.get(e.phrase);
    if (list) list.push(e);
    else phrases.set(e.phrase, [e]);
  }
  const byPattern = [...phrases.values()];
  const matcher = byPattern.length ? new AhoCorasick<number>(byPattern.map((list, i) => ({ pattern: list[0]!.phrase, data: i }))) : null;
  builds++;
  cache = { version, matcher, byPattern, maxLength: Math.max(1, ...byPattern.map((l) => l[0]!.phrase.length)) };
  return cache;
}

/**
 * Hits in `text` for a unit. `scope` lists the unit and its ancestors, nearest first: for a phrase listed
 * several times the nearest unit's entry wins over an ancestor's, which wins over the platform-wide one (so a
 * unit can soften a platform entry for itself, e.g. from block to warn, with an entry of its own).
 * Leftmost-longest matching: a longer listed phrase wins over a shorter one inside it.
 */
export function findWording(compiled: Compiled, text: string, scope: readonly string[]): WordingHit[] {
  if (!compiled.matcher || !text) return [];
  const hits: WordingHit[] = [];
  for (const m of searchChunked(compiled.matcher, text, compiled.maxLength)) {
    const entry = effectiveEntry(compiled.byPattern[m.data ?? m.patternIndex] ?? [], scope);
    if (entry) hits.push({ entry, start: m.start, end: m.end });
  }
  return hits;
}

/** Window of the chunked search, in UTF-16 units. */
const WINDOW = 256;

/**
 * Leftmost-longest matches over the whole text, searched in short overlapping windows. The matcher segments its
 * input into grapheme clusters with Intl.Segmenter, whose iteration is quadratic in V8 for long strings (50,000
 * characters: seconds; in 256-character pieces: milliseconds). Every match starting in a window lies wholly in
 * that window plus the overlap (the longest phrase minus one), so no match is lost or found twice; windows never
 * start inside a surrogate pair.
 */
function searchChunked(matcher: AhoCorasick<number>, text: string, maxLength: number): { start: number; end: number; data: number | undefined; patternIndex: number }[] {
  if (text.length <= WINDOW + maxLength) return matcher.search(text, { strategy: 'leftmost-longest' });
  const all: { start: number; end: number; data: number | undefined; patternIndex: number }[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + WINDOW);
    if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
    const sliceEnd = Math.min(text.length, to + maxLength - 1);
    for (const m of matcher.search(text.slice(from, sliceEnd), { strategy: 'all' })) {
      const start = from + m.start;
      if (start < to) all.push({ start, end: from + m.end, data: m.data, patternIndex: m.patternIndex });
    }
    from = to;
  }
  // Leftmost-longest selection over the whole text: earliest start, the longest at one start, no overlaps.
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: typeof all = [];
  let covered = 0;
  for (const m of all) {
    if (m.start < covered) continue;
    out.push(m);
    covered = m.end;
  }
  return out;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The entry that applies to a unit: the one of the nearest unit in scope, else the platform-wide one. */
export function effectiveEntry(list: readonly WordingEntry[], scope: readonly string[]): WordingEntry | undefined {
  let best: WordingEntry | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const e of list) {
    const rank = e.unitId === null ? scope.length : scope.indexOf(e.unitId);
    if (rank >= 0 && rank < bestRank) {
      best = e;
      bestRank = rank;
    }
  }
  return best;
}

export function wordingMessage(e: WordingEntry): string {
  const base = `“${e.phrase}”属于${WORDING_KIND_LABELS[e.kind]}`;
  const fix = e.suggestion ? `，建议改为“${e.suggestion}”` : '，请修改或删除';
  return `${base}${fix}${e.note ? `（${e.note}）` : ''}`;
}
