import type { Kysely } from 'kysely';

// Page views of published items per day (浏览次数), counted in memory by the portal and added here in batches
// (src/http/portal/view-counter.ts). Nothing about the visitor is stored: no address, no cookie, no agent.
// One row per item and civil day (Beijing time); `id` is "<item_id>:<day>" so backup's single-column key and an
// ON CONFLICT upsert both work on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('item_views')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_views_item_idx').on('item_views').columns(['item_id', 'day']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('item_views').execute();
}
