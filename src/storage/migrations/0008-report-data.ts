import { sql, type Kysely } from 'kysely';

// Annual report data that is not an application or an item (rules.md §4–5): the register of reconsideration
// and litigation cases (table 四) and the figures kept in other systems (table 二: licensing, penalty and
// enforcement decisions, fees), each entry with its source. Plus the indexes the report's GROUP BY queries use.
// SQLite lets a non-INTEGER PRIMARY KEY hold NULL, so key columns say NOT NULL explicitly.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_cases')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('application_id', 'text', (c) => c.references('applications.id'))
    // reconsideration | litigationDirect | litigationAfterReconsideration
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text')
    .addColumn('challenged_notice', 'text')
    // upheld | corrected | other, set together with concluded_on
    .addColumn('outcome', 'text')
    .addColumn('concluded_on', 'text')
    .addColumn('remarks', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_cases_unit_filed_idx').on('review_cases').columns(['unit_id', 'filed_on']).execute();
  await db.schema.createIndex('review_cases_application_idx').on('review_cases').column('application_id').execute();

  await db.schema
    .createTable('report_manual_entries')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // licensing | penalty | enforcement | fees (+ the 2019 format's kinds, see manual-entries.ts)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('source_note', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text')
    .addColumn('entered_by_name', 'text')
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('import_batch', 'text')
    .execute();
  await db.schema.createIndex('report_manual_entries_unit_year_idx').on('report_manual_entries').columns(['unit_id', 'year', 'kind']).execute();

  // Table 三: applications closed in a year by unit (received_on already has (unit_id, received_on)).
  await db.schema.createIndex('applications_replied_idx').on('applications').columns(['unit_id', 'replied_on']).execute();
  // Closing date of a withdrawn application comes from its withdraw event.
  await sql`create index application_events_action_idx on application_events (application_id, action)`.execute(db);
  // Table 二: a unit's 规章 and 行政规范性文件 are the items that carry a validity (有效性); partial, so it stays small.
  await sql`create index publication_items_validity_idx on publication_items (unit_id, published_on) where validity is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists publication_items_validity_idx`.execute(db);
  await sql`drop index if exists application_events_action_idx`.execute(db);
  await sql`drop index if exists applications_replied_idx`.execute(db);
  for (const t of ['report_manual_entries', 'review_cases']) await db.schema.dropTable(t).execute();
}
