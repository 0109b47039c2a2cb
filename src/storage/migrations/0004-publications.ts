import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { seedColumnsFor } from '../../domain/publications/catalogue-template.js';
import { seedCodes } from '../../domain/publications/code-lists.js';
import type { UnitLevel, UnitType } from '../../domain/glossary.js';

// 主动公开: catalogue columns per unit, information items with their review events and links, the 索引号 counters,
// per-unit workflow settings and the two code lists (主题分类, 体裁分类). Seeds the code lists and every existing
// unit's column tree. SQLite lets a non-INTEGER PRIMARY KEY hold NULL, so key columns say NOT NULL explicitly.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publication_columns')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('parent_id', 'text')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('time_limit_days', 'integer', (c) => c.notNull())
    .addColumn('freshness_days', 'integer')
    .addColumn('template_key', 'text')
    .addColumn('accepts_items', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('publication_columns_code_uq', ['unit_id', 'code'])
    .execute();
  await db.schema.createIndex('publication_columns_template_idx').on('publication_columns').column('template_key').execute();

  await db.schema
    .createTable('publication_items')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('column_id', 'text', (c) => c.notNull().references('publication_columns.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('genre', 'text')
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('disclosure_method', 'text', (c) => c.notNull())
    .addColumn('disclosure_period', 'text', (c) => c.notNull())
    .addColumn('disclosure_scope', 'text', (c) => c.notNull())
    .addColumn('validity', 'text')
    .addColumn('effective_on', 'text')
    .addColumn('validity_changed_on', 'text')
    .addColumn('index_number', 'text', (c) => c.unique())
    .addColumn('published_at', 'text')
    .addColumn('published_on', 'text')
    .addColumn('publish_at', 'text')
    .addColumn('working_days', 'integer')
    .addColumn('time_limit_days', 'integer')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('corrected_at', 'text')
    .addColumn('correction_note', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawal_reason', 'text')
    .addColumn('pending_json', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Portal: a column's (or unit's) published items newest first; sitemap/export scans; the scheduler; admin lists.
  await db.schema.createIndex('publication_items_column_idx').on('publication_items').columns(['column_id', 'status', 'published_at']).execute();
  await db.schema.createIndex('publication_items_unit_idx').on('publication_items').columns(['unit_id', 'status', 'published_at']).execute();
  await db.schema.createIndex('publication_items_admin_idx').on('publication_items').columns(['unit_id', 'status', 'updated_at']).execute();
  await db.schema.createIndex('publication_items_due_idx').on('publication_items').columns(['status', 'publish_at']).execute();
  await db.schema.createIndex('publication_items_month_idx').on('publication_items').columns(['unit_id', 'published_on']).execute();

  await db.schema
    .createTable('publication_events')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('stage', 'integer')
    .addColumn('stage_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('comment', 'text')
    .addColumn('confidentiality_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data_json', 'text')
    .addUniqueConstraint('publication_events_seq_uq', ['item_id', 'seq'])
    .execute();
  await db.schema.createIndex('publication_events_ledger_idx').on('publication_events').columns(['unit_id', 'at']).execute();

  await db.schema
    .createTable('publication_links')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('from_id', 'text', (c) => c.notNull())
    .addColumn('to_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('publication_links_uq', ['from_id', 'to_id', 'kind'])
    .execute();
  await db.schema.createIndex('publication_links_to_idx').on('publication_links').column('to_id').execute();

  await db.schema
    .createTable('publication_attachment_texts')
    .addColumn('attachment_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publication_attachment_texts_item_idx').on('publication_attachment_texts').column('item_id').execute();

  // One row per unit and year; the serial is taken by UPDATE … RETURNING inside the publishing transaction.
  await db.schema
    .createTable('publication_index_counters')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('publication_settings')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('stages_json', 'text', (c) => c.notNull())
    .addColumn('four_eyes', 'integer', (c) => c.notNull())
    .addColumn('index_prefix_source', 'text', (c) => c.notNull())
    .addColumn('index_serial_width', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('publication_codes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addUniqueConstraint('publication_codes_uq', ['list', 'code'])
    .execute();

  const codes = seedCodes().map((c) => ({ id: randomUUID(), list: c.list, code: c.code, name: c.name, parent_code: c.parentCode, sort_order: c.sortOrder, active: 1 }));
  for (let i = 0; i < codes.length; i += 100) await db.insertInto('publication_codes').values(codes.slice(i, i + 100)).execute();

  const now = new Date().toISOString();
  const units = await db.selectFrom('units').select(['id', 'level', 'type']).execute();
  for (const u of units as { id: string; level: UnitLevel; type: UnitType }[]) {
    const ids = new Map<string, string>();
    const rows = seedColumnsFor(u).map((c) => {
      const id = randomUUID();
      ids.set(c.code, id);
      return {
        id, unit_id: u.id, parent_id: c.parentCode ? ids.get(c.parentCode) ?? null : null, code: c.code, name: c.name, description: null,
        sort_order: c.sortOrder, time_limit_days: c.timeLimitDays, freshness_days: c.freshnessDays, template_key: c.code,
        accepts_items: c.acceptsItems ? 1 : 0, created_at: now, updated_at: now,
      };
    });
    if (rows.length) await db.insertInto('publication_columns').values(rows).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'publication_codes', 'publication_settings', 'publication_index_counters', 'publication_attachment_texts', 'publication_links',
    'publication_events', 'publication_items', 'publication_columns',
  ]) await db.schema.dropTable(t).execute();
}
