/**
 * The supervising office's board for a year (issue 5 item 6): every subordinate unit's report status including
 * "not started" and "late" (past its Art. 49 deadline and not published, by the clock), the summary report of the
 * accepted and published subordinate reports, validated by the same rules, and each unit's share of key cells.
 */
import { beijingDate } from '../calendar/civil-date.js';
import { DomainError } from '../errors.js';
import { can } from '../policy/policy.js';
import type { Actor, Deps, Repos, Unit } from '../ports.js';
import type { UnitTree } from '../units/tree.js';
import { daysLeft, isLate, reportDueDate } from './deadlines.js';
import type { AnnualReportDoc } from './interchange.js';
import { templateForYear } from './templates.js';
import { breakdown, sumReports, type RollupInput } from './rollup.js';
import { unitScope } from './workflow-context.js';
import type { AnnualReport } from './workflow-record.js';
import { REPORT_STATUSES, type ReportStatus } from './workflow-status.js';
import { validateDoc } from './workflow-validation.js';

export interface StatusRow {
  unitId: string;
  unitName: string;
  unitType: string;
  reportId: string | null;
  status: ReportStatus | 'notStarted';
  statusLabel: string;
  late: boolean;
  due: string;
  dueBasis: string;
  daysLeft: number;
  submittedAt: string | null;
  decidedAt: string | null;
  returnComment: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
}

export function statusRow(unit: Unit, tree: UnitTree, byId: Map<string, Unit>, year: number, report: AnnualReport | undefined, settings: Awaited<ReturnType<Repos['annualReports']['listDeadlines']>>, today: string): StatusRow {
  const ancestors = tree.ancestors(unit.id).map((id) => byId.get(id)).filter((u): u is Unit => !!u);
  const due = reportDueDate(unit, ancestors, year, settings);
  const status = report?.status ?? 'notStarted';
  const late = isLate(due.due, report?.status ?? null, today);
  return {
    unitId: unit.id, unitName: unit.name, unitType: unit.type, reportId: report?.id ?? null, status,
    statusLabel: (status === 'notStarted' ? '未开始' : REPORT_STATUSES[status]) + (late ? '（已逾期）' : ''),
    late, due: due.due, dueBasis: due.basis, daysLeft: daysLeft(due.due, today),
    submittedAt: report?.submittedAt ?? null, decidedAt: report?.decidedAt ?? null, returnComment: report?.returnComment ?? null,
    publishedAt: report?.publishedAt ?? null, updatedAt: report?.updatedAt ?? null,
  };
}

const today = (deps: Deps) => beijingDate(Date.parse(deps.clock.now()));

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 2008 || year > 2200) throw new DomainError('VALIDATION', '请填写正确的年度', { fields: [{ path: 'year', message: '请填写正确的年度' }] });
}

async function subordinates(r: Repos, actor: Actor, unitId: string, year: number) {
  assertYear(year);
  const scope = await unitScope(r, actor, unitId);
  const byId = new Map(scope.units.map((u) => [u.id, u]));
  const children = scope.tree.childrenOf(unitId).map((id) => byId.get(id)).filter((u): u is Unit => !!u && u.status === 'active')
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh'));
  const reports = await r.annualReports.listForYear(year, [unitId, ...children.map((c) => c.id)]);
  return { scope, byId, children, reports: new Map(reports.map((x) => [x.unitId, x])) };
}

export async function rollupBoard(deps: Deps, actor: Actor, unitId: string, year: number) {
  return deps.store.read(async (r) => {
    const { scope, byId, children, reports } = await subordinates(r, actor, unitId, year);
    const settings = await r.annualReports.listDeadlines();
    const d = today(deps);
    const rows = children.map((u) => statusRow(u, scope.tree, byId, year, reports.get(u.id), settings, d));
    const counts: Record<string, number> = { notStarted: 0, draft: 0, submitted: 0, returned: 0, accepted: 0, published: 0, late: 0 };
    for (const row of rows) {
      counts[row.status] = (counts[row.status] ?? 0) + 1;
      if (row.late) counts.late = (counts.late ?? 0) + 1;
    }
    return {
      unit: { id: scope.unit.id, name: scope.unit.name }, year, today: d,
      own: statusRow(scope.unit, scope.tree, byId, year, reports.get(scope.unit.id), settings, d),
      rows, counts,
      mayDecide: can(actor, 'report.edit', scope.unit.id, scope.tree),
    };
  });
}

/** Accepted and published reports are summed by default; `all` includes drafts for a preview. */
export async function rollupSummary(deps: Deps, actor: Actor, unitId: string, year: number, opts: { all?: boolean } = {}) {
  return deps.store.read(async (r) => {
    const { scope, children, reports } = await subordinates(r, actor, unitId, year);
    const counted: ReportStatus[] = opts.all ? ['draft', 'returned', 'submitted', 'accepted', 'published'] : ['accepted', 'published'];
    const inputs: RollupInput[] = [];
    const notIncluded: { unitId: string; unitName: string; status: string }[] = [];
    for (const c of children) {
      const rep = reports.get(c.id);
      if (rep && counted.includes(rep.status)) inputs.push({ unitId: c.id, unitName: c.name, doc: rep.doc });
      else notIncluded.push({ unitId: c.id, unitName: c.name, status: rep ? REPORT_STATUSES[rep.status] : '未开始' });
    }
    const template = templateForYear(year);
    const unit = { name: `${scope.unit.name}（所属${inputs.length}个单位汇总）`, code: null };
    const sum = sumReports(template, year, unit, inputs);
    const doc: AnnualReportDoc = sum.doc;
    const validation = validateDoc(doc, null);
    return {
      unit: { id: scope.unit.id, name: scope.unit.name }, year, template, doc, validation,
      included: inputs.map((i) => ({ unitId: i.unitId, unitName: i.unitName })), notIncluded, nullCells: sum.nullCells, excluded: sum.excluded,
      breakdown: breakdown(template, doc, inputs),
    };
  });
}
