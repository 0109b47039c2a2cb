#!/usr/bin/env node
// Static export with 100,000 published items: `gongkai export-site` full, then again with nothing changed, then
// with one item changed (title corrected), then with one item withdrawn. Targets: full ≤ 60 s, one changed item ≤ 2 s.
// Prints the exporter's own time (what the command reports), the wall-clock time of the whole command (process
// start, module loading, migrations check, manifest read and write included: the figure the targets apply to), and
// the CPU time of the command with its helper processes, user and system (file creation is mostly system time, which
// varies most on a shared disk). The one-item runs are repeated (--repeat, different items each time).
// Usage: node bench/export-site.mjs [--items 100000] [--repeat 3] [--keep]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { machine, table } from './lib/load-ts.mjs';
import { buildBundle, createCorpus } from './lib/portal-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const ITEMS = Number(arg('items', 100_000));
const KEEP = process.argv.includes('--keep');
const REPEAT = Number(arg('repeat', 3));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-export-bench-'));
const data = path.join(tmp, 'data');
const out = path.join(tmp, 'site');

console.log('building the server bundle…');
buildBundle(root);
console.log(`creating ${ITEMS.toLocaleString('en')} items…`);
let t = Date.now();
const sample = createCorpus(root, data, ITEMS);
console.log(`  done in ${((Date.now() - t) / 1000).toFixed(1)} s`);

function run(label) {
  // bash's `times` prints the CPU time of the shell's finished children (the command and its helper processes).
  const q = (a) => `'${a.replace(/'/g, "'\\''")}'`;
  const cmd = [process.execPath, path.join(root, 'bin/gongkai.js'), '--data', data, 'export-site', out, '--base-url', 'https://static.example.gov.cn'].map(q).join(' ');
  const started = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', `${cmd} && times >&2`], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' }, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
  const num = (re) => Number(re.exec(r.stdout)?.[1] ?? NaN);
  const secs = (t) => Number(t[1]) * 60 + Number(t[2]);
  const [user, sys] = [...(r.stderr.trim().split('\n').pop() ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map(secs);
  return {
    run: label, 'exporter s': num(/用时 ([\d.]+) 秒/).toFixed(2), 'command s': wall.toFixed(2), 'cpu user s': user?.toFixed(2) ?? '?', 'cpu sys s': sys?.toFixed(2) ?? '?',
    'item pages': num(/信息页 (\d+)/), columns: num(/栏目 (\d+)/), written: num(/写入 (\d+)/), unchanged: num(/未变 (\d+)/), deleted: num(/删除 (\d+)/),
  };
}
const sql = (q, ...args) => {
  const db = new SQLite(path.join(data, 'gongkai.sqlite'));
  try {
    db.prepare(q).run(...args);
  } finally {
    db.close();
  }
};

const rows = [];
rows.push(run('full (empty directory)'));
rows.push(run('nothing changed'));
const now = () => new Date().toISOString();
const pick = (() => {
  const db = new SQLite(path.join(data, 'gongkai.sqlite'), { readonly: true });
  try {
    // More items spread over the units (ids are random UUIDs), besides the sample item of 房管局 通知公告.
    return db.prepare("select id from publication_items where status = 'published' and id != ? order by id limit ? offset ?").pluck().all(sample.item.id, REPEAT, Math.floor(ITEMS / 3));
  } finally {
    db.close();
  }
})();
const items = [sample.item.id, ...pick].slice(0, REPEAT);
for (const id of items) {
  sql('update publication_items set title = title || ?, corrected_at = ?, correction_note = ?, updated_at = ? where id = ?', '（更正）', now(), '标题更正', now(), id);
  rows.push(run('one item corrected'));
}
for (const id of items) {
  sql("update publication_items set status = 'withdrawn', withdrawn_at = ?, withdrawal_reason = ?, updated_at = ? where id = ?", now(), '重复发布', now(), id);
  rows.push(run('one item withdrawn'));
}

const files = spawnSync('sh', ['-c', `find ${out} -type f | wc -l; du -sm ${out} | cut -f1`], { encoding: 'utf8' }).stdout.trim().split('\n');
const m = machine();
console.log('');
console.log(`Static export of ${ITEMS.toLocaleString('en')} published items (gongkai export-site)`);
console.log(`machine: ${m.cpu}, ${os.cpus().length} cores, node ${m.node}; 1-min load average now ${os.loadavg()[0].toFixed(2)}`);
console.log(`output: ${files[0]} files, ${files[1]} MB; largest column ${sample.column.slug}/${sample.column.code} with ${sample.column.items} items`);
console.log('');
table(rows, ['run', 'exporter s', 'command s', 'cpu user s', 'cpu sys s', 'item pages', 'columns', 'written', 'unchanged', 'deleted']);
console.log('');
const worst = Math.max(...rows.slice(2).map((r) => Number(r['command s'])));
console.log(`targets (whole command): full ≤ 60 s (${rows[0]['command s']} s: ${Number(rows[0]['command s']) <= 60 ? 'met' : 'NOT met'}), one changed item ≤ 2 s (slowest of ${rows.length - 2} runs ${worst.toFixed(2)} s: ${worst <= 2 ? 'met' : 'NOT met'})`);
if (KEEP) console.log(`kept: ${tmp}`);
else fs.rmSync(tmp, { recursive: true, force: true });
