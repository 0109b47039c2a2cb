/**
 * Online backup: every table read inside ONE read transaction (a snapshot, while the server keeps writing),
 * plus every attachment blob the snapshot references, in a tar.gz that any engine can restore.
 *
 * Archive layout (format "gongkai-backup/1"):
 *   manifest.json          format id, time, engine, migrations applied, per table: columns, rows, sha256
 *   tables/<name>.jsonl    one JSON object per row, keys in schema order, rows in primary-key byte order
 *   blobs/<sha256>         attachment bytes (content-addressed, immutable: copying after the snapshot is safe)
 * The table files are canonical (same data ⇒ same bytes on SQLite and PostgreSQL), so a restore can prove
 * it reproduced the data by re-reading it and comparing checksums.
 */
import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import * as tar from 'tar';
import type { BlobStore } from '../domain/ports.js';
import type { Db, Engine } from './db.js';
import { migrations } from './migrations/index.js';
import { schema, TABLES, type Database, type TableName } from './schema.js';

export const BACKUP_FORMAT = 'gongkai-backup/1';

export interface TableEntry {
  name: string;
  columns: string[];
  primaryKey: string;
  /** Self-referencing columns: restored as NULL first and set once every row of the table exists. */
  deferred: string[];
  /** Columns sealed with the encryption key (named *_enc or *_sealed): unreadable without the same key. */
  sealed: string[];
  rows: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  engine: Engine;
  migrations: string[];
  /** Identifies the encryption key without revealing it, so a restore can tell whether the same key is in place. */
  keyFingerprint: string | null;
  /** Listed parents first: restoring in this order satisfies every foreign key. */
  tables: TableEntry[];
  blobs: { count: number; bytes: number; missing: string[] };
}

/** A refusal or failure with a Chinese message for the operator; nothing was changed when it is thrown. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

// Typed over every table, so a new table in schema.ts does not compile until its backup key is declared.
const PRIMARY_KEY: { [T in TableName]: keyof Database[T] & string } = {
  units: 'id', unit_guides: 'unit_id', accounts: 'id', role_assignments: 'id', sessions: 'id', audit_log: 'seq', attachments: 'id',
  applications: 'id', application_events: 'id', calendar_overrides: 'id', mail_outbox: 'id',
  publication_columns: 'id', publication_items: 'id', publication_events: 'id', publication_links: 'id',
  publication_attachment_texts: 'attachment_id', publication_index_counters: 'id', publication_settings: 'unit_id', publication_codes: 'id',
  wording_entries: 'id', personal_data_settings: 'id', offline_publications: 'id',
  item_views: 'id', search_items: 'doc_id',
  review_cases: 'id', report_manual_entries: 'id',
  annual_reports: 'id', annual_report_events: 'id', report_deadlines: 'id',
  report_imports: 'id',
};
const SELF_REFERENCES: { [T in TableName]?: (keyof Database[T] & string)[] } = { units: ['parent_id'] };
const SEALED_COLUMN = /_(enc|sealed)$/;

export const PAGE_ROWS = 2000;

export function keyFingerprint(key: Buffer | null): string | null {
  return key && key.length ? createHmac('sha256', key).update('gongkai backup key fingerprint').digest('hex').slice(0, 16) : null;
}

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/**
 * Yields a table's canonical JSONL in pages, by keyset pagination on the primary key. Text keys are compared
 * bytewise on both engines (PostgreSQL "C" collation = SQLite BINARY), so the order does not depend on the locale.
 */
export async function* tableLines(
  q: Kysely<any>, engine: Engine, t: Pick<TableEntry, 'name' | 'columns' | 'primaryKey'>, textKey: boolean,
): AsyncGenerator<{ chunk: string; rows: Record<string, unknown>[] }> {
  const key = textKey && engine === 'postgres' ? sql`${sql.ref(t.primaryKey)} collate "C"` : sql.ref(t.primaryKey);
  let last: unknown;
  for (;;) {
    let qb = q.selectFrom(t.name).select(t.columns.map((c) => sql.ref(c).as(c)));
    if (last !== undefined) qb = qb.where(key, '>', last);
    const rows = (await qb.orderBy(key).limit(PAGE_ROWS).execute()) as Record<string, unknown>[];
    if (rows.length === 0) return;
    const canonical = rows.map((r) => Object.fromEntries(t.columns.map((c) => [c, r[c] ?? null])));
    yield { chunk: canonical.map((r) => JSON.stringify(r) + '\n').join(''), rows: canonical };
    if (rows.length < PAGE_ROWS) return;
    last = (rows[rows.length - 1] as Record<string, unknown>)[t.primaryKey];
  }
}

export function isTextKey(table: string, column: string): boolean {
  const cols = (schema as Record<string, Record<string, { kind: string }>>)[table];
  return cols?.[column]?.kind !== 'integer';
}

/** Migration names recorded by Kysely, oldest first; [] when the database was never migrated. */
export async function appliedMigrations(q: Kysely<any>): Promise<string[]> {
  const tables = await q.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const rows = await q.selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((r) => String(r.name));
}

export const knownMigrations = () => Object.keys(migrations).sort();

export interface BackupOptions {
  db: Db;
  blobs: BlobStore;
  file: string;
  secretKey: Buffer | null;
  overwrite?: boolean;
  now?: () => Date;
  /** Awaited after each table is read, still inside the snapshot (progress output; tests write meanwhile). */
  onTable?: (name: string, rows: number) => void | Promise<void>;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

export async function createBackup(o: BackupOptions): Promise<BackupResult> {
  const file = path.resolve(o.file);
  if (fs.existsSync(file) && !o.overwrite) throw new BackupError(`文件 ${file} 已存在。请换一个文件名，或加 --force 覆盖。`);
  if (!fs.existsSync(path.dirname(file))) throw new BackupError(`目录 ${path.dirname(file)} 不存在。`);
  const staging = fs.mkdtempSync(path.join(path.dirname(file), '.gongkai-backup-'));
  const tmp = `${file}.tmp`;
  try {
    fs.mkdirSync(path.join(staging, 'tables'));
    fs.mkdirSync(path.join(staging, 'blobs'));
    const { tables, migrationNames, referenced } = await dumpSnapshot(o, staging);
    const blobs = await copyBlobs(o.blobs, referenced, path.join(staging, 'blobs'));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT, createdAt: (o.now?.() ?? new Date()).toISOString(), engine: o.db.engine,
      migrations: migrationNames, keyFingerprint: keyFingerprint(o.secretKey), tables, blobs,
    };
    fs.writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    // manifest.json first, so a reader can tell a Gongkai backup from anything else before unpacking the rest.
    await tar.c({ gzip: true, file: tmp, cwd: staging, portable: true }, ['manifest.json', 'tables', 'blobs']);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    fsyncDir(path.dirname(file));
    return { file, bytes: fs.statSync(file).size, manifest };
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

async function dumpSnapshot(o: BackupOptions, staging: string) {
  const { db } = o;
  let tx = db.kysely.transaction();
  // REPEATABLE READ: every query in the transaction sees the snapshot taken at its first query. SQLite in WAL
  // mode gives the same guarantee to a read transaction on its own connection (the server has its own).
  if (db.engine === 'postgres') tx = tx.setIsolationLevel('repeatable read').setAccessMode('read only');
  return tx.execute(async (trx) => {
    const q = trx as unknown as Kysely<any>;
    const migrationNames = await appliedMigrations(q);
    const known = knownMigrations();
    if (migrationNames.length === 0) throw new BackupError('数据库尚未初始化（没有执行过迁移），没有可备份的数据。');
    const unknown = migrationNames.filter((m) => !known.includes(m));
    if (unknown.length) throw new BackupError(`数据库由更新版本的 Gongkai 创建（未知迁移：${unknown.join(', ')}），请用该版本备份。`);
    if (migrationNames.length < known.length) throw new BackupError('数据库有未执行的迁移，请先运行 `gongkai migrate`（或启动一次服务）再备份。');

    const tables: TableEntry[] = [];
    const referenced = new Set<string>();
    for (const name of TABLES) {
      const columns = Object.keys(schema[name]);
      const entry = { name, columns, primaryKey: PRIMARY_KEY[name], deferred: [...(SELF_REFERENCES[name] ?? [])], sealed: columns.filter((c) => SEALED_COLUMN.test(c)) };
      const hash = createHash('sha256');
      const fh = await fs.promises.open(path.join(staging, 'tables', `${name}.jsonl`), 'w');
      let rows = 0;
      try {
        for await (const page of tableLines(q, db.engine, entry, isTextKey(name, entry.primaryKey))) {
          hash.update(page.chunk);
          await fh.write(page.chunk);
          rows += page.rows.length;
          if (name === 'attachments') for (const r of page.rows) referenced.add(String(r.sha256));
        }
      } finally {
        await fh.close();
      }
      tables.push({ ...entry, rows, sha256: hash.digest('hex') });
      await o.onTable?.(name, rows);
    }
    return { tables, migrationNames, referenced };
  });
}

/** Copies each referenced blob, checking its content; a lost or damaged blob is reported, not silently skipped. */
async function copyBlobs(store: BlobStore, wanted: Set<string>, dir: string): Promise<BackupManifest['blobs']> {
  let count = 0;
  let bytes = 0;
  const missing: string[] = [];
  for (const h of [...wanted].sort()) {
    const data = await store.get(h);
    if (!data || sha256Hex(data) !== h) {
      missing.push(h);
      continue;
    }
    await fs.promises.writeFile(path.join(dir, h), data);
    count++;
    bytes += data.length;
  }
  return { count, bytes, missing };
}

export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
