// Publication latency (issue 4 figure: final approval → visible on the portal and in search ≤ 1 s): a real server
// (page cache on), an item passed through 初审 and 复审, then the final approval; we time until the item page
// answers 200, its column list shows it and /search finds it. SQLite by default; DATABASE_URL for PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTs, machine, table } from './lib/load-ts.mjs';

const m = await loadTs('bench/lib/publication-latency.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-publat-'));
const config = m.loadConfig({ ...process.env, GONGKAI_DATA_DIR: dir, GONGKAI_LOG_LEVEL: 'warn' });
const rt = await m.openRuntime(config);
await m.initDemo(rt);
const app = await m.buildApp({ deps: rt.deps, config, onWrite: rt.onWrite, engine: rt.db.engine }, { logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${app.server.address().port}`;
const deps = rt.deps;
const fgj = (await deps.store.read((r) => r.units.getBySlug('fgj')));
const column = await deps.store.read((r) => r.catalogue.columnByCode(fgj.id, 'tzgg'));
const sys = (id) => ({ accountId: id, name: id, unitId: null, roles: [], system: true });

const N = Number(process.env.N ?? 20);
const samples = [];
for (let i = 0; i < N; i++) {
  const word = `延迟测试${String.fromCharCode(0x4e00 + i * 7)}${String.fromCharCode(0x4e80 + i * 3)}`;
  const item = await m.createItem(deps, sys('d'), fgj.id, {
    columnId: column.id, title: `关于${word}事项的通知`, summary: '基准测试', bodyHtml: `<p>${word}的正文。</p>`, publisher: '安澜市发展和改革局',
    createdOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), subject: '综合政务\\政务公开', genre: '通知',
  });
  await m.submitItem(deps, sys('d'), item.id);
  await m.approveItem(deps, sys('r1'), item.id, { confidentialityConfirmed: true });
  await m.approveItem(deps, sys('r2'), item.id, {});
  // Warm the column page into the cache so the measurement includes invalidation.
  await fetch(`${base}/u/fgj/c/tzgg/`).then((r) => r.text());
  const t0 = performance.now();
  await m.approveItem(deps, sys('head'), item.id, {});
  const tApproved = performance.now();
  let page = 0, list = 0, search = 0;
  while (!page || !list || !search) {
    const now = () => performance.now() - t0;
    if (!page && (await fetch(`${base}/u/fgj/i/${item.id}`)).status === 200) page = now();
    if (!list && (await (await fetch(`${base}/u/fgj/c/tzgg/`)).text()).includes(item.id)) list = now();
    if (!search && (await (await fetch(`${base}/search?q=${encodeURIComponent(word)}`)).text()).includes(item.id)) search = now();
    if (now() > 5000) break;
  }
  samples.push({ approve: tApproved - t0, page, list, search, all: Math.max(page, list, search) });
}
await app.close();
await rt.close();
fs.rmSync(dir, { recursive: true, force: true });

const pct = (k, p) => { const v = samples.map((s) => s[k]).sort((a, b) => a - b); return v[Math.min(v.length - 1, Math.floor((p / 100) * v.length))].toFixed(1); };
const mach = machine();
console.log(`Publication latency — ${mach.cpu}, ${os.cpus().length} cores, Node ${mach.node}, ${rt.db.engine}, ${N} items\n`);
table(['approve (ms)', 'item page 200 (ms)', 'in column list (ms)', 'in search (ms)', 'all visible (ms)'].map((label, i) => {
  const k = ['approve', 'page', 'list', 'search', 'all'][i];
  return { measure: label, p50: pct(k, 50), p99: pct(k, 99), max: pct(k, 100), target: k === 'all' ? '≤ 1000' : '' };
}), ['measure', 'p50', 'p99', 'max', 'target']);
