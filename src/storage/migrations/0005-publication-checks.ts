import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SEED_DICTIONARY } from '../../domain/publications/checks/seed-dictionary.js';

// Checks before publication (issue 4 item 4) and offline channels (item 10):
// - wording_entries: the editable wording dictionary (platform-wide when unit_id is null), seeded with a starter set;
// - personal_data_settings: per-scope severity of the personal-data rules (defaults live in the domain);
// - offline_publications: information published through other channels (Art. 23–25), counted for the annual report.
// SQLite lets a non-INTEGER PRIMARY KEY hold NULL, so key columns say NOT NULL explicitly.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('wording_entries')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('phrase', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wording_entries_unit_phrase_idx').on('wording_entries').columns(['unit_id', 'phrase']).execute();

  await db.schema
    .createTable('personal_data_settings')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('offline_publications')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('reference', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The register and the yearly counts: a unit's records by date.
  await db.schema.createIndex('offline_publications_unit_date_idx').on('offline_publications').columns(['unit_id', 'published_on']).execute();

  const now = new Date().toISOString();
  const rows = SEED_DICTIONARY.map((e) => ({
    id: randomUUID(), unit_id: null, phrase: e.phrase, kind: e.kind, suggestion: e.suggestion, severity: e.severity, note: e.note,
    active: 1, created_at: now, created_by: null, updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 50) await db.insertInto('wording_entries').values(rows.slice(i, i + 50)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['offline_publications', 'personal_data_settings', 'wording_entries']) await db.schema.dropTable(t).execute();
}
