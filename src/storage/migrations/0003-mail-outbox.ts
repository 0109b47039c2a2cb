import type { Kysely } from 'kysely';

// Mail to applicants, written in the same transaction as the change it reports (an outbox) and sent after
// commit by src/infra/outbox-sender.ts. The recipient is personal data: sealed like applicants.applicant_sealed.
// SQLite lets a non-INTEGER PRIMARY KEY hold NULL, so the key column says NOT NULL explicitly.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('application_id', 'text', (c) => c.references('applications.id'))
    .addColumn('to_sealed', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('next_attempt_at', 'text')
    .execute();
  // The sender's question: which queued rows are due now, oldest first.
  await db.schema.createIndex('mail_outbox_due_idx').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('mail_outbox_application_idx').on('mail_outbox').column('application_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_outbox').execute();
}
