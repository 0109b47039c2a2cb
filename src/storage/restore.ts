/**
 * Restore of a `gongkai backup` archive into an EMPTY database of either engine. Everything is checked before
 * anything changes (format, checksums, row counts, blob hashes, migration versions, empty target); the rows go
 * in inside one transaction that re-reads every table and compares it with the manifest before committing.
 * No audit row is appended: the restored hash chain must be exactly the original one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, Migrator, sql } from 'kysely';
import * as tar from 'tar';
import { chainVerifier } from '../domain/audit/hash-chain.js';
import type { BlobStore } from '../domain/ports.js';
import {
  appliedMigrations, BACKUP_FORMAT, BackupError, isTextKey, keyFingerprint, knownMigrations, sha256Hex, tableLines,
  type BackupManifest, type TableEntry,
} from './backup.js';
import { migrateToLatest, type Db } from './db.js';
import { migrationProvider } from './migrations/index.js';
import { TABLES, type Database } from './schema.js';
import { auditFromRow } from './store.js';

export interface RestoreOptions {
  db: Db;
  blobs: BlobStore;
  file: string;
  /** Where the archive is unpacked for checking (the data directory: the blobs end up there anyway). */
  workDir: string;
  secretKey: Buffer | null;
}

export interface RestoreResult {
  manifest: BackupManifest;
  rows: Record<string, number>;
  blobs: number;
  /** Rows holding values sealed with the encryption key, by table. */
  encrypted: Record<string, number>;
  key: 'same' | 'different' | 'absent' | 'unknown';
  audit: { rows: number; headSeq: number; headHash: string; problems: string[] };
  migrated: string[];
}

const ENTRY = /^(manifest\.json|tables\/?|tables\/[a-z0-9_]+\.jsonl|blobs\/?|blobs\/[0-9a-f]{64})$/;
const bad = (why: string) => new BackupError(`备份文件已损坏或被篡改：${why}。未做任何修改。`);

export async function restoreBackup(o: RestoreOptions): Promise<RestoreResult> {
  const file = path.resolve(o.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`找不到备份文件 ${file}。`);
  const q = o.db.kysely as unknown as Kysely<any>;
  await assertEmpty(q);
  fs.mkdirSync(o.workDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(o.workDir, '.restore-'));
  try {
    const manifest = await unpack(file, dir);
    checkVersion(manifest);
    const blobFiles = checkFiles(manifest, dir);
    await assertEmpty(q);
    const migrator = new Migrator({ db: q, provider: migrationProvider });
    // Rows fit the schema of the version that wrote them: migrate to that version, load, then migrate onwards.
    const to = await migrator.migrateTo(manifest.migrations[manifest.migrations.length - 1] as string);
    if (to.error) throw to.error;
    // Blobs first: content-addressed and immutable, so a failure later leaves at most unreferenced files.
    for (const h of blobFiles) {
      const put = await o.blobs.put(fs.readFileSync(path.join(dir, 'blobs', h)));
      if (put.sha256 !== h) throw bad(`附件 ${h} 内容与名称不符`);
    }
    const { rows, encrypted } = await loadRows(o.db, manifest, dir);
    const migrated = await migrateToLatest(o.db);
    const fp = keyFingerprint(o.secretKey);
    const key = !manifest.keyFingerprint ? 'unknown' : !fp ? 'absent' : fp === manifest.keyFingerprint ? 'same' : 'different';
    return { manifest, rows, blobs: blobFiles.length, encrypted, key, audit: await verifyChain(o.db.kysely), migrated };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Tables that migrations fill with seed data (the 主题/体裁 code lists, the wording dictionary): a fresh database
 * holds those rows, and the archive's rows replace them.
 */
const SEEDED_BY_MIGRATIONS = new Set<string>(['publication_codes', 'wording_entries']);

/** Refuses a target holding any row: a restore reproduces a whole installation, it never merges. */
async function assertEmpty(q: Kysely<any>): Promise<void> {
  const existing = new Set((await q.introspection.getTables()).map((t) => t.name));
  const found: string[] = [];
  for (const t of TABLES) {
    if (!existing.has(t) || SEEDED_BY_MIGRATIONS.has(t)) continue;
    const r = await q.selectFrom(t).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    if (Number(r.n) > 0) found.push(`${t} ${r.n} 行`);
  }
  if (found.length) {
    throw new BackupError(`目标数据库不是空的（${found.join('，')}），未做任何修改。恢复只能在空的数据库上进行：请换一个空的 --data 目录或新建一个 PostgreSQL 数据库。`);
  }
}

async function unpack(file: string, dir: string): Promise<BackupManifest> {
  const unexpected: string[] = [];
  const fd = fs.openSync(file, 'r');
  const magic = Buffer.alloc(2);
  fs.readSync(fd, magic, 0, 2, 0);
  fs.closeSync(fd);
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw new BackupError(`${file} 不是 Gongkai 备份文件（不是 tar.gz 格式），未做任何修改。`);
  try {
    await tar.x({
      file, cwd: dir, strict: true,
      // Only the entries a backup contains, and only plain files and directories: no links, no paths outside.
      filter: (p, e) => {
        const type = 'type' in e ? e.type : e.isDirectory() ? 'Directory' : 'File';
        const ok = ENTRY.test(p) && (type === 'File' || type === 'Directory');
        if (!ok) unexpected.push(p);
        return ok;
      },
    });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ENTRY_INVALID') throw new BackupError(`${file} 不是 Gongkai 备份文件（压缩包内不是 tar 归档），未做任何修改。`);
    throw bad(`无法解压（${code || (e as Error).message}）`);
  }
  const mf = path.join(dir, 'manifest.json');
  if (!fs.existsSync(mf)) throw new BackupError(`${file} 不是 Gongkai 备份文件（缺少 manifest.json），未做任何修改。`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(mf, 'utf8'));
  } catch {
    throw bad('manifest.json 不是有效的 JSON');
  }
  const format = (manifest as { format?: unknown } | null)?.format;
  if (typeof format !== 'string' || !format.startsWith('gongkai-backup/')) throw new BackupError(`${file} 不是 Gongkai 备份文件，未做任何修改。`);
  if (format !== BACKUP_FORMAT) throw new BackupError(`备份格式 ${format} 不受本版本支持（支持 ${BACKUP_FORMAT}），请用更新版本的 Gongkai 恢复。`);
  if (unexpected.length) throw bad(`含有不应出现的条目 ${unexpected.slice(0, 3).join('、')}`);
  if (!Array.isArray(manifest.tables) || !Array.isArray(manifest.migrations) || !manifest.migrations.length || !manifest.blobs) throw bad('manifest.json 内容不完整');
  return manifest;
}

function checkVersion(m: BackupManifest): void {
  const known = knownMigrations();
  const newer = m.migrations.filter((x) => !known.includes(x));
  if (newer.length) throw new BackupError(`备份来自更新版本的 Gongkai（含本版本不认识的数据库迁移 ${newer.join(', ')}），请先升级 Gongkai 再恢复。未做任何修改。`);
  if (m.migrations.some((x, i) => known[i] !== x)) throw bad('迁移记录与本版本不一致');
  const names = m.tables.map((t) => t.name);
  const ident = (x: unknown) => typeof x === 'string' && /^[a-z0-9_]+$/.test(x);
  for (const t of m.tables) {
    const ok = ident(t?.name) && Array.isArray(t.columns) && t.columns.every(ident) && t.columns.includes(t.primaryKey)
      && Array.isArray(t.deferred) && t.deferred.every((c) => t.columns.includes(c)) && Array.isArray(t.sealed) && Number.isInteger(t.rows) && typeof t.sha256 === 'string';
    if (!ok) throw bad(`清单中表 ${String(t?.name)} 的描述有误`);
  }
  if (new Set(names).size !== names.length) throw bad('表重复');
  // A current-version backup must hold every table; an older one may lack tables added since.
  if (m.migrations.length === known.length) {
    const missing = TABLES.filter((t) => !names.includes(t));
    if (missing.length) throw bad(`缺少数据表 ${missing.join('、')}`);
  }
}

/** Every table file matches its checksum and row count; every blob matches its name; referenced blobs are there. */
function checkFiles(m: BackupManifest, dir: string): string[] {
  for (const t of m.tables) {
    const f = path.join(dir, 'tables', `${t.name}.jsonl`);
    if (!fs.existsSync(f)) throw bad(`缺少 tables/${t.name}.jsonl`);
    const data = fs.readFileSync(f);
    if (sha256Hex(data) !== t.sha256) throw bad(`tables/${t.name}.jsonl 的校验值与清单不符`);
    const lines = data.length === 0 ? 0 : data.toString('utf8').split('\n').length - 1;
    if (lines !== t.rows) throw bad(`tables/${t.name}.jsonl 有 ${lines} 行，清单记载 ${t.rows} 行`);
  }
  const blobDir = path.join(dir, 'blobs');
  const blobFiles = fs.existsSync(blobDir) ? fs.readdirSync(blobDir).sort() : [];
  for (const h of blobFiles) if (sha256Hex(fs.readFileSync(path.join(blobDir, h))) !== h) throw bad(`附件 blobs/${h} 内容与名称不符`);
  if (blobFiles.length !== m.blobs.count) throw bad(`附件文件有 ${blobFiles.length} 个，清单记载 ${m.blobs.count} 个`);
  const have = new Set([...blobFiles, ...(m.blobs.missing ?? [])]);
  for (const r of readRows(dir, 'attachments', m)) {
    if (!have.has(String(r.sha256))) throw bad(`缺少附件文件 blobs/${String(r.sha256)}`);
  }
  return blobFiles;
}

function* readRows(dir: string, table: string, m: BackupManifest): Generator<Record<string, unknown>> {
  const t = m.tables.find((x) => x.name === table);
  if (!t) return;
  const text = fs.readFileSync(path.join(dir, 'tables', `${table}.jsonl`), 'utf8');
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
    let row: unknown;
    try {
      row = JSON.parse(text.slice(start, end));
    } catch {
      throw bad(`tables/${table}.jsonl 中有无法解析的行`);
    }
    if (!row || typeof row !== 'object' || Object.keys(row).join(',') !== t.columns.join(',')) throw bad(`tables/${table}.jsonl 中有列不符的行`);
    yield row as Record<string, unknown>;
  }
}

/** One transaction: insert every row, then re-read every table and compare with the manifest before committing. */
async function loadRows(db: Db, m: BackupManifest, dir: string) {
  const rows: Record<string, number> = {};
  const encrypted: Record<string, number> = {};
  await db.kysely.transaction().execute(async (trx) => {
    const q = trx as unknown as Kysely<any>;
    await assertEmpty(q);
    for (const t of m.tables) {
      if (SEEDED_BY_MIGRATIONS.has(t.name)) await q.deleteFrom(t.name).execute();
      const batchSize = Math.max(1, Math.floor(20000 / t.columns.length));
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (batch.length) await q.insertInto(t.name).values(batch).execute();
        batch = [];
      };
      for (const r of readRows(dir, t.name, m)) {
        if (t.sealed.some((c) => r[c] !== null)) encrypted[t.name] = (encrypted[t.name] ?? 0) + 1;
        batch.push(t.deferred.length ? { ...r, ...Object.fromEntries(t.deferred.map((c) => [c, null])) } : r);
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      if (t.deferred.length) await setDeferred(q, t, dir, m);
      rows[t.name] = t.rows;
    }
    for (const t of m.tables) await compareWithManifest(q, db, t);
  });
  return { rows, encrypted };
}

async function setDeferred(q: Kysely<any>, t: TableEntry, dir: string, m: BackupManifest): Promise<void> {
  for (const r of readRows(dir, t.name, m)) {
    const set = Object.fromEntries(t.deferred.filter((c) => r[c] !== null).map((c) => [c, r[c]]));
    if (Object.keys(set).length) await q.updateTable(t.name).set(set).where(t.primaryKey, '=', r[t.primaryKey]).execute();
  }
}

async function compareWithManifest(q: Kysely<any>, db: Db, t: TableEntry): Promise<void> {
  const h = createHash('sha256');
  let n = 0;
  for await (const page of tableLines(q, db.engine, t, isTextKey(t.name, t.primaryKey))) {
    h.update(page.chunk);
    n += page.rows.length;
  }
  if (n !== t.rows || h.digest('hex') !== t.sha256) {
    throw new BackupError(`恢复后的 ${t.name} 表与备份不一致（${n} 行，备份 ${t.rows} 行），已撤销，未做任何修改。`);
  }
}

async function verifyChain(q: Kysely<Database>): Promise<RestoreResult['audit']> {
  const v = chainVerifier();
  let next = 1;
  for (;;) {
    const page = await q.selectFrom('audit_log').selectAll().where('seq', '>=', next).orderBy('seq').limit(5000).execute();
    for (const r of page) v.push(auditFromRow(r));
    if (page.length < 5000) break;
    next = Number(page[page.length - 1]?.seq) + 1;
  }
  const r = v.result();
  return { rows: r.rows, headSeq: r.headSeq, headHash: r.headHash, problems: r.problems.map((p) => p.message) };
}
