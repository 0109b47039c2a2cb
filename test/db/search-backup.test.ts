/**
 * The full-text index is derived from search_items (FTS5 triggers on SQLite, the search_tsv table filled by trigger
 * on PostgreSQL), so a backup restored into either engine searches exactly like the original.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fsBlobStore } from '../../src/infra/blob-store.js';
import { createBackup } from '../../src/storage/backup.js';
import { migrateToLatest, openDb, type Db } from '../../src/storage/db.js';
import { restoreBackup } from '../../src/storage/restore.js';
import { createStore } from '../../src/storage/store.js';
import { freshDatabase, testEngines, type TestDatabase } from '../support/engines.js';
import { generateItem, prng } from './search-corpus.js';

const ENGINES = await testEngines();
const KEY = Buffer.from('a'.repeat(64), 'hex');
const UNITS = [{ id: 'u-a', name: '安澜市财政局', abbr: '安财' }, { id: 'u-b', name: '安澜市医疗保障局', abbr: '安医保' }];
const rnd = prng(7);
const DOCS = Array.from({ length: 150 }, (_, n) => generateItem(n, UNITS, rnd));
const QUERIES = ['补贴', '医保 缴费标准', '公开', '预算'];

const opened: { db: Db; tdb: TestDatabase }[] = [];
afterAll(async () => {
  for (const o of opened) {
    await o.db.close();
    await o.tdb.drop();
  }
});

async function open(engine: (typeof ENGINES)[number]) {
  const tdb = await freshDatabase(engine);
  const db = openDb({ dataDir: tdb.dataDir, databaseUrl: tdb.databaseUrl });
  opened.push({ db, tdb });
  return { tdb, db };
}

const results = (db: Db) => Promise.all(QUERIES.map((text) =>
  createStore(db).read((r) => r.searchIndex.search({ text, offset: 0, limit: 50 })).then((r) => ({ total: r.total, ids: r.hits.map((h) => h.itemId) }))));

describe.each(ENGINES)('a backup taken on %s', (from) => {
  it.each(ENGINES)('restored into %s searches like the original', async (to) => {
    const src = await open(from);
    await migrateToLatest(src.db);
    await createStore(src.db).write(async (r) => {
      for (const d of DOCS) await r.searchIndex.upsert(d);
    });
    const before = await results(src.db);
    expect(before.every((r) => r.total > 0)).toBe(true);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gk-search-backup-')), 'b.tar.gz');
    await createBackup({ db: src.db, blobs: fsBlobStore(path.join(src.tdb.dataDir, 'blobs')), file, secretKey: KEY });
    const dst = await open(to);
    await restoreBackup({ db: dst.db, blobs: fsBlobStore(path.join(dst.tdb.dataDir, 'blobs')), file, workDir: dst.tdb.dataDir, secretKey: KEY });
    expect(await results(dst.db)).toEqual(before);
    // And the restored index keeps following changes.
    await createStore(dst.db).write((r) => r.searchIndex.remove(before[0]!.ids[0]!));
    expect((await results(dst.db))[0]!.ids).toEqual(before[0]!.ids.slice(1));
  }, 60_000);
});
