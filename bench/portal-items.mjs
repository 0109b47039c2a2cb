#!/usr/bin/env node
// 主动公开 pages with 100,000 published items: an item page and a column list page (page 1 and a deep page of the
// largest column) served by `gongkai serve` (1 process, then --workers 2) vs. nginx serving the same bytes as static
// files, side by side with wrk. Targets: ≥ 0.5 × nginx, p99 ≤ 20 ms. wrk sends a browser User-Agent, so every
// item-page hit also goes through the view counter (view-counter.ts), as a reader's would.
// Usage: node bench/portal-items.mjs [--items 100000]   env: DURATION=10s CONNECTIONS=10 THREADS=2
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, table } from './lib/load-ts.mjs';
import { buildBundle, createCorpus } from './lib/portal-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const ITEMS = Number(arg('items', 100_000));
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const WRK = process.env.WRK ?? '/usr/bin/wrk';
const DURATION = process.env.DURATION ?? '10s';
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const THREADS = Number(process.env.THREADS ?? 2);
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

const children = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-items-bench-'));
const www = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-items-www-'));
fs.chmodSync(www, 0o755);
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(www, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { cleanup(); process.exit(130); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  }).on('error', reject);
});
async function waitFor(url, what, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await sleep(200);
  }
  throw new Error(`${what} did not answer at ${url} within ${ms / 1000} s`);
}
const bytes = async (url) => Buffer.from(await (await fetch(url, { headers: { 'accept-encoding': 'identity', 'user-agent': UA } })).arrayBuffer());

console.log('building the server bundle…');
buildBundle(root);
console.log(`creating ${ITEMS.toLocaleString('en')} items…`);
const data = path.join(tmp, 'data');
const sample = createCorpus(root, data, ITEMS);
const deep = Math.max(1, Math.floor(sample.column.items / 20 / 2));
const PAGES = [
  { label: 'item page', url: `/u/${sample.item.slug}/i/${sample.item.id}`, file: 'item.html' },
  { label: `column page 1 (${sample.column.items} items)`, url: `/u/${sample.column.slug}/c/${sample.column.code}/`, file: 'column.html' },
  { label: `column page ${deep}`, url: `/u/${sample.column.slug}/c/${sample.column.code}/?page=${deep}`, file: 'column-deep.html' },
];

async function startGongkai(workers) {
  const port = await freePort();
  const args = [path.join(root, 'bin/gongkai.js'), '--data', data, 'serve', '--port', String(port), ...(workers > 1 ? ['--workers', String(workers)] : [])];
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', GONGKAI_PUBLIC_URL: 'https://www.anlan.gov.cn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`, 'gongkai');
  return { base, child };
}
async function startNginx() {
  const prefix = path.join(tmp, 'nginx');
  fs.mkdirSync(path.join(prefix, 'logs'), { recursive: true });
  const port = await freePort();
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 1024; }
http {
  types { text/html html; }
  access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000;
  client_body_temp_path ${prefix}; proxy_temp_path ${prefix}; fastcgi_temp_path ${prefix}; uwsgi_temp_path ${prefix}; scgi_temp_path ${prefix};
  server { listen 127.0.0.1:${port}; root ${www}; }
}
`);
  const child = spawn(NGINX, ['-c', path.join(prefix, 'nginx.conf'), '-p', prefix], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/item.html`, 'nginx');
  return { base, child };
}

function toMs(v) {
  const m = /^([\d.]+)(us|ms|s)$/.exec(v);
  return m ? Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1) : NaN;
}
function wrk(url, duration = DURATION) {
  const r = spawnSync(WRK, [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${duration}`, '--latency', '-H', `User-Agent: ${UA}`, url], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}`);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(r.stdout) || /Socket errors: (.*)/.exec(r.stdout);
  if (errors) throw new Error(`wrk saw errors against ${url}: ${errors[0]}`);
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1]), p50: toMs(/\s50%\s+(\S+)/.exec(r.stdout)?.[1] ?? ''), p99: toMs(/\s99%\s+(\S+)/.exec(r.stdout)?.[1] ?? '') };
}

const loadBefore = os.loadavg()[0];
const rows = [];
let gk = await startGongkai(1);
for (const p of PAGES) fs.writeFileSync(path.join(www, p.file), await bytes(gk.base + p.url), { mode: 0o644 });
const nginx = await startNginx();
for (const workers of [1, 2]) {
  if (workers === 2) {
    gk.child.kill('SIGTERM');
    await sleep(1000);
    gk = await startGongkai(2);
  }
  for (const p of PAGES) {
    const ours = await bytes(gk.base + p.url);
    const theirs = await bytes(`${nginx.base}/${p.file}`);
    // The page shows views up to yesterday: identical bytes unless midnight passed during the run.
    if (!ours.equals(theirs)) {
      fs.writeFileSync('/tmp/portal-items-ours.html', ours);
      fs.writeFileSync('/tmp/portal-items-nginx.html', theirs);
      throw new Error(`nginx serves different bytes for ${p.url} (see /tmp/portal-items-ours.html and /tmp/portal-items-nginx.html)`);
    }
    const urls = [`${nginx.base}/${p.file}`, gk.base + p.url];
    for (const u of urls) wrk(u, '2s'); // warm-up: JIT, the page cache of every worker, connections
    const [n, g] = urls.map((u) => wrk(u));
    if (workers === 1) rows.push({ page: p.label, bytes: ours.length, server: 'nginx static, 1 worker', ...n, ratio: '' });
    rows.push({ page: workers === 1 ? '' : p.label, bytes: '', server: `gongkai, ${workers} process${workers > 1 ? 'es' : ''}`, ...g, ratio: (g.rps / n.rps).toFixed(2) });
  }
}

const counted = spawnSync('sqlite3', [path.join(data, 'gongkai.sqlite'), 'select coalesce(sum(count), 0) from item_views'], { encoding: 'utf8' }).stdout.trim();
const m = machine();
console.log('');
console.log(`主动公开 portal pages with ${ITEMS.toLocaleString('en')} published items: gongkai vs nginx serving the same bytes`);
console.log(`machine: ${m.cpu}, ${os.cpus().length} cores, node ${m.node}; 1-min load average before: ${loadBefore.toFixed(2)}, after: ${os.loadavg()[0].toFixed(2)}`);
console.log(`load: wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} --latency with a browser User-Agent, after a 2 s warm-up; identity encoding`);
console.log(`item-page views counted by the view counter during the runs: ${counted || 'n/a (sqlite3 CLI missing)'}`);
console.log('');
table(rows.map((r) => ({ page: r.page, bytes: r.bytes, server: r.server, 'req/s': r.rps.toFixed(0), 'p50 ms': r.p50.toFixed(2), 'p99 ms': r.p99.toFixed(2), 'gongkai / nginx': r.ratio })),
  ['page', 'bytes', 'server', 'req/s', 'p50 ms', 'p99 ms', 'gongkai / nginx']);
cleanup();
