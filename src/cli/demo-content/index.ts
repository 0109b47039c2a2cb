/**
 * Demo content for 安澜市 (issue 4 item 8, issue 5): every unit gets 200+ published items across its catalogue,
 * with real 索引号, review ledger, search index and timeliness, a few corrections and withdrawals; and the report
 * year (last year) gets applications with outcomes across table 三, review cases, other channels and the figures
 * from other systems, so `report compute` and the admin 年度报告 pages show a full report.
 * `content: 'minimal'` publishes one item per column (quick tests); 'none' leaves the catalogue empty.
 */
import { beijingDate } from '../../domain/calendar/civil-date.js';
import type { Actor, Deps } from '../../domain/ports.js';
import type { Role } from '../../domain/glossary.js';
import { calendarForUnit } from '../../domain/requests/unit-calendar.js';
import { DEMO_ACCOUNTS, DEMO_UNITS } from '../demo-data.js';
import { makeDemoFiles } from './attachments.js';
import { seedApplications, scenarios } from './applications.js';
import { assignDocNumbers, planUnit, type ItemSpec } from './plan.js';
import { correctSome, withdrawOne } from './post-publication.js';
import { PROFILES } from './profiles.js';
import { Prng } from './prng.js';
import { publishBatch } from './publish.js';
import { seedManualEntries, seedOffline, seedReviewCases } from './report-data.js';

export type DemoContent = 'full' | 'minimal' | 'none';

export interface DemoContentResult {
  published: number;
  withdrawn: number;
  corrected: number;
  applications: number;
  reviewCases: number;
  offline: number;
  manualEntries: number;
  perUnit: Record<string, number>;
}

export async function seedDemoContent(deps: Deps, unitIds: Map<string, string>, accountIds: Map<string, string>, content: DemoContent): Promise<DemoContentResult> {
  const result: DemoContentResult = { published: 0, withdrawn: 0, corrected: 0, applications: 0, reviewCases: 0, offline: 0, manualEntries: 0, perUnit: {} };
  if (content === 'none') return result;
  const minimal = content === 'minimal';
  const nowMs = Date.parse(deps.clock.now());
  const today = beijingDate(nowMs);
  const year = Number(today.slice(0, 4));
  // Published in office hours (09:00–17:59 Beijing) before now.
  const lastDay = beijingDate(nowMs - 18 * 3_600_000);
  const files = makeDemoFiles(deps.blobs);
  files.catch(() => undefined);
  const root = new Prng('anlan-demo');

  const account = (username: string): Actor => {
    const a = DEMO_ACCOUNTS.find((x) => x.username === username)!;
    return { accountId: accountIds.get(username) ?? null, name: a.displayName, unitId: unitIds.get(a.unitKey) ?? null, roles: [{ unitId: unitIds.get(a.roleUnitKey)!, role: a.role as Role }] };
  };
  const named = (name: string, unitKey: string): Actor => ({ accountId: null, name, unitId: unitIds.get(unitKey) ?? null, roles: [], system: true });
  const finalApprover = account('gkb');

  const govId = unitIds.get('gov')!;
  const cal = await deps.store.read((r) => calendarForUnit(deps, r, govId));

  for (const u of DEMO_UNITS) {
    const profile = PROFILES[u.key];
    const unitId = unitIds.get(u.key);
    if (!profile || !unitId) continue;
    const rng = root.fork(u.key);
    const columns = new Map((await deps.store.read((r) => r.catalogue.columns(unitId))).filter((c) => c.acceptsItems).map((c) => [c.code, c.id]));
    const specs = planUnit(profile, { name: u.name, phone: String(u.phone ?? ''), address: String(u.address ?? ''), normative: profile.kind !== 'township' }, new Set(columns.keys()), cal, rng.fork('plan'),
      { today, lastDay, start: `${year - 2}-01-04`, minimal });
    assignDocNumbers(specs, profile.docPrefix, rng.fork('docno'));
    specs.sort((a, b) => a.publishAt.localeCompare(b.publishAt) || a.key.localeCompare(b.key));
    const people = u.key === 'fgw'
      ? { drafter: account('xxy'), stages: [account('shy'), account('fsh'), finalApprover] }
      : { drafter: named(profile.staff[0], u.key), stages: [named(profile.staff[1], u.key), named(profile.staff[2], u.key), finalApprover] };
    const ids = new Map<string, string>();
    const demoFiles = await files;
    for (let i = 0; i < specs.length; i += 400) result.published += await publishBatch(deps, unitId, columns, specs.slice(i, i + 400), ids, people, demoFiles, u.name);
    result.perUnit[String(u.slug ?? u.key)] = specs.length;
    if (minimal) continue;

    result.corrected += await correctSome(deps, people.drafter, finalApprover, specs, ids, rng.fork('corrections'), 3);
    const withdrawal = WITHDRAWALS[u.key];
    if (withdrawal) {
      const spec = pickRecent(specs, withdrawal.column);
      if (await withdrawOne(deps, people.drafter, finalApprover, spec, ids, rng.fork('withdraw'), withdrawal.reason)) {
        result.withdrawn++;
        result.perUnit[String(u.slug ?? u.key)]!--;
      }
    }
  }
  if (minimal) return result;

  // The report year: last year's applications, cases, other channels and figures from other systems.
  const reportYear = year - 1;
  const jbr = account('jbr');
  const system: Actor = { accountId: null, name: '命令行(init --demo)', unitId: null, roles: [], system: true, ip: null };
  for (const u of DEMO_UNITS) {
    const profile = PROFILES[u.key];
    const unitId = unitIds.get(u.key);
    if (!profile || !unitId) continue;
    const rng = root.fork(`report-${u.key}`);
    const rich = u.key === 'fgw' || u.key === 'gov';
    // jbr (陈静) handles the government's applications; each department and township has its own 经办人.
    const handler = u.key === 'gov' ? jbr : named(profile.staff[0], u.key);
    const apps = await seedApplications(deps, handler, unitId, profile.kind, cal, rng, scenarios(rng, reportYear, rich, today), today);
    result.applications += apps.length;
    const cases = u.key === 'fgw' ? 4 : u.key === 'gov' || u.key === 'zrzy' ? 2 : 0;
    if (cases) result.reviewCases += await seedReviewCases(deps, handler, unitId, apps, reportYear, today, rng, cases);
    result.offline += await seedOffline(deps, system, unitId, profile.kind, profile.short, reportYear, rng);
    result.manualEntries += await seedManualEntries(deps, system, unitId, profile.kind, [reportYear - 1, reportYear], rng);
  }
  return result;
}

/** One withdrawal in a department and one in a township (rules.md §2: a withdrawn URL says so, not 404). */
const WITHDRAWALS: Record<string, { column: string; reason: string }> = {
  fgw: { column: 'tzgg', reason: '该通知与已发布的通知内容重复，予以撤稿' },
  cgz: { column: 'gzdt', reason: '稿件中的数据未经核实，予以撤稿，核实后重新发布' },
};

function pickRecent(specs: ItemSpec[], column: string): ItemSpec | undefined {
  const inColumn = specs.filter((s) => s.columnCode === column && !s.interprets);
  return inColumn[Math.floor(inColumn.length * 0.6)];
}
