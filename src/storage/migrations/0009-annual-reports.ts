import type { Kysely } from 'kysely';

// 年度报告 (Art. 49–50): one report per unit and year with its workflow status and the interchange document,
// its history of workflow events, and per-unit deadline settings (Art. 49: townships' deadline is set locally).
// SQLite lets a non-INTEGER PRIMARY KEY hold NULL, so key columns say NOT NULL explicitly.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('annual_reports')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('doc_json', 'text', (c) => c.notNull())
    .addColumn('manual_cells_json', 'text', (c) => c.notNull())
    .addColumn('computed_cells_json', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('return_comment', 'text')
    .addColumn('published_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_unit_year_uq', ['unit_id', 'year'])
    .execute();
  // The roll-up board and the portal ask "every report of this year" and "published reports of this unit".
  await db.schema.createIndex('annual_reports_year_idx').on('annual_reports').columns(['year', 'status']).execute();

  await db.schema
    .createTable('annual_report_events')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('report_id', 'text', (c) => c.notNull().references('annual_reports.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('comment', 'text')
    .addUniqueConstraint('annual_report_events_seq_uq', ['report_id', 'seq'])
    .execute();

  await db.schema
    .createTable('report_deadlines')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('due_month_day', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('report_deadlines_unit_scope_uq', ['unit_id', 'scope'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_deadlines').execute();
  await db.schema.dropTable('annual_report_events').execute();
  await db.schema.dropTable('annual_reports').execute();
}
