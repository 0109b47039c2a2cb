/**
 * Backup and restore on both engines: a restore reproduces every row and every attachment byte, the audit chain
 * verifies afterwards, a backup taken while the server writes is one consistent snapshot, and a bad archive or
 * a non-empty target is refused without changing anything.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/cli/common.js';
import { createAccount } from '../../src/domain/accounts/manage-accounts.js';
import { verifyAuditChain } from '../../src/domain/audit/audit-queries.js';
import { createUnit } from '../../src/domain/units/create-unit.js';
import { fsBlobStore } from '../../src/infra/blob-store.js';
import { openRuntime } from '../../src/main.js';
import { BackupError, createBackup } from '../../src/storage/backup.js';
import { openDb, type Db } from '../../src/storage/db.js';
import { restoreBackup, type RestoreResult } from '../../src/storage/restore.js';
import { TABLES } from '../../src/storage/schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { freshDatabase, testEngines, type EngineName, type TestDatabase } from '../support/engines.js';

const ENGINES = await testEngines();
const actor = cliActor('test');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-backup-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every table as rows sorted by their JSON text: engine-independent, so two databases compare with toEqual. */
async function dumpAll(db: Db): Promise<Record<string, Record<string, unknown>[]>> {
  const q = db.kysely as unknown as Kysely<any>;
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const t of TABLES) {
    const rows = (await q.selectFrom(t).selectAll().execute()) as Record<string, unknown>[];
    out[t] = rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return out;
}

async function restoreInto(engine: EngineName, file: string): Promise<{ target: TestDatabase; db: Db; result: RestoreResult }> {
  const target = await freshDatabase(engine);
  const db = openDb({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
  try {
    const result = await restoreBackup({ db, blobs: fsBlobStore(path.join(target.dataDir, 'blobs')), file, workDir: target.dataDir, secretKey: Buffer.from('a'.repeat(64), 'hex') });
    return { target, db, result };
  } catch (e) {
    await db.close();
    await target.drop();
    throw e;
  }
}

async function tableNames(db: Db): Promise<string[]> {
  return (await db.kysely.introspection.getTables()).map((t) => t.name);
}

/** Unpacks an archive, lets `edit` change files, and packs it again: what a careless or malicious edit looks like. */
async function repack(file: string, out: string, edit: (dir: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(tmp, 'repack-'));
  await tar.x({ file, cwd: dir });
  edit(dir);
  await tar.c({ gzip: true, file: out, cwd: dir, portable: true }, ['manifest.json', 'tables', 'blobs']);
}

describe.each(ENGINES)('backup and restore on %s', (engine) => {
  let t: TestApp;
  let file: string;
  let blobBytes: Buffer[];
  beforeAll(async () => {
    t = await buildTestApp(engine);
    const deps = t.rt.deps;
    const root = await t.unitId('anlan');
    const unit = await createUnit(deps, actor, { parentId: root, name: '安澜市备份测试局', type: 'department', level: 'county', slug: 'bfcs' });
    const { account } = await createAccount(deps, actor, { unitId: unit.id, username: 'beifen', displayName: '备份员', roles: [{ unitId: unit.id, role: 'infoOfficer' }] });
    await deps.store.write((r) => r.accounts.update({ ...account, totpSecretEnc: deps.secrets.seal('JBSWY3DPEHPK3PXP'), totpEnabled: true }));
    blobBytes = [Buffer.from('政府信息公开申请答复书（测试）\n', 'utf8'), randomBytes(300_000)];
    for (const [i, data] of blobBytes.entries()) {
      const { sha256, size } = await deps.blobs.put(data);
      await deps.store.write((r) => r.attachments.insert({
        id: deps.newId(), sha256, filename: `附件${i + 1}.bin`, mime: 'application/octet-stream', size, unitId: unit.id,
        ownerType: 'test', ownerId: unit.id, createdBy: null, createdAt: deps.clock.now(),
      }));
    }
    // More rows than one page (2000), with keys whose order differs between byte order and a locale collation.
    const adminId = (await deps.store.read((r) => r.accounts.getByUsername('admin')))?.id as string;
    const now = deps.clock.now();
    for (let i = 0; i < 5; i++) {
      await t.rt.db.kysely.insertInto('sessions').values(Array.from({ length: 500 }, () => ({
        id: randomBytes(12).toString('base64url'), account_id: adminId, csrf_token: randomBytes(8).toString('hex'),
        created_at: now, last_seen_at: now, expires_at: now, ip: '127.0.0.1', user_agent: null,
      }))).execute();
    }
    file = path.join(tmp, `${engine}-full.tar.gz`);
    await createBackup({ db: t.rt.db, blobs: deps.blobs, file, secretKey: t.rt.config.secretKey });
  });
  afterAll(async () => t?.close());

  it('restores every row and every attachment byte, and the audit chain verifies', async () => {
    const { target, db, result } = await restoreInto(engine, file);
    try {
      expect(await dumpAll(db)).toEqual(await dumpAll(t.rt.db));
      expect(result.rows.attachments).toBe(2);
      const restored = fsBlobStore(path.join(target.dataDir, 'blobs'));
      for (const data of blobBytes) expect((await restored.get((await t.rt.deps.blobs.put(data)).sha256))?.equals(data)).toBe(true);
      // The sealed TOTP secret is reported, and the key in place is recognised as the original one.
      expect(result.encrypted).toEqual({ accounts: 1 });
      expect(result.key).toBe('same');
      expect(result.audit.problems).toEqual([]);
    } finally {
      await db.close();
    }
    const rt = await openRuntime(target.config());
    try {
      const chain = await verifyAuditChain(rt.deps);
      expect(chain.problems).toEqual([]);
      expect(chain.headHash).toBe((await verifyAuditChain(t.rt.deps)).headHash);
    } finally {
      await rt.close();
      await target.drop();
    }
  });

  it.runIf(ENGINES.length === 2)('restores onto the other engine with identical rows', async () => {
    const other: EngineName = engine === 'sqlite' ? 'postgres' : 'sqlite';
    const { target, db, result } = await restoreInto(other, file);
    try {
      expect(await dumpAll(db)).toEqual(await dumpAll(t.rt.db));
      expect(result.audit.problems).toEqual([]);
    } finally {
      await db.close();
      await target.drop();
    }
  });

  it('takes one consistent snapshot while units are being created concurrently', async () => {
    const root = await t.unitId('anlan');
    let created = 0;
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        await createUnit(t.rt.deps, actor, { parentId: root, name: `并发测试单位${i}`, type: 'department', level: 'county', slug: `bf-${i}` });
        created++;
        // better-sqlite3 settles every promise as a microtask: yield, or timers (and the test) would starve.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const waitFor = async (n: number) => {
      while (created < n) await new Promise((r) => setTimeout(r, 5));
    };
    await waitFor(5);
    // A separate connection, as when `gongkai backup` runs beside the server.
    const db = openDb({ dataDir: t.db.dataDir, databaseUrl: t.db.databaseUrl });
    const concurrent = path.join(tmp, `${engine}-concurrent.tar.gz`);
    let createdDuringBackup = 0;
    try {
      await createBackup({
        db, blobs: t.rt.deps.blobs, file: concurrent, secretKey: null,
        // After the units are read, more units and their audit rows commit before audit_log is read.
        onTable: async (name) => {
          if (name !== 'units') return;
          const before = created;
          await waitFor(before + 5);
          createdDuringBackup = created - before;
        },
      });
    } finally {
      stop = true;
      await writer;
      await db.close();
    }
    expect(createdDuringBackup).toBeGreaterThanOrEqual(5);

    const { target, db: restored, result } = await restoreInto(engine, concurrent);
    try {
      expect(result.audit.problems).toEqual([]);
      const q = restored.kysely;
      const unitIds = (await q.selectFrom('units').select('id').execute()).map((r) => r.id).sort();
      const audited = (await q.selectFrom('audit_log').select('entity_id').where('action', '=', 'unit.create').execute()).map((r) => r.entity_id).sort();
      // Same snapshot: exactly the units whose audit rows are there, no audit row without its unit.
      expect(audited).toEqual(unitIds);
      const live = await t.rt.deps.store.read((r) => r.units.list());
      expect(unitIds.length).toBeLessThan(live.length);
      expect(unitIds.some((id) => !live.some((u) => u.id === id))).toBe(false);
    } finally {
      await restored.close();
      await target.drop();
    }
  });

  it('refuses a non-empty target and changes nothing', async () => {
    const before = await dumpAll(t.rt.db);
    const blobs = fsBlobStore(path.join(t.db.dataDir, 'blobs'));
    const attempt = restoreBackup({ db: t.rt.db, blobs, file, workDir: t.db.dataDir, secretKey: null });
    await expect(attempt).rejects.toThrow(BackupError);
    await expect(attempt).rejects.toThrow(/目标数据库不是空的.*未做任何修改/);
    expect(await dumpAll(t.rt.db)).toEqual(before);
  });

  it('refuses a tampered, corrupt or foreign archive and leaves the target untouched', async () => {
    const tampered = path.join(tmp, `${engine}-tampered.tar.gz`);
    await repack(file, tampered, (dir) => {
      const f = path.join(dir, 'tables', 'units.jsonl');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('安澜市备份测试局', '安澜市篡改局'));
    });
    const badBlob = path.join(tmp, `${engine}-bad-blob.tar.gz`);
    await repack(file, badBlob, (dir) => {
      const blobDir = path.join(dir, 'blobs');
      const first = fs.readdirSync(blobDir)[0] as string;
      fs.appendFileSync(path.join(blobDir, first), 'x');
    });
    const truncated = path.join(tmp, `${engine}-truncated.tar.gz`);
    const whole = fs.readFileSync(file);
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const foreign = path.join(tmp, 'notes.txt');
    fs.writeFileSync(foreign, '这不是备份文件\n'.repeat(100));
    const otherTar = path.join(tmp, `${engine}-other.tar.gz`);
    fs.mkdirSync(path.join(tmp, 'other'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'other', 'manifest.json'), JSON.stringify({ format: 'something-else/1' }));
    await tar.c({ gzip: true, file: otherTar, cwd: path.join(tmp, 'other') }, ['manifest.json']);

    const cases: [string, RegExp][] = [
      [tampered, /units\.jsonl 的校验值与清单不符/],
      [badBlob, /附件 blobs\/[0-9a-f]{64} 内容与名称不符/],
      [truncated, /备份文件已损坏/],
      [foreign, /不是 Gongkai 备份文件/],
      [otherTar, /不是 Gongkai 备份文件/],
      [path.join(tmp, 'missing.tar.gz'), /找不到备份文件/],
    ];
    const target = await freshDatabase(engine);
    const db = openDb({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
    try {
      for (const [f, message] of cases) {
        const blobs = fsBlobStore(path.join(target.dataDir, 'blobs'));
        await expect(restoreBackup({ db, blobs, file: f, workDir: target.dataDir, secretKey: null }), f).rejects.toThrow(message);
        // Nothing changed: no tables were created, no blob was copied, no unpacked files were left behind.
        expect(await tableNames(db)).toEqual([]);
        expect(fs.readdirSync(target.dataDir).filter((n) => n !== 'gongkai.sqlite' && !n.startsWith('gongkai.sqlite-'))).toEqual([]);
      }
    } finally {
      await db.close();
      await target.drop();
    }
  });

  it('restores an archive whose audit row was edited, but reports the broken chain', async () => {
    const edited = path.join(tmp, `${engine}-audit-edited.tar.gz`);
    await repack(file, edited, (dir) => {
      const f = path.join(dir, 'tables', 'audit_log.jsonl');
      const text = fs.readFileSync(f, 'utf8').replace('"actor_name":"命令行(init --demo)"', '"actor_name":"某人"');
      fs.writeFileSync(f, text);
      const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      const entry = m.tables.find((x: { name: string }) => x.name === 'audit_log');
      entry.sha256 = createHash('sha256').update(text).digest('hex');
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(m));
    });
    const { target, db, result } = await restoreInto(engine, edited);
    try {
      expect(result.audit.problems.length).toBeGreaterThan(0);
      expect(result.audit.problems[0]).toMatch(/第 1 条记录内容与其哈希不符/);
      expect(Number((await sql<{ n: number }>`select count(*) as n from audit_log`.execute(db.kysely)).rows[0]?.n)).toBe(result.rows.audit_log);
    } finally {
      await db.close();
      await target.drop();
    }
  });
});
