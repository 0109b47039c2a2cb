// Search latency with 1,000,000 published items (target: p50 ≤ 10 ms, p99 ≤ 50 ms for one- and two-word queries)
// on SQLite and PostgreSQL. Builds a corpus of generated Chinese items (test/db/search-corpus.ts: titles, bodies,
// 文号 and attachment text from government topics), segmented by the real analyzer (src/infra/segmenter.ts) into
// the real search_items table, builds the full-text index (timed), then times the repository's search (tiers,
// capped count, row fetch and highlighting) for a labelled set of queries, sequentially, one connection.
// Usage: node bench/search.mjs [--items 1000000] [--engine sqlite|postgres|both] [--repeat 30]
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import SQLite from 'better-sqlite3';
import { loadTs, machine, table } from './lib/load-ts.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const ITEMS = Number(arg('items', 1_000_000));
const ENGINE = arg('engine', 'both');
const REPEAT = Number(arg('repeat', 30));
/** Keep the databases afterwards (prints where), to look at query plans or time queries again with --reuse. */
const KEEP = process.argv.includes('--keep');
/** --reuse-sqlite <dataDir> / --reuse-pg <database>: time the queries on a corpus kept by an earlier --keep run. */
const REUSE = { sqlite: arg('reuse-sqlite', null), postgres: arg('reuse-pg', null) };
const UNIT_COUNT = 200;

const { openDb, migrateToLatest } = await loadTs('src/storage/db.ts');
const { createStore } = await loadTs('src/storage/store.ts');
const { searchRow, epochDay } = await loadTs('src/storage/search-repository.ts');
const { generateItem, prng } = await loadTs('test/db/search-corpus.ts');

const UNITS = Array.from({ length: UNIT_COUNT }, (_, i) => ({ id: `unit-${String(i).padStart(3, '0')}`, name: `安澜市第${i + 1}局`, abbr: `安${i + 1}` }));
const COLUMNS = ['item_id', 'unit_id', 'column_id', 'column_code', 'title', 'index_number', 'doc_number', 'doc_number_key', 'subject', 'genre', 'validity', 'published_on', 'created_on', 'excerpt_source', 'title_seg', 'text_seg'];

/** The corpus in batches of rows ready to insert (doc_id assigned as the repository does: day × 10^7 + serial). */
function* corpusBatches(batchSize) {
  const rnd = prng(1_000_003);
  const serial = new Map();
  let batch = [];
  // Ten and a half years of publication, loaded in publication order (as a live site's table grows).
  const first = Date.UTC(2015, 0, 1);
  const days = 3834;
  for (let n = 0; n < ITEMS; n++) {
    const item = generateItem(n, UNITS, rnd, new Date(first + Math.floor((n * days) / ITEMS) * 86_400_000).toISOString().slice(0, 10));
    const day = epochDay(item.publishedOn);
    const s = (serial.get(day) ?? 0) + 1;
    serial.set(day, s);
    batch.push({ doc_id: day * 10_000_000 + s, ...searchRow(item) });
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function loadSqlite(dataDir) {
  const db = openDb({ dataDir });
  await migrateToLatest(db);
  await db.close();
  const raw = new SQLite(path.join(dataDir, 'gongkai.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  // Bulk load: fill the table without the per-row triggers, then build the FTS5 index in one pass.
  const triggers = raw.prepare("select sql from sqlite_master where type = 'trigger' and tbl_name = 'search_items'").all().map((r) => r.sql);
  for (const t of ['search_items_ai', 'search_items_ad', 'search_items_au']) raw.exec(`drop trigger ${t}`);
  const ins = raw.prepare(`insert into search_items (doc_id, ${COLUMNS.join(', ')}) values (@doc_id, ${COLUMNS.map((c) => '@' + c).join(', ')})`);
  const t0 = performance.now();
  for (const batch of corpusBatches(10_000)) raw.transaction((rows) => { for (const r of rows) ins.run(r); })(batch);
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  raw.exec("insert into search_fts(search_fts) values ('rebuild')");
  raw.exec("insert into search_fts(search_fts) values ('optimize')");
  const indexMs = performance.now() - t1;
  for (const t of triggers) raw.exec(t);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  const bytes = fs.statSync(path.join(dataDir, 'gongkai.sqlite')).size;
  return { db: openDb({ dataDir }), loadMs, indexMs, bytes };
}

async function loadPostgres(dataDir) {
  const name = `gk_bench_search_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${name}`;
  const db = openDb({ dataDir, databaseUrl });
  await migrateToLatest(db);
  await db.close();
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  // Bulk load: the trigger fills the narrow table search_tsv row by row, without its GIN indexes, which are then
  // built in one pass each (timed as index build).
  await c.query('drop index search_tsv_title_idx; drop index search_tsv_doc_idx');
  const t0 = performance.now();
  for (const batch of corpusBatches(1000)) {
    const values = [];
    const params = [];
    const cols = ['doc_id', ...COLUMNS];
    for (const r of batch) {
      values.push(`(${cols.map((col) => { params.push(r[col]); return `$${params.length}`; }).join(',')})`);
    }
    await c.query(`insert into search_items (${cols.join(',')}) values ${values.join(',')}`, params);
  }
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  await c.query("set maintenance_work_mem = '512MB'");
  await c.query('CREATE INDEX search_tsv_title_idx ON search_tsv USING gin (title_tsv)');
  await c.query('CREATE INDEX search_tsv_doc_idx ON search_tsv USING gin (doc_tsv)');
  await c.query('vacuum analyze search_items');
  await c.query('vacuum analyze search_tsv');
  const indexMs = performance.now() - t1;
  const bytes = Number((await c.query(`select pg_database_size('${name}') as b`)).rows[0].b);
  await c.end();
  return { db: openDb({ dataDir, databaseUrl }), name, loadMs, indexMs, bytes, drop: async () => {
    const a = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  } };
}

const QUERY_SETS = [
  { kind: '1 word, common', queries: ['补贴', '公开', '招标', '预算', '医保', '就业'].map((text) => ({ text })) },
  { kind: '1 word, rarer', queries: ['一卡通', '监理', '随迁', '决算', '脱贫攻坚', '放管服'].map((text) => ({ text })) },
  { kind: '2 words, same topic', queries: ['补贴 发放', '医保 缴费', '预算 绩效', '义务教育 招生', '乡村振兴 产业', '招标 监理'].map((text) => ({ text })) },
  { kind: '2 words, across topics', queries: ['医保 招标', '补贴 义务教育', '预算 就业', '公开 安全生产', '营商环境 补贴', '一卡通 医保'].map((text) => ({ text })) },
  { kind: '1 word + unit', queries: ['补贴', '公开', '医保'].map((text, i) => ({ text, unitIds: [UNITS[i * 7].id] })) },
  { kind: '1 word + year', queries: ['补贴', '招标', '医保'].map((text, i) => ({ text, year: 2018 + i })) },
  { kind: '1 word, page 10', queries: ['补贴', '公开', '医保'].map((text) => ({ text, offset: 90 })) },
];

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function run(engine) {
  const dataDir = REUSE.sqlite && engine === 'sqlite' ? REUSE.sqlite : fs.mkdtempSync(path.join(os.tmpdir(), 'gk-search-'));
  let loaded;
  if (REUSE[engine]) {
    const databaseUrl = engine === 'postgres' ? `postgres://postgres@127.0.0.1:5432/${REUSE.postgres}` : undefined;
    loaded = { db: openDb({ dataDir, databaseUrl }), name: REUSE.postgres, loadMs: NaN, indexMs: NaN, bytes: NaN };
    if (!KEEP) console.error(`[${engine}] reusing a kept corpus; it is kept again`);
  } else {
    console.error(`[${engine}] loading ${ITEMS.toLocaleString()} items …`);
    loaded = engine === 'sqlite' ? await loadSqlite(dataDir) : await loadPostgres(dataDir);
  }
  console.error(`[${engine}] loaded in ${(loaded.loadMs / 1000).toFixed(0)} s, index ${(loaded.indexMs / 1000).toFixed(0)} s`);
  const store = createStore(loaded.db);
  const rows = [];
  for (const set of QUERY_SETS) {
    const times = [];
    let total = 0;
    // Warm-up: one pass (first use of the segmenter, page cache).
    for (const q of set.queries) await store.read((r) => r.searchIndex.search({ offset: 0, limit: 10, ...q }));
    for (let i = 0; i < REPEAT; i++) {
      for (const q of set.queries) {
        const t = performance.now();
        const res = await store.read((r) => r.searchIndex.search({ offset: 0, limit: 10, ...q }));
        times.push(performance.now() - t);
        total += res.total;
      }
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((s, x) => s + x, 0) / times.length;
    rows.push({
      engine, 'query kind': set.kind, 'p50 ms': pct(times, 50).toFixed(1), 'p95 ms': pct(times, 95).toFixed(1),
      'p99 ms': pct(times, 99).toFixed(1), qps: Math.round(1000 / mean), 'avg matches': Math.round(total / times.length).toLocaleString(),
    });
  }
  await loaded.db.close();
  if (KEEP || REUSE[engine]) console.error(`[${engine}] kept: ${dataDir} ${loaded.name ?? ''}`);
  else {
    await loaded.drop?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { rows, build: { engine, items: ITEMS.toLocaleString(), 'load s': (loaded.loadMs / 1000).toFixed(0), 'index build s': (loaded.indexMs / 1000).toFixed(0), 'size MB': Math.round(loaded.bytes / 1e6) } };
}

const engines = ENGINE === 'both' ? ['sqlite', 'postgres'] : [ENGINE];
const results = [];
for (const e of engines) results.push(await run(e));
console.log(`\nSearch, ${ITEMS.toLocaleString()} items, ${REPEAT} rounds per query, sequential (${JSON.stringify(machine())})\n`);
table(results.map((r) => r.build), ['engine', 'items', 'load s', 'index build s', 'size MB']);
console.log('');
table(results.flatMap((r) => r.rows), ['engine', 'query kind', 'p50 ms', 'p95 ms', 'p99 ms', 'qps', 'avg matches']);
