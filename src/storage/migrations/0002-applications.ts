import type { Kysely } from 'kysely';

// 依申请公开: applications, their event history, and calendar overrides (deployment-wide or per unit).
// SQLite lets a non-INTEGER PRIMARY KEY hold NULL, so key columns say NOT NULL explicitly.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
    .addColumn('query_code_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('applicant_type', 'text', (c) => c.notNull())
    .addColumn('applicant_sealed', 'text', (c) => c.notNull())
    .addColumn('applicant_masked', 'text', (c) => c.notNull())
    .addColumn('applicant_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('document_no', 'text')
    .addColumn('provision_form', 'text', (c) => c.notNull())
    .addColumn('delivery_method', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('receipt_evidence', 'text')
    .addColumn('received_on', 'text')
    .addColumn('correction_requested_on', 'text')
    .addColumn('correction_received_on', 'text')
    .addColumn('reply_due', 'text')
    .addColumn('reply_due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('calendar_version', 'text')
    .addColumn('replied_on', 'text')
    .addColumn('served_on', 'text')
    .addColumn('service_method', 'text')
    .addColumn('handler_id', 'text')
    .addColumn('duplicate_of', 'text')
    .addColumn('transferred_to', 'text')
    .addColumn('transferred_from', 'text')
    .addColumn('reply_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The work queue: a unit's open applications by due date.
  await db.schema.createIndex('applications_queue_idx').on('applications').columns(['unit_id', 'status', 'reply_due']).execute();
  await db.schema.createIndex('applications_received_idx').on('applications').columns(['unit_id', 'received_on']).execute();
  await db.schema.createIndex('applications_applicant_idx').on('applications').columns(['unit_id', 'applicant_key']).execute();

  await db.schema
    .createTable('application_events')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('data_json', 'text')
    .addUniqueConstraint('application_events_seq_uq', ['application_id', 'seq'])
    .execute();

  await db.schema
    .createTable('calendar_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('calendar_overrides_idx').on('calendar_overrides').columns(['unit_id', 'date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['calendar_overrides', 'application_events', 'applications']) await db.schema.dropTable(t).execute();
}
