// Work queue latency with 1,000,000 applications across 1,000 units (target: p95 ≤ 50 ms for a unit's
// open-applications page), on SQLite and on PostgreSQL. Seeds the data directly in bulk, then starts the real
// server and times sequential GET /api/v1/applications?unitId=… requests by a logged-in case handler.
// Usage: node bench/work-queue.mjs [--rows 1000000] [--units 1000] [--requests 400] [--engine sqlite|postgres|both]
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadTs, machine, table } from './lib/load-ts.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const ROWS = Number(arg('rows', 1_000_000));
const UNITS = Number(arg('units', 1000));
const REQUESTS = Number(arg('requests', 400));
const ENGINE = arg('engine', 'both');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
if (!fs.existsSync(path.join(root, 'dist/cli.js'))) execFileSync('node', ['scripts/build.mjs', 'server'], { cwd: root, stdio: 'inherit' });

const { openDb, migrateToLatest } = await loadTs('src/storage/db.ts');
const { openRuntime } = await loadTs('src/main.ts');
const { loadConfig } = await loadTs('src/config.ts');
const { createAccount } = await loadTs('src/domain/accounts/manage-accounts.ts');
const { createUnit } = await loadTs('src/domain/units/create-unit.ts');

const KEY = 'b'.repeat(64);
const STATUSES = ['received', 'inProgress', 'consulting', 'replied', 'served', 'archived', 'archived', 'archived', 'served', 'inProgress'];

async function seed(engine) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-queue-'));
  let databaseUrl;
  if (engine === 'postgres') {
    const name = `gk_bench_${randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    databaseUrl = `postgres://postgres@127.0.0.1:5432/${name}`;
  }
  const env = { LOG_LEVEL: 'silent', GONGKAI_SECRET_KEY: KEY, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const config = loadConfig(env, { dataDir });
  const rt = await openRuntime(config);
  const actor = { accountId: null, name: 'bench', unitId: null, roles: [], system: true };
  const t0 = Date.now();
  const root = await createUnit(rt.deps, actor, { name: '基准测试市人民政府', type: 'government', level: 'city', slug: 'bench' });
  const unitIds = [];
  const now = new Date().toISOString();
  const unitRows = [];
  for (let u = 0; u < UNITS; u++) {
    const id = randomUUID();
    unitIds.push(id);
    unitRows.push({ id, parent_id: root.id, name: `基准单位${u}`, short_name: null, code: null, slug: `b${u}`, type: 'department', level: 'city', sort_order: u, status: 'active', office_name: null, address: null, office_hours: null, phone: null, fax: null, email: null, website: null, postcode: null, functions: null, leaders_json: '[]', internal_bodies_json: '[]', created_at: now, updated_at: now, deactivated_at: null });
  }
  for (let i = 0; i < unitRows.length; i += 200) await rt.db.kysely.insertInto('units').values(unitRows.slice(i, i + 200)).execute();
  const sealed = rt.deps.secrets.seal(JSON.stringify({ name: '测试申请人', phone: '13800000000', idNumber: '11010519491231002X' }));
  const batch = engine === 'postgres' ? 1000 : 500;
  for (let start = 0; start < ROWS; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(ROWS, start + batch); i++) {
      const unit = unitIds[i % UNITS];
      const status = STATUSES[i % STATUSES.length];
      const day = 1 + (i % 28);
      const open = ['received', 'inProgress', 'consulting'].includes(status);
      rows.push({
        id: randomUUID(), unit_id: unit, receipt_no: `B${i}`, query_code_hash: 'x', status, outcome: open ? null : 'disclosed', applicant_type: 'natural',
        applicant_sealed: sealed, applicant_masked: '测**', applicant_key: `k${i % 50000}`, description: `基准测试申请第${i}件：某项目的批复文件`, document_no: null,
        provision_form: 'paper', delivery_method: 'post', channel: 'inPerson', receipt_evidence: null, received_on: `2026-0${1 + (i % 9)}-${String(day).padStart(2, '0')}`,
        correction_requested_on: null, correction_received_on: null, reply_due: open ? `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null,
        reply_due_provisional: 0, calendar_version: 'bench', replied_on: null, served_on: null, service_method: null, handler_id: null, duplicate_of: null,
        transferred_to: null, transferred_from: null, reply_json: null, created_at: now, updated_at: now,
      });
    }
    await rt.db.kysely.transaction().execute((trx) => trx.insertInto('applications').values(rows).execute());
    if (start % 100_000 === 0) process.stderr.write(`  ${engine}: ${start.toLocaleString()} rows\r`);
  }
  const target = unitIds[Math.floor(UNITS / 2)];
  const { initialPassword } = await createAccount(rt.deps, actor, { unitId: target, username: 'benchhandler', displayName: '基准经办人', roles: [{ unitId: target, role: 'caseHandler' }], password: 'Bench#Password2026' });
  void initialPassword;
  if (engine === 'postgres') await rt.db.kysely.executeQuery({ sql: 'ANALYZE', parameters: [], query: { kind: 'RawNode' } }).catch(() => {});
  await rt.close();
  return { dataDir, databaseUrl, env, target, seedSeconds: (Date.now() - t0) / 1000 };
}

async function measure(engine) {
  const s = await seed(engine);
  const port = 4100 + Math.floor(Math.random() * 500);
  const child = spawn('node', [path.join(root, 'bin/gongkai.js'), '--data', s.dataDir, 'serve', '--port', String(port)], { env: { ...process.env, ...s.env }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  const login = async (password) => fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'benchhandler', password }) });
  let res = await login('Bench#Password2026');
  let cookie = res.headers.get('set-cookie').split(';')[0];
  let csrf = (await res.json()).csrfToken;
  await fetch(`${base}/api/v1/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify({ currentPassword: 'Bench#Password2026', newPassword: 'Bench#Password2027' }) });
  res = await login('Bench#Password2027');
  cookie = res.headers.get('set-cookie').split(';')[0];
  const url = `${base}/api/v1/applications?unitId=${s.target}&limit=50`;
  const times = [];
  let count = 0;
  for (let i = 0; i < REQUESTS + 20; i++) {
    const t = process.hrtime.bigint();
    const r = await fetch(url, { headers: { cookie } });
    const body = await r.json();
    if (i >= 20) times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (!r.ok) throw new Error(JSON.stringify(body));
    count = body.items.length;
  }
  child.kill('SIGTERM');
  times.sort((a, b) => a - b);
  const p = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  if (s.databaseUrl) {
    const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${new URL(s.databaseUrl).pathname.slice(1)} WITH (FORCE)`);
    await c.end();
  }
  fs.rmSync(s.dataDir, { recursive: true, force: true });
  return { engine, rows: ROWS.toLocaleString('en-US'), units: UNITS, 'seed s': s.seedSeconds.toFixed(0), 'items/page': count, requests: REQUESTS, 'p50 ms': p(0.5), 'p95 ms': p(0.95), 'p99 ms': p(0.99), target: 'p95 ≤ 50', ok: Number(p(0.95)) <= 50 ? 'yes' : 'NO' };
}

const rows = [];
for (const e of ENGINE === 'both' ? ['sqlite', 'postgres'] : [ENGINE]) rows.push(await measure(e));
const m = machine();
console.log(`\nWork queue benchmark — ${m.cpu}, ${os.cpus().length} cores, Node ${m.node}; sequential requests over HTTP on loopback, one logged-in case handler\n`);
table(rows, Object.keys(rows[0]));
