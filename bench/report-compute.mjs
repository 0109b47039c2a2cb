// Annual report computation at province scale (issue 5): 10,000 units, 1,000,000 applications, 2,000,000 items and
// 20,000 register cases, generated in SQL (recursive CTE on SQLite, generate_series on PostgreSQL) straight into a
// migrated database. Times, per engine:
//   - one unit's report (computeAnnualReport: three grouped queries + manual entries), without and with drill-down ids,
//     against the hand-written SQL that counts the same tables (one query per table, SUM(CASE …) per cell);
//   - every unit's report through the batch path (computeAnnualReports: one grouped query per table over all units)
//     against the same hand-written queries grouped by unit;
// and checks that the computed cells equal the hand-written counts.
// The hand-written side is the four counting queries alone (no unit lookup, no document assembly).
// Usage: node bench/report-compute.mjs [--units 10000] [--apps 1000000] [--items 2000000] [--cases 20000]
//        [--engine sqlite|postgres|both] [--samples 200] [--year 2024] [--keep]
//        [--reuse-sqlite <dataDir>] [--reuse-pg <database>]
// --keep leaves the generated databases in place (printed at the end); --reuse-* times a kept dataset again without
// generating it (the counts options must match the kept run's, the check against the hand-written SQL still runs).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadTs, machine, table } from './lib/load-ts.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const UNITS = Number(arg('units', 10_000));
const APPS = Number(arg('apps', 1_000_000));
const ITEMS = Number(arg('items', 2_000_000));
const CASES = Number(arg('cases', 20_000));
const SAMPLES = Number(arg('samples', 200));
const YEAR = Number(arg('year', 2024));
const ENGINE = arg('engine', 'both');
const KEEP = process.argv.includes('--keep') || Boolean(process.env.KEEP);
const REUSE = { sqlite: arg('reuse-sqlite', null), postgres: arg('reuse-pg', null) };

const { openDb, migrateToLatest } = await loadTs('src/storage/db.ts');
const { createStore } = await loadTs('src/storage/store.ts');
const { computeAnnualReport, computeAnnualReports } = await loadTs('src/domain/annual-report/compute.ts');
const { OUTCOME_CODES } = await loadTs('src/domain/requests/outcome.ts');

const TYPES = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'];

/** Dialect helpers: a row source 0..n-1 and "date + days" as 'YYYY-MM-DD'. */
function dialect(engine) {
  return engine === 'postgres'
    ? { rows: (n) => `(select g as i from generate_series(0::bigint, ${n - 1}) g)`, addDays: (d, e) => `to_char(date '${d}' + (${e})::int, 'YYYY-MM-DD')`, ts: (d, e) => `to_char(date '${d}' + (${e})::int, 'YYYY-MM-DD') || 'T02:00:00Z'` }
    : { rows: (n) => `(with recursive s(i) as (select 0 union all select i + 1 from s where i < ${n - 1}) select i from s)`, addDays: (d, e) => `date('${d}', '+' || (${e}) || ' days')`, ts: (d, e) => `date('${d}', '+' || (${e}) || ' days') || 'T02:00:00Z'` };
}
const pick = (list, e) => `(case ${list.map((v, k) => `when (${e}) = ${k} then '${v}'`).join(' ')} end)`;

async function seed(db) {
  const q = db.kysely;
  const d = dialect(db.engine);
  const exec = (text) => sql.raw(text).execute(q);
  const now = '2025-01-20T00:00:00Z';
  await exec(`insert into units (id, parent_id, name, short_name, code, slug, type, level, sort_order, status, office_name, address, office_hours, phone, fax, email, website, postcode, functions, leaders_json, internal_bodies_json, created_at, updated_at, deactivated_at)
    select 'u' || i, null, '基准单位' || i, null, null, 'b' || i, 'department', 'county', i, 'active', null, null, null, null, null, null, null, null, null, '[]', '[]', '${now}', '${now}', null from ${d.rows(UNITS)} r`);
  await exec(`insert into publication_columns (id, unit_id, parent_id, code, name, description, sort_order, time_limit_days, freshness_days, template_key, accepts_items, created_at, updated_at)
    select 'c' || i, 'u' || i, null, 'zcwj', '政策文件', null, 1, 20, null, null, 1, '${now}', '${now}' from ${d.rows(UNITS)} r`);
  // Applications: received 2021-01-01 … 2025-06-30; 10% still open, 10% withdrawn, 5% with a corrected application
  // received 10 days later; the rest answered 0–44 days after receipt with one of the 21 outcome codes.
  const rec = d.addDays('2021-01-01', 'i * 7919 % 1642');
  const status = `(case when i % 10 = 0 then 'inProgress' when i % 10 = 1 then 'withdrawn' else 'replied' end)`;
  await exec(`insert into applications (id, unit_id, receipt_no, query_code_hash, status, outcome, applicant_type, applicant_sealed, applicant_masked, applicant_key, description, document_no, provision_form, delivery_method, channel, receipt_evidence, received_on, correction_requested_on, correction_received_on, reply_due, reply_due_provisional, calendar_version, replied_on, served_on, service_method, handler_id, duplicate_of, transferred_to, transferred_from, reply_json, created_at, updated_at)
    select 'a' || i, 'u' || (i % ${UNITS}), 'R' || i, 'x', ${status},
      case when i % 10 >= 2 then ${pick(OUTCOME_CODES, `(i / 10) % ${OUTCOME_CODES.length}`)} end,
      ${pick(TYPES, `(i / 3) % 6`)}, 'x', 'x', 'k' || i, '申请', null, 'paper', 'post', 'inPerson', null, ${rec}, null,
      case when i % 20 = 3 then ${d.addDays('2021-01-01', 'i * 7919 % 1642 + 10')} end,
      null, 0, null,
      case when i % 10 >= 2 then ${d.addDays('2021-01-01', `i * 7919 % 1642 + 10 + i % 45`)} end,
      null, null, null, null, null, null, null, '${now}', '${now}' from ${d.rows(APPS)} r`);
  await exec(`insert into application_events (id, application_id, seq, action, from_status, to_status, effective_on, at, actor_id, actor_name, data_json)
    select 'e' || i, 'a' || i, 1, 'withdraw', 'received', 'withdrawn', ${d.addDays('2021-01-01', 'i * 7919 % 1642 + 5')}, ${d.ts('2021-01-01', 'i * 7919 % 1642 + 5')}, null, null, null
    from ${d.rows(APPS)} r where i % 10 = 1`);
  // Items: published 2015-01-01 … 2025-06-30, 95% published; one in seven is a normative document (one in fifty of
  // all items a 规章, genre 命令（令）), of which a third are later repealed or amended.
  const pub = d.addDays('2015-01-01', 'i * 104729 % 3833');
  await exec(`insert into publication_items (id, unit_id, column_id, status, stage, title, summary, body_html, publisher, doc_number, created_on, subject, genre, keywords, disclosure_method, disclosure_period, disclosure_scope, validity, effective_on, validity_changed_on, index_number, published_at, published_on, publish_at, working_days, time_limit_days, late, corrected_at, correction_note, withdrawn_at, withdrawal_reason, pending_json, created_by, created_by_name, created_at, updated_at)
    select 'i' || i, 'u' || (i % ${UNITS}), 'c' || (i % ${UNITS}), case when i % 20 = 7 then 'draft' else 'published' end, null, '文件' || i, '', '', '基准单位', null,
      ${d.addDays('2014-12-29', 'i * 104729 % 3833')}, null, case when i % 50 = 0 then '命令（令）' else '通知' end, '[]', '主动公开', '常年公开', '面向全社会',
      case when i % 50 = 0 or i % 7 = 0 then (case when i % 3 = 1 then 'repealed' when i % 3 = 2 then 'amended' else 'inForce' end) end, null,
      case when (i % 50 = 0 or i % 7 = 0) and i % 3 > 0 then ${d.addDays('2015-01-01', 'i * 104729 % 3833 + 400')} end,
      'IDX' || i, null, ${pub}, null, null, null, 0, null, null, null, null, null, null, 'bench', '${now}', '${now}' from ${d.rows(ITEMS)} r`);
  await exec(`insert into review_cases (id, unit_id, application_id, kind, filed_on, body, case_no, challenged_notice, outcome, concluded_on, remarks, created_at, created_by, updated_at)
    select 'k' || i, 'u' || (i % ${UNITS}), null, ${pick(['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'], 'i % 3')}, ${d.addDays('2022-01-01', 'i * 31 % 1200')}, '某市人民政府', 'K' || i, '文号',
      case when i % 4 > 0 then ${pick(['upheld', 'corrected', 'other'], '(i / 4) % 3')} end,
      case when i % 4 > 0 then ${d.addDays('2022-01-01', 'i * 31 % 1200 + 90')} end, null, '${now}', null, '${now}' from ${d.rows(CASES)} r`);
  await exec(`insert into report_manual_entries (id, unit_id, year, kind, value, source_note, entered_by, entered_by_name, entered_at, import_batch)
    select 'm' || i, 'u' || (i / 2), ${YEAR}, case when i % 2 = 0 then 'licensing' else 'fees' end, (i % 97) * 1.0, '基准', null, 'bench', '${now}', null from ${d.rows(UNITS * 2)} r`);
  if (db.engine === 'postgres') await exec('analyze');
  else await exec('analyze');
}

/** The hand-written counting SQL: one query per table, a SUM(CASE …) per row, grouped by applicant type / row / kind. */
function handQueries(unitFilter) {
  const s = `${YEAR}-01-01`, e = `${YEAR}-12-31`;
  const results = OUTCOME_CODES.map((o) => `sum(case when closed >= '${s}' and closed <= '${e}' and coalesce(outcome, 'otherOther') = '${o}' then 1 else 0 end) as "${o}"`).join(', ');
  return {
    applications: `select unit_id, applicant_type,
        sum(case when eff >= '${s}' and eff <= '${e}' then 1 else 0 end) as received,
        sum(case when eff < '${s}' and (closed is null or closed >= '${s}') then 1 else 0 end) as carried_over,
        sum(case when eff <= '${e}' and (closed is null or closed > '${e}') then 1 else 0 end) as carried_forward, ${results}
      from (select a.unit_id, a.applicant_type, a.outcome, coalesce(a.correction_received_on, a.received_on) as eff,
              coalesce(a.replied_on, w.effective_on) as closed
            from applications a left join application_events w on w.application_id = a.id and w.action = 'withdraw' and a.replied_on is null
            where a.received_on is not null and a.received_on <= '${e}' ${unitFilter('a.unit_id')}) x
      group by unit_id, applicant_type`,
    proactive: `select unit_id, case when genre = '命令（令）' then 'regulations' else 'normativeDocuments' end as row_key,
        sum(case when published_on >= '${s}' then 1 else 0 end) as issued,
        sum(case when validity = 'repealed' and validity_changed_on >= '${s}' and validity_changed_on <= '${e}' then 1 else 0 end) as repealed,
        sum(case when validity = 'inForce' or validity_changed_on > '${e}' then 1 else 0 end) as in_force
      from publication_items where validity is not null and status = 'published' and published_on <= '${e}' ${unitFilter('unit_id')}
      group by 1, 2`,
    reviews: `select unit_id, kind,
        sum(case when concluded_on >= '${s}' and concluded_on <= '${e}' and outcome = 'upheld' then 1 else 0 end) as upheld,
        sum(case when concluded_on >= '${s}' and concluded_on <= '${e}' and outcome = 'corrected' then 1 else 0 end) as corrected,
        sum(case when concluded_on >= '${s}' and concluded_on <= '${e}' and outcome = 'other' then 1 else 0 end) as other,
        sum(case when filed_on <= '${e}' and (concluded_on is null or concluded_on > '${e}') then 1 else 0 end) as pending
      from review_cases where filed_on <= '${e}' ${unitFilter('unit_id')} group by 1, 2`,
    // Table 二's figures from other systems (this year and last, as the 2019 format needs).
    manual: `select unit_id, year, kind, sum(value) as value from report_manual_entries where year in (${YEAR - 1}, ${YEAR}) ${unitFilter('unit_id')} group by 1, 2, 3`,
  };
}

async function runHand(q, text) {
  return (await sql.raw(text).execute(q)).rows;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

function check(doc, hand) {
  // The computed cells equal the hand-written counts (the bench measures the right thing).
  const apps = doc.tables.applications;
  let received = 0, forward = 0, disclosed = 0;
  for (const r of hand.applications) {
    received += Number(r.received);
    forward += Number(r.carried_forward);
    disclosed += Number(r.disclosed);
  }
  const inForce = hand.proactive.reduce((s, r) => s + Number(r.in_force), 0);
  const pending = hand.reviews.reduce((s, r) => s + Number(r.pending), 0);
  const got = [apps.received.total, apps.carriedForward.total, apps.disclosed.total, doc.tables.proactive.regulations.inForce + doc.tables.proactive.normativeDocuments.inForce, doc.tables.reviews.reconsideration.pending + doc.tables.reviews.litigationDirect.pending + doc.tables.reviews.litigationAfterReconsideration.pending];
  const want = [received, forward, disclosed, inForce, pending];
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`computed ${JSON.stringify(got)} ≠ hand-written ${JSON.stringify(want)}`);
}

async function bench(engine) {
  const reuse = REUSE[engine];
  const dataDir = engine === 'sqlite' && reuse ? reuse : fs.mkdtempSync(path.join(os.tmpdir(), 'gk-report-'));
  let databaseUrl, dbName;
  if (engine === 'postgres') {
    dbName = reuse ?? `gk_bench_${randomBytes(4).toString('hex')}`;
    if (!reuse) {
      const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
      await c.connect();
      await c.query(`CREATE DATABASE ${dbName}`);
      await c.end();
    }
    databaseUrl = `postgres://postgres@127.0.0.1:5432/${dbName}`;
  }
  const keep = KEEP || Boolean(reuse);
  const db = openDb({ dataDir, databaseUrl });
  try {
    let t0 = process.hrtime.bigint();
    let seedMs = NaN;
    if (!reuse) {
      await migrateToLatest(db);
      t0 = process.hrtime.bigint();
      await seed(db);
      seedMs = ms(t0);
    }
    const store = createStore(db);
    const deps = { officialCalendar: {} };
    const q = db.kysely;
    const units = Array.from({ length: SAMPLES }, (_, k) => `u${(k * 7919) % UNITS}`);

    // Warm-up, and the correctness check on a few units.
    for (const u of units.slice(0, 5)) {
      const { doc } = await store.read((r) => computeAnnualReport(r, deps, u, YEAR, { drill: false }));
      const one = handQueries((col) => `and ${col} = '${u}'`);
      check(doc, { applications: await runHand(q, one.applications), proactive: await runHand(q, one.proactive), reviews: await runHand(q, one.reviews) });
    }
    const single = [], singleDrill = [], hand = [];
    for (const u of units) {
      const one = handQueries((col) => `and ${col} = '${u}'`);
      t0 = process.hrtime.bigint();
      for (const text of Object.values(one)) await runHand(q, text);
      hand.push(ms(t0));
      t0 = process.hrtime.bigint();
      await store.read((r) => computeAnnualReport(r, deps, u, YEAR, { drill: false }));
      single.push(ms(t0));
      t0 = process.hrtime.bigint();
      await store.read((r) => computeAnnualReport(r, deps, u, YEAR));
      singleDrill.push(ms(t0));
    }

    // Alternate the two twice and keep each one's best, so neither profits from the other warming the cache.
    const every = handQueries(() => '');
    let batchMs = Infinity, handAllMs = Infinity, all;
    for (let round = 0; round < 2; round++) {
      t0 = process.hrtime.bigint();
      for (const text of Object.values(every)) await runHand(q, text);
      handAllMs = Math.min(handAllMs, ms(t0));
      t0 = process.hrtime.bigint();
      all = await store.read((r) => computeAnnualReports(r, YEAR));
      batchMs = Math.min(batchMs, ms(t0));
    }
    if (all.size !== UNITS) throw new Error(`batch returned ${all.size} reports for ${UNITS} units`);

    return { engine, seedMs, single, singleDrill, hand, batchMs, handAllMs };
  } finally {
    await db.close();
    if (keep) console.error(`[${engine}] kept: ${engine === 'postgres' ? `--reuse-pg ${dbName}` : `--reuse-sqlite ${dataDir}`}`);
    else {
      if (dbName) {
        const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${dbName}`);
        await c.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

const m = machine();
console.log(`report-compute: ${UNITS} units, ${APPS} applications, ${ITEMS} items, ${CASES} cases, year ${YEAR}; ${m.cpu}, ${m.cores ?? os.cpus().length} cores, Node ${m.node}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const rows = [];
for (const engine of ENGINE === 'both' ? ['sqlite', 'postgres'] : [ENGINE]) {
  const r = await bench(engine);
  console.error(`${engine} done`);
  rows.push({
    engine,
    'seed s': Number.isNaN(r.seedMs) ? 'kept' : (r.seedMs / 1000).toFixed(0),
    'one unit p50 ms': fmt(median(r.single)),
    'one unit p95 ms': fmt(p95(r.single)),
    'with drill p50 ms': fmt(median(r.singleDrill)),
    'hand SQL p50 ms': fmt(median(r.hand)),
    'ratio p50': (median(r.single) / median(r.hand)).toFixed(2),
    'all units s': (r.batchMs / 1000).toFixed(1),
    'hand SQL all s': (r.handAllMs / 1000).toFixed(1),
    'ratio all': (r.batchMs / r.handAllMs).toFixed(2),
  });
}
table(rows, Object.keys(rows[0]));
