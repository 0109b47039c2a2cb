import { type Kysely, sql } from 'kysely';
import { detectEngine } from './0001-initial.js';

// The search index (issue 4 item 7). One row per published item in search_items: the filter fields, the text
// shown in results, and the jieba-segmented title / full text (words separated by spaces, see
// src/infra/segmenter.ts). doc_id is the ranking key: the day of 发布日期 × 10^7 + a serial within that day, so
// "newest first" is the order of doc_id on both engines and the full-text indexes can stop after the first rows.
//
// The full-text index itself is engine-specific (test/db/schema-drift.test.ts lists it):
// - SQLite: an external-content FTS5 table over the segmented columns (unicode61: one token per word, so
//   2-character words like 公开 are found, which trigram cannot do), kept in step by triggers. detail=column:
//   we need column filters (title tier) but no positions; columnsize=0: no bm25, ranking is ours.
// - PostgreSQL: generated tsvector columns ('simple': one lexeme per word, no stemming) with GIN indexes (the
//   full-text one also holds the period of 发布日期, see below).
// Both are derived from the stored segmented text, so a backup restored into either engine rebuilds its index.
export async function up(db: Kysely<any>): Promise<void> {
  const engine = await detectEngine(db);
  await db.schema
    .createTable('search_items')
    // SQLite: INTEGER PRIMARY KEY is the rowid, the FTS5 content_rowid. PostgreSQL: bigint (values exceed 2^31).
    .addColumn('doc_id', engine === 'sqlite' ? 'integer' : 'bigint', (c) => c.primaryKey().notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('column_id', 'text')
    .addColumn('column_code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('index_number', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('doc_number_key', 'text')
    .addColumn('subject', 'text')
    .addColumn('genre', 'text')
    .addColumn('validity', 'text')
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('excerpt_source', 'text', (c) => c.notNull())
    .addColumn('title_seg', 'text', (c) => c.notNull())
    .addColumn('text_seg', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_items_unit_idx').on('search_items').columns(['unit_id', 'doc_id']).execute();

  if (engine === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(title_seg, text_seg, content='search_items', content_rowid='doc_id',
      detail=column, columnsize=0, tokenize='unicode61 remove_diacritics 0')`.execute(db);
    await sql`CREATE TRIGGER search_items_ai AFTER INSERT ON search_items BEGIN
      INSERT INTO search_fts(rowid, title_seg, text_seg) VALUES (new.doc_id, new.title_seg, new.text_seg); END`.execute(db);
    await sql`CREATE TRIGGER search_items_ad AFTER DELETE ON search_items BEGIN
      INSERT INTO search_fts(search_fts, rowid, title_seg, text_seg) VALUES ('delete', old.doc_id, old.title_seg, old.text_seg); END`.execute(db);
    await sql`CREATE TRIGGER search_items_au AFTER UPDATE ON search_items BEGIN
      INSERT INTO search_fts(search_fts, rowid, title_seg, text_seg) VALUES ('delete', old.doc_id, old.title_seg, old.text_seg);
      INSERT INTO search_fts(rowid, title_seg, text_seg) VALUES (new.doc_id, new.title_seg, new.text_seg); END`.execute(db);
  } else {
    // strip(): positions are not needed (no phrase search), and a stripped tsvector is smaller and faster.
    await sql`ALTER TABLE search_items
      ADD COLUMN title_tsv tsvector GENERATED ALWAYS AS (strip(to_tsvector('simple', title_seg))) STORED,
      ADD COLUMN all_tsv tsvector GENERATED ALWAYS AS (strip(to_tsvector('simple', title_seg || ' ' || text_seg))) STORED`.execute(db);
    await sql`CREATE INDEX search_items_title_tsv_idx ON search_items USING gin (title_tsv)`.execute(db);
    // all_tsv plus one lexeme for the third of the month of 发布日期 ('@2025-06-2': days 20–31), so a search asks GIN
    // for the words within the newest periods first and reads only those rows (src/storage/search-pg.ts; the expression is repeated there).
    await sql`CREATE INDEX search_items_all_tsv_idx ON search_items USING gin
      ((all_tsv || array_to_tsvector(array['@' || substr(published_on, 1, 8) || least(substr(published_on, 9, 2)::int / 10, 2)])))`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if ((await detectEngine(db)) === 'sqlite') await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
  await db.schema.dropTable('search_items').execute();
}
