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
// - PostgreSQL: a narrow table search_tsv (doc_id, unit_id and the tsvectors, 'simple': one lexeme per word, no
//   stemming) carrying the GIN indexes, kept in step by a trigger on search_items. Why a table of its own: a search
//   reads every matching row of a window of 发布日期 to order and tier it (src/storage/search-pg.ts); from the
//   1.4 KB rows of search_items that was several times the pages of these ~0.6 KB rows. Only the page's 10–20 hits
//   are then read from search_items.
// Both are derived from the stored segmented text (by trigger, on insert), so a backup restored into either engine
// rebuilds its index.
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
    // doc_tsv: the words of title and text, plus one lexeme for the third of the month of 发布日期 ('@2025-06-2':
    // days 20–31), so a search asks GIN for the words within the newest periods first and reads only those rows
    // (src/storage/search-pg.ts repeats the period arithmetic). No foreign key: the trigger is what keeps it in step.
    await sql`CREATE TABLE search_tsv (doc_id bigint PRIMARY KEY, unit_id text NOT NULL, title_tsv tsvector NOT NULL,
      doc_tsv tsvector NOT NULL)`.execute(db);
    await sql`CREATE INDEX search_tsv_title_idx ON search_tsv USING gin (title_tsv)`.execute(db);
    await sql`CREATE INDEX search_tsv_doc_idx ON search_tsv USING gin (doc_tsv)`.execute(db);
    await sql`CREATE FUNCTION search_tsv_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN TRUNCATE search_tsv; RETURN NULL; END IF;
        IF TG_OP <> 'INSERT' THEN DELETE FROM search_tsv WHERE doc_id = OLD.doc_id; END IF;
        IF TG_OP <> 'DELETE' THEN
          INSERT INTO search_tsv (doc_id, unit_id, title_tsv, doc_tsv) VALUES (NEW.doc_id, NEW.unit_id,
            strip(to_tsvector('simple', NEW.title_seg)),
            strip(to_tsvector('simple', NEW.title_seg || ' ' || NEW.text_seg))
              || array_to_tsvector(array['@' || substr(NEW.published_on, 1, 8) || least(substr(NEW.published_on, 9, 2)::int / 10, 2)]));
        END IF;
        RETURN NULL;
      END $$`.execute(db);
    await sql`CREATE TRIGGER search_items_tsv AFTER INSERT OR UPDATE OR DELETE ON search_items
      FOR EACH ROW EXECUTE FUNCTION search_tsv_sync()`.execute(db);
    await sql`CREATE TRIGGER search_items_tsv_truncate AFTER TRUNCATE ON search_items
      FOR EACH STATEMENT EXECUTE FUNCTION search_tsv_sync()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if ((await detectEngine(db)) === 'sqlite') await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
  else await sql`DROP TABLE IF EXISTS search_tsv`.execute(db);
  await db.schema.dropTable('search_items').execute();
  if ((await detectEngine(db)) === 'postgres') await sql`DROP FUNCTION IF EXISTS search_tsv_sync()`.execute(db);
}
