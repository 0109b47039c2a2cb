// Deadline computations per second on one core (target ≥ 200,000/s): the full clock, steps included,
// over receipt dates spread across 2024–2026 (every holiday crossed), with and without pauses/extension.
import os from 'node:os';
import { loadTs, machine, table } from './lib/load-ts.mjs';

const { computeDeadlines, DEFAULT_RULES } = await loadTs('src/domain/requests/deadline.ts');
const { WorkingCalendar } = await loadTs('src/domain/calendar/working-calendar.ts');
const { officialCalendar } = await loadTs('src/infra/official-calendar.ts');
const { toCivil, dayNumber } = await loadTs('src/domain/calendar/civil-date.ts');

const cal = new WorkingCalendar(officialCalendar());
const start = dayNumber('2024-01-01');
const dates = Array.from({ length: 1096 }, (_, i) => toCivil(start + i));

const scenarios = {
  'plain (20 working days)': (d) => ({ receivedOn: d }),
  'plain, every step rendered to Chinese text': (d) => ({ receivedOn: d, _render: true }),
  'correction + pause + extension': (d) => ({ receivedOn: d, correctionRequestedOn: d, correctionReceivedOn: toCivil(dayNumber(d) + 5), pauses: [{ kind: 'thirdParty', from: toCivil(dayNumber(d) + 8), to: toCivil(dayNumber(d) + 20) }], extension: { days: 20 } }),
};

const rows = [];
for (const [name, make] of Object.entries(scenarios)) {
  const inputs = dates.map(make);
  for (let i = 0; i < 20_000; i++) computeDeadlines(DEFAULT_RULES, cal, inputs[i % inputs.length]); // warm-up
  const n = 300_000;
  const t0 = process.hrtime.bigint();
  let sink = 0;
  const render = !!inputs[0]._render;
  for (let i = 0; i < n; i++) {
    const r = computeDeadlines(DEFAULT_RULES, cal, inputs[i % inputs.length]);
    sink += render ? r.steps.reduce((s, x) => s + x.text.length, 0) : r.steps.length;
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  rows.push({ scenario: name, computations: n, seconds: secs.toFixed(2), 'per second': Math.round(n / secs).toLocaleString('en-US'), 'µs each': ((secs / n) * 1e6).toFixed(2), target: '≥ 200,000/s', ok: n / secs >= 200_000 ? 'yes' : 'NO', _: sink > 0 ? '' : '' });
}
const m = machine();
console.log(`Clock benchmark — ${m.cpu}, ${os.cpus().length} cores, Node ${m.node}, one thread, calendar ${cal.version}`);
console.log('A computation returns every due date and the structured steps; step texts render on first read.\n');
table(rows, ['scenario', 'computations', 'seconds', 'per second', 'µs each', 'target', 'ok']);
