/**
 * The search index on both engines (table search_items, migration 0006-search-index).
 *
 * Ranking is ours and identical on SQLite and PostgreSQL (FTS5 bm25 and ts_rank differ): every matching item
 * contains every query word somewhere (title, summary, body or attachment text), and results come in tiers —
 *   0: all words in the title, 1: some words in the title, 2: words only in the text —
 * then newest first (doc_id = day of 发布日期 × 10^7 + serial). Each tier is fetched in doc_id order with a LIMIT,
 * which both engines can answer without sorting the whole match set (FTS5 walks its doclists backwards by rowid;
 * PostgreSQL asks GIN for the words within the newest periods of 发布日期 first, see search-pg.ts), and the total is
 * counted exactly only up to COUNT_CAP.
 */
import { type Kysely, sql, type RawBuilder, type Transaction } from 'kysely';
import type { SearchDocument, SearchHit, SearchIndexRepository, SearchQuery, SearchResult } from '../domain/search/search-document.js';
import { docNumberKey, excerpt, highlight } from '../domain/search/highlight.js';
import { COUNT_CAP, MAX_QUERY_TERMS } from '../domain/search/search-params.js';
import { textAnalyzer, type TextAnalyzer } from '../infra/segmenter.js';
import type { Database, Row } from './schema.js';
import { DAY_SLOT, pgFrom, pgNewest, type PgMatch, tsLexeme } from './search-pg.js';

type Q = Kysely<Database> | Transaction<Database>;
type Engine = 'sqlite' | 'postgres';

/** Excerpts are cut from at most this much text per item (the full text is still indexed). */
const EXCERPT_SOURCE_CHARS = 20_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' civil date (calendar arithmetic, no time zone involved). */
export function epochDay(civilDate: string): number {
  const [y, m, d] = civilDate.split('-').map(Number);
  return Math.round(Date.UTC(y!, m! - 1, d!) / 86_400_000);
}

/** The search_items row of a document, without doc_id. Exported for the benchmark's bulk load. */
export function searchRow(doc: SearchDocument, a: TextAnalyzer = textAnalyzer()): Omit<Row<'search_items'>, 'doc_id'> {
  const titleTokens = a.indexTokens(doc.title);
  const textTokens = [doc.summary, doc.bodyText, doc.attachmentText, doc.docNumber ?? ''].flatMap((t) => a.indexTokens(t));
  textTokens.push(unitFacet(doc.unitId));
  const plain = [doc.summary, doc.bodyText, doc.attachmentText].map((t) => t.trim()).filter(Boolean).join('\n');
  return {
    item_id: doc.itemId,
    unit_id: doc.unitId,
    column_id: doc.columnId,
    column_code: doc.columnCode ?? null,
    title: doc.title,
    index_number: doc.indexNumber,
    doc_number: doc.docNumber,
    doc_number_key: doc.docNumber ? docNumberKey(doc.docNumber) : null,
    subject: doc.subject,
    genre: doc.genre,
    validity: doc.validity,
    published_on: doc.publishedOn,
    created_on: doc.createdOn,
    excerpt_source: plain.slice(0, EXCERPT_SOURCE_CHARS),
    title_seg: titleTokens.join(' '),
    text_seg: textTokens.join(' '),
  };
}

/**
 * A token standing for the item's unit, appended to the indexed text, so that FTS5 can intersect "these words" with
 * "these units" inside its index instead of checking each match against the table (a unit holds well under 1% of a
 * large site's items). The unit_id condition stays as well, so results are exact either way. The prefix keeps it
 * apart from real words (the analyzer never yields an ASCII-only token this long starting with "zzunit").
 */
export const unitFacet = (unitId: string): string => `zzunit${unitId.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
/** Unit restrictions longer than this are left to the unit_id condition (the facet would not narrow much). */
const MAX_FACET_UNITS = 64;

const ftsPhrase = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** SQLite: the FTS5 match condition of each tier. One word has no "some in title" tier. (PostgreSQL: search-pg.ts.) */
function tierConditions(terms: string[], facet: string | null): RawBuilder<unknown>[] {
  const all = terms.map(ftsPhrase).join(' AND ');
  const any = terms.map(ftsPhrase).join(' OR ');
  const m = (expr: string) => sql`search_fts MATCH ${facet ? `(${expr}) AND ${facet}` : expr}`;
  const tiers = [m(`title_seg : (${all})`)];
  if (terms.length > 1) tiers.push(m(`((${all}) AND (title_seg : (${any}))) NOT (title_seg : (${all}))`));
  tiers.push(m(`(${all}) NOT (title_seg : (${any}))`));
  return tiers;
}

function allCondition(terms: string[], facet: string | null): RawBuilder<unknown> {
  const all = terms.map(ftsPhrase).join(' AND ');
  return sql`search_fts MATCH ${facet ? `(${all}) AND ${facet}` : all}`;
}

/** SQLite: the unit restriction as an FTS5 expression over the unit facet tokens, when it narrows the search. */
function facetExpression(engine: Engine, q: SearchQuery): string | null {
  if (engine !== 'sqlite' || !q.unitIds?.length || q.unitIds.length > MAX_FACET_UNITS) return null;
  return `text_seg : (${q.unitIds.map((u) => ftsPhrase(unitFacet(u))).join(' OR ')})`;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface Filters {
  /** Conditions the SQLite FTS5 table answers itself (rowid ranges). */
  fts: RawBuilder<unknown>[];
  /** Conditions on search_items (alias s; unit and year on alias n for the PostgreSQL search_tsv). */
  table: RawBuilder<unknown>[];
  /** Whether a condition needs search_items columns other than doc_id and unit_id. */
  wide: boolean;
}

/**
 * Filter conditions; a doc_id range stands for the year (doc_id follows 发布日期). `narrow`: unit and year are asked
 * of the PostgreSQL table search_tsv (alias n), the other filters of search_items (alias s).
 */
function filterConditions(q: SearchQuery, ftsDriven: boolean, narrow = false): Filters {
  const c: RawBuilder<unknown>[] = [];
  const fts: RawBuilder<unknown>[] = [];
  const n = narrow ? 'n' : 's';
  if (q.unitIds) c.push(q.unitIds.length ? sql`${sql.ref(`${n}.unit_id`)} in (${sql.join(q.unitIds)})` : sql`1 = 0`);
  const wide = !!(q.columnId || q.columnCode || q.subject || q.genre || q.validity || q.docNumber);
  if (q.columnId) c.push(sql`s.column_id = ${q.columnId}`);
  if (q.columnCode) c.push(sql`s.column_code = ${q.columnCode}`);
  if (q.subject) c.push(sql`(s.subject = ${q.subject} or s.subject like ${`${likeEscape(q.subject)}\\\\%`} escape '\\')`);
  if (q.genre) c.push(sql`s.genre = ${q.genre}`);
  if (q.validity) c.push(sql`s.validity = ${q.validity}`);
  if (q.docNumber) c.push(sql`s.doc_number_key like ${`%${likeEscape(docNumberKey(q.docNumber))}%`} escape '\\'`);
  if (q.year) {
    const [list, key] = ftsDriven ? [fts, sql`search_fts.rowid`] : [c, sql.ref(`${n}.doc_id`)];
    list.push(sql`${key} >= ${epochDay(`${q.year}-01-01`) * DAY_SLOT}`);
    list.push(sql`${key} < ${epochDay(`${q.year + 1}-01-01`) * DAY_SLOT}`);
  }
  return { fts, table: c, wide };
}

export function searchIndexRepository(q: Q, engine: Engine): SearchIndexRepository {
  /** FROM and WHERE of a match with filters. SQLite: the FTS5 table drives; search_items is joined only if needed. */
  function source(match: RawBuilder<unknown> | null, f: Filters): { from: RawBuilder<unknown>; key: RawBuilder<unknown> } {
    const conds = [...(match ? [match] : []), ...f.fts, ...f.table];
    const where = conds.length ? sql.join(conds, sql` and `) : sql`1 = 1`;
    if (engine === 'sqlite' && match) {
      const from = f.table.length ? sql`search_fts join search_items s on s.doc_id = search_fts.rowid` : sql`search_fts`;
      return { from: sql`${from} where ${where}`, key: sql`search_fts.rowid` };
    }
    return { from: sql`search_items s where ${where}`, key: sql`s.doc_id` };
  }

  /** doc ids of the rows matching `match` and the filters, newest first. */
  async function ids(match: RawBuilder<unknown> | null, f: Filters, limit: number): Promise<number[]> {
    const { from, key } = source(match, f);
    const r = await sql<{ doc_id: number }>`select ${key} as doc_id from ${from} order by ${key} desc limit ${limit}`.execute(q);
    return r.rows.map((row) => Number(row.doc_id));
  }

  /** How many rows match, counted up to COUNT_CAP + 1. */
  async function count(match: RawBuilder<unknown> | null, f: Filters): Promise<number> {
    const { from } = source(match, f);
    const r = await sql<{ n: number | string }>`select count(*) as n from (select 1 from ${from} limit ${COUNT_CAP + 1}) x`.execute(q);
    return Number(r.rows[0]?.n ?? 0);
  }

  return {
    async upsert(doc) {
      let row = searchRow(doc);
      // The column code (filter across units) from the catalogue when the caller did not give it.
      if (!row.column_code && doc.columnId) {
        const c = await q.selectFrom('publication_columns').select('code').where('id', '=', doc.columnId).executeTakeFirst();
        row = { ...row, column_code: c?.code ?? null };
      }
      const existing = await q.selectFrom('search_items').select(['doc_id', 'published_on']).where('item_id', '=', doc.itemId).executeTakeFirst();
      if (existing && existing.published_on === doc.publishedOn) {
        await q.updateTable('search_items').set(row).where('doc_id', '=', existing.doc_id).execute();
        return;
      }
      if (existing) await q.deleteFrom('search_items').where('doc_id', '=', existing.doc_id).execute();
      // Serial within the day: serialise allocators. SQLite write transactions already are; on PostgreSQL this is
      // the audit chain's transaction lock (7263001), which every publishing transaction takes anyway, so no new
      // lock ordering (and no deadlock) is introduced.
      if (engine === 'postgres') await sql`select pg_advisory_xact_lock(7263001)`.execute(q);
      const base = epochDay(doc.publishedOn) * DAY_SLOT;
      const last = await q.selectFrom('search_items').select(sql<number | string | null>`max(doc_id)`.as('m'))
        .where('doc_id', '>=', base).where('doc_id', '<', base + DAY_SLOT).executeTakeFirst();
      const docId = last?.m != null ? Number(last.m) + 1 : base + 1;
      await q.insertInto('search_items').values({ doc_id: docId, ...row }).execute();
    },

    async remove(itemId) {
      await q.deleteFrom('search_items').where('item_id', '=', itemId).execute();
    },

    async search(query): Promise<SearchResult> {
      // PostgreSQL: JIT compilation (for plans over jit_above_cost, e.g. a GIN read of a common word) costs tens of
      // milliseconds and saves nothing on queries this short: off for the search's own transaction.
      if (engine === 'postgres') {
        if (!q.isTransaction) return q.transaction().execute((trx) => searchIndexRepository(trx, engine).search(query));
        await sql`set local jit = off`.execute(q);
      }
      const a = textAnalyzer();
      const terms = a.queryTerms(query.text).slice(0, MAX_QUERY_TERMS);
      if (terms.length === 0 && !query.docNumber) return { total: 0, totalCapped: false, hits: [], terms };
      // SQLite with words: the year is a rowid range the FTS5 index applies itself.
      // PostgreSQL with words: the narrow table search_tsv drives (search-pg.ts).
      const filters = filterConditions(query, engine === 'sqlite' && terms.length > 0, engine === 'postgres' && terms.length > 0);
      const facet = terms.length ? facetExpression(engine, query) : null;

      // PostgreSQL: the newest COUNT_CAP + 1 matches with their tier in one query (pgProbe), ranked here; beyond
      // that, older rows of a tier only when the page needs them (pgTierWalk).
      if (engine === 'postgres' && terms.length) {
        const m = pgMatch(terms, query);
        const probe = await pgNewest(q, { ...m, where: filters.table, wide: filters.wide, before: null, limit: COUNT_CAP + 1 });
        if (probe.length <= COUNT_CAP) {
          const ranked = [...probe].sort((x, y) => x.tier - y.tier || y.docId - x.docId);
          const page = ranked.slice(query.offset, query.offset + query.limit);
          return { total: probe.length, totalCapped: false, hits: await hitsOf(page, terms, a), terms };
        }
        const page = await pgTierWalk(m, terms, filters, probe, query.offset, query.limit);
        return { total: COUNT_CAP, totalCapped: true, hits: await hitsOf(page, terms, a), terms };
      }

      const tiers = terms.length ? tierConditions(terms, facet) : [null];
      // Walk the tiers in rank order, skipping `offset` rows, until the page is full.
      let skip = query.offset;
      let need = query.limit;
      const page: { docId: number; tier: number }[] = [];
      for (let t = 0; t < tiers.length && need > 0; t++) {
        const found = await ids(tiers[t]!, filters, skip + need);
        if (found.length <= skip) {
          skip -= found.length;
          continue;
        }
        for (const docId of found.slice(skip, skip + need)) page.push({ docId, tier: terms.length ? t + (terms.length === 1 && t > 0 ? 1 : 0) : 2 });
        need -= Math.min(need, found.length - skip);
        skip = 0;
      }
      const counted = await count(terms.length ? allCondition(terms, facet) : null, filters);
      const total = Math.min(counted, COUNT_CAP);
      return { total, totalCapped: counted > COUNT_CAP, hits: await hitsOf(page, terms, a), terms };
    },
  };

  /** PostgreSQL: the words (and unit facets) as the tsquery the GIN index answers, with the tier tests and period range. */
  function pgMatch(terms: string[], query: SearchQuery) {
    const all = terms.map(tsLexeme).join(' & ');
    const any = terms.map(tsLexeme).join(' | ');
    const units = query.unitIds?.length && query.unitIds.length <= MAX_FACET_UNITS ? query.unitIds.map((u) => tsLexeme(unitFacet(u))) : [];
    const match = units.length ? `(${all}) & (${units.join(' | ')})` : all;
    const periodRange: [number, number] | null = query.year ? [query.year * 36, query.year * 36 + 35] : null;
    return { all, any, match, periodRange };
  }

  /**
   * PostgreSQL, step 2 (more than COUNT_CAP matches): the page from each tier in rank order. A tier's rows in the probe
   * are its newest; older ones are read window by window (pgNewest) with the tier's title test, or, for "all words in
   * the title" when rare in the probe, through the title's GIN index and sorted.
   */
  async function pgTierWalk(m: ReturnType<typeof pgMatch>, terms: string[], f: Filters, probe: PgMatch[], offset: number, limit: number) {
    const titleAll = sql`n.title_tsv @@ ${m.all}::tsquery`;
    const titleAny = sql`n.title_tsv @@ ${m.any}::tsquery`;
    const tiers = terms.length > 1
      ? [{ t: 0, where: [titleAll] }, { t: 1, where: [titleAny, sql`not ${titleAll}`] }, { t: 2, where: [sql`not ${titleAny}`] }]
      : [{ t: 0, where: [titleAll] }, { t: 2, where: [sql`not ${titleAll}`] }];
    const oldest = probe[probe.length - 1]!.docId;
    let skip = offset;
    let need = limit;
    const page: PgMatch[] = [];
    for (const { t, where } of tiers) {
      if (need <= 0) break;
      let found = probe.filter((p) => p.tier === t).map((p) => p.docId);
      if (found.length < skip + need) {
        const k = skip + need - found.length;
        if (t === 0 && found.length < 20) {
          const w = sql.join([titleAll, sql`n.doc_id < ${oldest}`, ...f.table], sql` and `);
          const r = await sql<{ doc_id: number }>`with m as materialized (select n.doc_id from ${pgFrom(f.wide)} where ${w})
            select doc_id from m order by doc_id desc limit ${k}`.execute(q);
          found = [...found, ...r.rows.map((row) => Number(row.doc_id))];
        } else {
          const more = await pgNewest(q, { ...m, where: [...where, ...f.table], wide: f.wide, before: oldest, limit: k });
          found = [...found, ...more.map((x) => x.docId)];
        }
      }
      if (found.length <= skip) {
        skip -= found.length;
        continue;
      }
      for (const docId of found.slice(skip, skip + need)) page.push({ docId, tier: t });
      need -= Math.min(need, found.length - skip);
      skip = 0;
    }
    return page;
  }

  async function hitsOf(page: { docId: number; tier: number }[], terms: string[], a: TextAnalyzer): Promise<SearchHit[]> {
    const rows = page.length
      ? await q.selectFrom('search_items')
          .select(['doc_id', 'item_id', 'unit_id', 'column_id', 'title', 'index_number', 'doc_number', 'published_on', 'excerpt_source'])
          .where('doc_id', 'in', page.map((p) => p.docId)).execute()
      : [];
    const byId = new Map(rows.map((r) => [Number(r.doc_id), r]));
    const hits: SearchHit[] = [];
    for (const p of page) {
      const r = byId.get(p.docId);
      if (!r) continue;
      hits.push({
        itemId: r.item_id, unitId: r.unit_id, columnId: r.column_id, title: r.title,
        titleHighlighted: highlight(r.title, terms, a.normalizeChar),
        excerptHighlighted: excerpt(r.excerpt_source, terms, a.normalizeChar),
        indexNumber: r.index_number, docNumber: r.doc_number, publishedOn: r.published_on,
        // 2: every word in the title, 1: some, 0: only in the text.
        score: 2 - p.tier,
      });
    }
    return hits;
  }
}
