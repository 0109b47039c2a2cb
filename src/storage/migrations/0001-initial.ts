import { type Kysely, SqliteAdapter, sql } from 'kysely';
// SQLite lets a non-INTEGER PRIMARY KEY hold NULL (a historical quirk), so every key column says NOT NULL explicitly.

// Timestamps are ISO strings (text) on both engines; see src/storage/schema.ts.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('parent_id', 'text', (c) => c.references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('code', 'text')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('office_name', 'text')
    .addColumn('address', 'text')
    .addColumn('office_hours', 'text')
    .addColumn('phone', 'text')
    .addColumn('fax', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('postcode', 'text')
    .addColumn('functions', 'text')
    .addColumn('leaders_json', 'text', (c) => c.notNull())
    .addColumn('internal_bodies_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deactivated_at', 'text')
    .execute();
  await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();
  // A unit code (统一社会信用代码/组织机构代码) identifies one unit; it becomes the 索引号 prefix.
  await db.schema.createIndex('units_code_uq').on('units').column('code').unique().execute();

  await db.schema
    .createTable('unit_guides')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().notNull().references('units.id'))
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('totp_secret_enc', 'text')
    .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_login_at', 'text')
    .addColumn('password_changed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accounts_unit_idx').on('accounts').column('unit_id').execute();

  await db.schema
    .createTable('role_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('role_assignments_uq', ['account_id', 'unit_id', 'role'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_account_idx').on('sessions').column('account_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey().notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('ip', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_unit_idx').on('audit_log').columns(['unit_id', 'seq']).execute();
  await db.schema.createIndex('audit_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_owner_idx').on('attachments').columns(['owner_type', 'owner_id']).execute();

  await appendOnlyGuards(db);
}

/** The audit log is append-only: the database itself refuses UPDATE and DELETE on it. */
async function appendOnlyGuards(db: Kysely<any>): Promise<void> {
  const engine = await detectEngine(db);
  if (engine === 'sqlite') {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  }
}

/** Migrations run inside a transaction, so the engine is read from Kysely's adapter rather than probed with SQL. */
export async function detectEngine(db: Kysely<any>): Promise<'sqlite' | 'postgres'> {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['attachments', 'audit_log', 'sessions', 'role_assignments', 'accounts', 'unit_guides', 'units']) {
    await db.schema.dropTable(t).execute();
  }
  if ((await detectEngine(db)) === 'postgres') await sql`DROP FUNCTION IF EXISTS audit_log_append_only()`.execute(db);
}
