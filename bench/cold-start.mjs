// Cold start: from spawning `gongkai serve` to the first HTTP 200 on `/` (the portal home page), on a data
// directory that already holds the demo city (created by `init --demo` beforehand, outside the timing).
// Target: ≤ 1.5 s. One column for SQLite, one for PostgreSQL when it answers at PG_TEST_URL.
//
//   node bench/cold-start.mjs            # RUNS=5
//   RUNS=10 node bench/cold-start.mjs
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { machine, table } from './lib/load-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 5);
const TARGET_MS = 1500;
const PG_ADMIN_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const bin = path.join(root, 'bin/gongkai.js');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function newestSource(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'admin') newest = Math.max(newest, newestSource(p)); } else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}
const bundle = path.join(root, 'dist/cli.js');
if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < newestSource(path.join(root, 'src'))) {
  console.log('building the server bundle…');
  const b = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'server'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const envFor = (databaseUrl) => {
  const env = { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  delete env.PORT;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
};

async function pgReachable() {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

async function pgAdmin(sql) {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * CPU time (user + system) the server process has used so far, from /proc: on a machine shared with other
 * work the wall time stretches, the CPU time much less, so both are shown.
 */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100 on Linux)
  } catch {
    return NaN;
  }
}

/** One measurement: a fresh data dir (and database) with the demo data, then the timed start. */
async function coldStart(engine) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cold-'));
  let dbName;
  let databaseUrl;
  if (engine === 'postgres') {
    dbName = `gk_bench_${randomBytes(5).toString('hex')}`;
    await pgAdmin(`CREATE DATABASE ${dbName}`);
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const env = envFor(databaseUrl);
  try {
    execFileSync(process.execPath, [bin, '--data', dataDir, 'init', '--demo'], { cwd: root, env, stdio: 'ignore' });
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, [bin, '--data', dataDir, 'serve', '--port', String(port)], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    let ms;
    let cpu;
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`gongkai serve exited with ${child.exitCode}`);
        const ok = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.status === 200, () => false);
        if (ok) {
          ms = performance.now() - started;
          cpu = cpuMs(child.pid);
          break;
        }
        if (performance.now() - started > 30_000) throw new Error('no answer within 30 s');
        await sleep(10);
      }
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    return { ms, cpu };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (dbName) await pgAdmin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

const engines = ['sqlite', ...((await pgReachable()) ? ['postgres'] : [])];
const results = Object.fromEntries(engines.map((e) => [e, []]));
// Interleaved, so that other load on the machine falls on both engines alike.
for (let i = 0; i < RUNS; i++) for (const e of engines) results[e].push(await coldStart(e));

const cols = engines.flatMap((e) => [`${e} ms`, `${e} cpu ms`]);
const fmt = (ms) => (Number.isFinite(ms) ? ms.toFixed(0) : '?');
const pick = (e, k) => results[e].map((r) => r[k]);
const rows = Array.from({ length: RUNS }, (_, i) => ({
  run: String(i + 1), ...Object.fromEntries(engines.flatMap((e) => [[`${e} ms`, fmt(results[e][i].ms)], [`${e} cpu ms`, fmt(results[e][i].cpu)]])),
}));
const sorted = (e, k) => pick(e, k).sort((a, b) => a - b);
const stat = (name, f) => ({ run: name, ...Object.fromEntries(engines.flatMap((e) => [[`${e} ms`, fmt(f(sorted(e, 'ms')))], [`${e} cpu ms`, fmt(f(sorted(e, 'cpu')))]])) });
const median = (s) => s[Math.floor(s.length / 2)];
rows.push(stat('min', (s) => s[0]), stat('median', median), stat('max', (s) => s[s.length - 1]));

const m = machine();
console.log(`cold start: spawn \`gongkai serve\` → first 200 on / (demo data present, poll every 10 ms), ${RUNS} runs`);
console.log(`machine: ${m.cpu}, ${os.cpus().length} cores, Node ${m.node}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
table(rows, ['run', ...cols]);
for (const e of engines) {
  const med = median(sorted(e, 'ms'));
  console.log(`${e}: median ${fmt(med)} ms wall (${fmt(median(sorted(e, 'cpu')))} ms CPU) — ${med <= TARGET_MS ? 'within' : 'OVER'} the ${TARGET_MS} ms target`);
}
