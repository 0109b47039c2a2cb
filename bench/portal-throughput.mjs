#!/usr/bin/env node
// Portal throughput: the guide page (and the home page) served by gongkai vs. the same bytes served by nginx
// as a static file, side by side on this machine, measured with wrk (Debian: /usr/bin/wrk, /usr/sbin/nginx).
// Requirement: gongkai ≥ 0.5 × nginx. Run on purpose (`node bench/portal-throughput.mjs`), never in `npm test`.
//
// Options (environment): DURATION=10s  CONNECTIONS=10  THREADS=2  RUNS=1 (median of RUNS interleaved runs per row).
// nginx runs twice, worker_processes 1 and auto, each with its own temporary config (daemon off, access log off,
// sendfile, unlimited keep-alive requests as gongkai has), so the comparison is against nginx at its best here.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, table } from './lib/load-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const WRK = process.env.WRK ?? '/usr/bin/wrk';
const DURATION = process.env.DURATION ?? '10s';
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const THREADS = Number(process.env.THREADS ?? 2);
const RUNS = Number(process.env.RUNS ?? 1);
const PAGES = [{ label: 'guide /u/fgj/guide', url: '/u/fgj/guide', file: 'guide.html' }, { label: 'home /', url: '/', file: 'index.html' }];

for (const bin of [NGINX, WRK]) {
  if (!fs.existsSync(bin)) {
    console.error(`missing ${bin}: apt-get install -y nginx-light wrk`);
    process.exit(1);
  }
}

const children = [];
let www = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
  if (www) fs.rmSync(www, { recursive: true, force: true });
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
async function waitFor(url, what, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not up yet */ }
    await sleep(200);
  }
  throw new Error(`${what} did not answer at ${url} within ${ms / 1000} s`);
}
const bytes = async (url) => Buffer.from(await (await fetch(url, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());

// 1. Build the server bundle if it is missing or older than any source file.
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

// 2. gongkai on an empty data directory: `start` creates the demo city 安澜市.
const gkPort = await freePort();
const gk = spawn(process.execPath, [path.join(root, 'bin/gongkai.js'), '--data', path.join(tmp, 'data'), 'start', '--port', String(gkPort)], {
  cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'],
});
children.push(gk);
const gkBase = `http://127.0.0.1:${gkPort}`;
await waitFor(`${gkBase}/api/health`, 'gongkai');

// 3. The same bytes as static files for nginx.
// Its own world-readable directory: started as root, nginx's workers run as nobody (mkdtemp makes 0700 dirs).
www = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-www-'));
fs.chmodSync(www, 0o755);
for (const p of PAGES) fs.writeFileSync(path.join(www, p.file), await bytes(gkBase + p.url), { mode: 0o644 });

async function startNginx(workers) {
  const prefix = path.join(tmp, `nginx-${workers}`);
  fs.mkdirSync(path.join(prefix, 'logs'), { recursive: true });
  const port = await freePort();
  const t = path.join(prefix, 'tmp');
  fs.mkdirSync(t);
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), `worker_processes ${workers};
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 1024; }
http {
  types { text/html html; }
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${t}; proxy_temp_path ${t}; fastcgi_temp_path ${t}; uwsgi_temp_path ${t}; scgi_temp_path ${t};
  server {
    listen 127.0.0.1:${port};
    root ${www};
    index index.html;
  }
}
`);
  const child = spawn(NGINX, ['-c', path.join(prefix, 'nginx.conf'), '-p', prefix], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/guide.html`, `nginx (${workers})`);
  } catch (e) {
    console.error(fs.readFileSync(path.join(prefix, 'logs/error.log'), 'utf8'));
    throw e;
  }
  return { base, child };
}
const nginx1 = await startNginx(1);
const nginxAuto = await startNginx('auto');

// 4. Same bytes on both sides, or the comparison means nothing.
for (const p of PAGES) {
  const a = await bytes(gkBase + p.url);
  for (const n of [nginx1, nginxAuto]) {
    const b = await bytes(`${n.base}/${p.file === 'index.html' ? '' : p.file}`);
    if (!a.equals(b)) throw new Error(`nginx serves different bytes for ${p.url}`);
  }
}

function toMs(v) {
  const m = /^([\d.]+)(us|ms|s)$/.exec(v);
  if (!m) return NaN;
  return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
}
function wrk(url, duration = DURATION) {
  const r = spawnSync(WRK, [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${duration}`, '--latency', url], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}`);
  const out = r.stdout;
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out) || /Socket errors: (.*)/.exec(out);
  if (errors) throw new Error(`wrk saw errors against ${url}: ${errors[0]}`);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50: toMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ''),
    p99: toMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ''),
  };
}
const median = (runs) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];

// 5. Measure. Runs are interleaved (nginx 1, nginx auto, gongkai, then again) so that load from anything
//    else on the machine falls on all three alike; the idle servers use no CPU meanwhile.
const loadBefore = os.loadavg()[0];
const rows = [];
for (const p of PAGES) {
  const size = fs.statSync(path.join(www, p.file)).size;
  const targets = [`${nginx1.base}/${p.file}`, `${nginxAuto.base}/${p.file}`, gkBase + p.url];
  for (const url of targets) wrk(url, '2s'); // warm-up: JIT, caches, connections, for every server alike
  const runs = targets.map(() => []);
  for (let i = 0; i < RUNS; i++) targets.forEach((url, j) => runs[j].push(wrk(url)));
  const [n1, na, g] = runs.map(median);
  rows.push({ page: p.label, size, server: 'nginx static, worker_processes 1', ...n1, ratio: '' });
  rows.push({ page: '', size: '', server: 'nginx static, worker_processes auto', ...na, ratio: '' });
  rows.push({ page: '', size: '', server: 'gongkai (cached page)', ...g, ratio: `${(g.rps / n1.rps).toFixed(2)} | ${(g.rps / na.rps).toFixed(2)}` });
}

const nginxVersion = spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).stderr.trim().replace(/^nginx version: /, '');
const wrkVersion = spawnSync(WRK, ['-v'], { encoding: 'utf8' }).stdout.split('\n')[0]?.replace(/ Copyright.*/, '').trim();
const m = machine();
console.log('');
console.log('Portal throughput: gongkai vs nginx serving the same HTML bytes as a static file');
console.log(`machine: ${m.cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}`);
console.log(`software: node ${m.node}, ${nginxVersion}, ${wrkVersion}`);
console.log(`1-min load average before the runs: ${loadBefore.toFixed(2)} (well above 0: other work shared the two cores and the figures are noisy)`);
console.log(`load: wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} --latency, median of ${RUNS} interleaved run(s) per row after a 2 s warm-up, identity encoding (wrk sends no Accept-Encoding)`);
console.log('');
table(rows.map((r) => ({
  page: r.page, bytes: r.size, server: r.server, 'req/s': r.rps.toFixed(0), 'p50 ms': r.p50.toFixed(2), 'p99 ms': r.p99.toFixed(2), 'gongkai / nginx (1 worker | auto)': r.ratio,
})), ['page', 'bytes', 'server', 'req/s', 'p50 ms', 'p99 ms', 'gongkai / nginx (1 worker | auto)']);
const guideRatio = rows[2] ? rows[2].rps / rows[0].rps : 0;
console.log('');
console.log(`requirement, guide page >= 0.5 x nginx (worker_processes 1): ${guideRatio >= 0.5 ? 'met' : 'NOT met'} (${guideRatio.toFixed(2)})`);
cleanup();
