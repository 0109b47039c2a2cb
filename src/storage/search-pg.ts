/**
 * PostgreSQL side of the search index: the newest matches read through GIN one window of 发布日期 at a time, from the
 * narrow table search_tsv (doc_id, unit_id, title_tsv, doc_tsv; migration 0006, kept in step with search_items by
 * trigger). Only the final page's rows are read from the wide search_items (and the rows of a window when a filter
 * on its other columns is given).
 *
 * Why: walking the doc_id index newest-first and testing each row costs ~10 µs a row once the table is larger than
 * shared_buffers (1.4 KB rows), so a word in 3 % of items cost 500 ÷ 0.03 rows ≈ 170 ms; and a GIN bitmap over every
 * match reads every matching row (a word in 13 % of 1,000,000 items: 136,000 rows). Neither choice depends only on
 * the planner's guess being right. Instead the GIN index over doc_tsv carries one extra lexeme per row, the third of
 * the month of 发布日期 ('@2025-06-2': the analyzer never yields '@' or '-', so no query word can match it), and a
 * probe asks GIN for "the words AND one of these periods", newest first: GIN intersects the posting lists itself (the rarer side
 * drives), and only the rows of that window are read from the heap. The window grows with the density seen so far
 * (≈ 1.5 × what is still needed), so a common word reads about one period (~10 days), a rare one a few windows; the unit
 * restriction is the unit facet token (see unitFacet), intersected inside GIN the same way.
 */
import { type Kysely, sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from './schema.js';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * FROM of a match: the narrow table (alias n), joined to search_items (alias s) only when a filter needs its other
 * columns (column, subject, genre, validity, 文号).
 */
export const pgFrom = (wide: boolean): RawBuilder<unknown> =>
  wide ? sql`search_tsv n join search_items s on s.doc_id = n.doc_id` : sql`search_tsv n`;

export const DAY_SLOT = 10_000_000;
/**
 * A window lists at most this many periods: GIN decodes every listed period's posting list (~2,600 entries each with
 * 1,000,000 items). Wider windows are asked without period lexemes, for every older row at once, when the density
 * seen says the older matches are few (≤ OPEN_ROWS): reading them all from the heap is then cheaper.
 */
const MAX_WINDOW_TOKENS = 24;
const OPEN_ROWS = 1_500;

export const tsLexeme = (t: string) => `'${t.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

/**
 * Period number of a doc_id (day of 发布日期 × 10^7 + serial): three periods a month (days 1–9, 10–19, 20–31),
 * (year × 12 + month − 1) × 3 + period, lexeme '@2025-06-2'.
 */
export function periodOfDoc(docId: number): number {
  const d = new Date(Math.floor(docId / DAY_SLOT) * 86_400_000);
  return (d.getUTCFullYear() * 12 + d.getUTCMonth()) * 3 + Math.min(Math.floor(d.getUTCDate() / 10), 2);
}
const periodLexeme = (p: number) => {
  const m = Math.floor(p / 3);
  return `'@${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${p % 3}'`;
};
/** The first doc_id of a period. */
const periodStartDoc = (p: number) => {
  const m = Math.floor(p / 3);
  return (Date.UTC(Math.floor(m / 12), m % 12, [1, 10, 20][p % 3]!) / 86_400_000) * DAY_SLOT;
};

export interface PgMatch { docId: number; tier: number }

export interface PgNewestOptions {
  /** tsquery text every row must match in the GIN index (the words, and the unit facets if any). */
  match: string;
  /** Further conditions on the fetched rows (alias n, and s when `wide`): title tiers, filters. */
  where: RawBuilder<unknown>[];
  /** Whether `where` refers to search_items (alias s). */
  wide: boolean;
  /** Only rows older than this doc_id. */
  before: number | null;
  /** Periods allowed (the year filter), inclusive. */
  periodRange: [number, number] | null;
  limit: number;
  /** The tier query texts: all words, any word (for t0 / t1 of each row). */
  all: string;
  any: string;
}

/**
 * The newest `limit` rows matching, newest first, with their tier (0: all words in the title, 1: some, 2: none),
 * read window by window through the GIN index.
 */
export async function pgNewest(q: Q, o: PgNewestOptions): Promise<PgMatch[]> {
  const bounds = await sql<{ lo: string | number | null; hi: string | number | null }>`
    select (select min(doc_id) from search_tsv) as lo, (select max(doc_id) from search_tsv) as hi`.execute(q);
  const b = bounds.rows[0];
  if (b?.lo == null || b.hi == null) return [];
  let oldest = periodOfDoc(Number(b.lo));
  let hiM = periodOfDoc(o.before != null ? Math.min(o.before - 1, Number(b.hi)) : Number(b.hi));
  if (o.periodRange) {
    oldest = Math.max(oldest, o.periodRange[0]);
    hiM = Math.min(hiM, o.periodRange[1]);
  }
  const found: PgMatch[] = [];
  const top = hiM;
  let span = 1;
  let perPeriod = 0;
  while (found.length < o.limit && hiM >= oldest) {
    const open = span > MAX_WINDOW_TOKENS && (perPeriod === 0 || perPeriod * (hiM - oldest + 1) <= OPEN_ROWS);
    const loM = Math.max(oldest, hiM - Math.min(span, MAX_WINDOW_TOKENS) + 1);
    const window = [];
    for (let m = hiM; m >= loM; m--) window.push(periodLexeme(m));
    const tsq = open ? o.match : `(${o.match}) & (${window.join(' | ')})`;
    const conds = [sql`n.doc_tsv @@ ${tsq}::tsquery`, ...o.where];
    if (o.before != null) conds.push(sql`n.doc_id < ${o.before}`);
    if (open) conds.push(sql`n.doc_id < ${periodStartDoc(hiM + 1)}`);
    if (open && o.periodRange) conds.push(sql`n.doc_id >= ${periodStartDoc(oldest)}`);
    const need = o.limit - found.length;
    // Materialized: the match set comes from GIN (a bitmap over this window), then the small set is ordered.
    const r = await sql<{ doc_id: string | number; t0: boolean; t1: boolean }>`with m as materialized (
        select n.doc_id, n.title_tsv @@ ${o.all}::tsquery as t0, n.title_tsv @@ ${o.any}::tsquery as t1
        from ${pgFrom(o.wide)} where ${sql.join(conds, sql` and `)})
      select doc_id, t0, t1 from m order by doc_id desc limit ${need}`.execute(q);
    for (const row of r.rows) found.push({ docId: Number(row.doc_id), tier: row.t0 ? 0 : row.t1 ? 1 : 2 });
    // Next window: older periods, sized for what is still missing at the density of what was seen (×8 when none).
    const missing = o.limit - found.length;
    perPeriod = found.length / (top - loM + 1);
    span = perPeriod > 0 ? Math.max(1, Math.ceil((missing / perPeriod) * 1.5)) : span * 8;
    hiM = open ? oldest - 1 : loM - 1;
  }
  return found;
}
