import type { Kysely } from 'kysely';

// 历史年报导入 (issue 6 item 4): one row per uploaded report file, kept whatever happens to it (pending review,
// accepted into a unit's history, or discarded), so nothing a user uploaded is lost and another staff member can
// resume a review. The original bytes are in the blob store (an attachments row with owner_type 'reportImport'
// references them, so backups carry them); source_sha256 names them. owner_unit_id is the unit under whose office
// the file was uploaded (who may see it before a target unit is chosen); unit_id is the target, null until chosen.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_imports')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('owner_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('source_sha256', 'text', (c) => c.notNull())
    .addColumn('source_size', 'integer', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('script', 'text', (c) => c.notNull())
    .addColumn('detected_template', 'text', (c) => c.notNull())
    .addColumn('detected_year', 'integer')
    .addColumn('detected_unit_name', 'text')
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('doc_json', 'text')
    .addColumn('read_error', 'text')
    .addColumn('read_json', 'text', (c) => c.notNull())
    .addColumn('findings_json', 'text')
    .addColumn('corrections_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('accepted_report_id', 'text', (c) => c.references('annual_reports.id'))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_by_name', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // The review list: a unit's imports by status, newest first.
  await db.schema.createIndex('report_imports_owner_idx').on('report_imports').columns(['owner_unit_id', 'status', 'uploaded_at']).execute();
  await db.schema.createIndex('report_imports_unit_idx').on('report_imports').columns(['unit_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_imports').execute();
}
