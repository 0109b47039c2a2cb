/**
 * The comparison use case (issue 6 item 5): a supervising unit (report.read on it; otherwise "not found") and its
 * directly subordinate active units, their accepted and published reports in a range of years, read in one
 * transaction: the documents, the year before each (R5/R7), the platform's publication counts and fee records
 * for reports computed here. Imported history has neither: its figures come from the document alone.
 */
import { beijingDate } from '../calendar/civil-date.js';
import { DomainError } from '../errors.js';
import { can } from '../policy/policy.js';
import type { Actor, Deps, Unit } from '../ports.js';
import { buildComparison, COMPARED_STATUSES, type Comparison, type ComparisonInput, type ComparisonUnit } from './comparison.js';
import { unitScope } from './workflow-context.js';
import type { AnnualReport } from './workflow-record.js';

/** Annual reports exist from 2008 (the 2008 Regulation); a range longer than this is a mistake, not a query. */
export const MAX_COMPARISON_YEARS = 20;

function fail(field: string, message: string): never {
  throw new DomainError('VALIDATION', message, { fields: [{ path: field, message }] });
}

/** Defaults: the last five report years (the year before the current Beijing year and the four before it). */
export function comparisonRange(today: string, from?: number, to?: number): { from: number; to: number } {
  const current = Number(today.slice(0, 4));
  const end = to ?? current - 1;
  const start = from ?? Math.max(2008, end - 4);
  if (!Number.isInteger(end) || end < 2008 || end > current) fail('to', `截止年度应为 2008 至 ${current} 之间的年份`);
  if (!Number.isInteger(start) || start < 2008) fail('from', '起始年度不早于 2008 年（《政府信息公开条例》施行之年）');
  if (start > end) fail('from', '起始年度不能晚于截止年度');
  if (end - start + 1 > MAX_COMPARISON_YEARS) fail('from', `一次最多比较 ${MAX_COMPARISON_YEARS} 个年度，请缩小年度范围`);
  return { from: start, to: end };
}

export async function reportComparison(deps: Deps, actor: Actor, unitId: string, range: { from?: number; to?: number }): Promise<Comparison> {
  const { from, to } = comparisonRange(beijingDate(Date.parse(deps.clock.now())), range.from, range.to);
  return deps.store.read(async (r) => {
    const scope = await unitScope(r, actor, unitId);
    const byId = new Map(scope.units.map((u) => [u.id, u]));
    const children = scope.tree.childrenOf(unitId).map((id) => byId.get(id))
      .filter((u): u is Unit => !!u && u.status === 'active' && can(actor, 'report.read', u.id, scope.tree))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh'));
    const units: ComparisonUnit[] = [{ id: scope.unit.id, name: scope.unit.name, own: true }, ...children.map((u) => ({ id: u.id, name: u.name, own: false }))];
    const ids = units.map((u) => u.id);

    // The year before the range too: R5/R7 compare each report with its predecessor.
    const all: AnnualReport[] = [];
    for (let y = from - 1; y <= to; y++) all.push(...(await r.annualReports.listForYear(y, ids)));
    const byUnitYear = new Map(all.map((x) => [`${x.unitId}:${x.year}`, x]));
    const compared = all.filter((x) => x.year >= from && COMPARED_STATUSES.includes(x.status));

    const months = await r.publications.countPublishedByMonth(ids, `${from}-01-01`, `${to}-12-31`);
    const published = new Map<string, number>();
    for (const m of months) {
      const key = `${m.unitId}:${m.month.slice(0, 4)}`;
      published.set(key, (published.get(key) ?? 0) + Number(m.count));
    }

    const reports: ComparisonInput[] = [];
    for (const x of compared) {
      const computed = x.origin === 'computed';
      reports.push({
        reportId: x.id, unitId: x.unitId, year: x.year, status: x.status, origin: x.origin, doc: x.doc,
        previousDoc: byUnitYear.get(`${x.unitId}:${x.year - 1}`)?.doc ?? null,
        publishedRecords: computed ? (published.get(`${x.unitId}:${x.year}`) ?? 0) : null,
        fees: computed ? await r.annualReports.feesCollectedYuan(x.unitId, x.year) : null,
      });
    }
    return buildComparison({
      unit: { id: scope.unit.id, name: scope.unit.name }, from, to, units, reports,
      statuses: all.filter((x) => x.year >= from).map((x) => ({ unitId: x.unitId, year: x.year, status: x.status })),
    });
  });
}
