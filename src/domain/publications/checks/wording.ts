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
  cache = { version, matcher, byPattern };
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
  for (const m of compiled.matcher.search(text, { strategy: 'leftmost-longest' })) {
    const entry = effectiveEntry(compiled.byPattern[m.data ?? m.patternIndex] ?? [], scope);
    if (entry) hits.push({ entry, start: m.start, end: m.end });
  }
  return hits;
}

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
