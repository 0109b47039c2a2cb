// Report import throughput on one core (target ≥ 50 reports/s for typical 10–30 KB reports): the whole path a
// file takes — decode bytes (UTF-8 / GBK), HTML to text, furniture, OpenCC script conversion, detection, table
// or 附表 alignment, prose, document building and rules R1–R9 — over the three fixtures and their generated
// variants (shuffled cells, navigation, GBK, HTML, traditional script, lost table, broken sum), plus the same
// reports padded with narrative text to ~25 KB.
import os from 'node:os';
import { loadTs, machine, table } from './lib/load-ts.mjs';

const { importReportBytes } = await loadTs('src/infra/report-import/read-file.ts');
const support = await loadTs('test/imports/support.ts');

const base = support.variants();
const enc = new TextEncoder();
// "Typical" 10–30 KB: each fixture with its narrative doubled/tripled until it is about 25 KB.
const padded = support.FIXTURES.map((name) => {
  const text = support.fixtureText(name);
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.length > 80) + 1; // after the first paragraph
  const prose = lines.filter((l) => l.length > 80);
  const extra = [];
  while (enc.encode(text).length + enc.encode(extra.join('\n')).length < 25_000) extra.push(prose[extra.length % prose.length]);
  return { name: `${name} · padded`, bytes: enc.encode([...lines.slice(0, at), ...extra, ...lines.slice(at)].join('\n')) };
});

const groups = [
  { group: 'fixtures as published', inputs: base.filter((v) => support.FIXTURES.includes(v.name)) },
  { group: 'all generated variants', inputs: base },
  { group: 'padded to ~25 KB', inputs: padded },
];

const rows = [];
for (const g of groups) {
  const kb = g.inputs.reduce((n, v) => n + v.bytes.length, 0) / g.inputs.length / 1024;
  for (let i = 0; i < 3; i++) for (const v of g.inputs) importReportBytes(v.bytes, 'bench.txt'); // warm-up
  const rounds = Math.max(3, Math.ceil(200 / g.inputs.length));
  let n = 0;
  let cells = 0;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const v of g.inputs) {
      const res = importReportBytes(v.bytes, 'bench.txt');
      cells += res.cellsRead;
      n++;
    }
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  rows.push({
    inputs: g.group,
    files: g.inputs.length,
    'avg KB': kb.toFixed(1),
    reads: n,
    'reports/s': Math.round(n / secs).toLocaleString('en-US'),
    'ms/report': ((secs / n) * 1000).toFixed(2),
    'cells/report': Math.round(cells / n),
    target: '≥ 50/s',
    ok: n / secs >= 50 ? 'yes' : 'NO',
  });
}
const m = machine();
console.log(`Report import benchmark — ${m.cpu}, ${os.cpus().length} cores, Node ${m.node}, one thread, load ${os.loadavg()[0].toFixed(1)}`);
console.log('Each read: decode, HTML→text, furniture, OpenCC t→cn, detection, tables/附表/prose, document, R1–R9.\n');
table(rows, ['inputs', 'files', 'avg KB', 'reads', 'reports/s', 'ms/report', 'cells/report', 'target', 'ok']);
