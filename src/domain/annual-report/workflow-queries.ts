/** Reading reports: the yearly list with status and deadline, one report with everything the editor needs, the public view. */
import { beijingDate } from '../calendar/civil-date.js';
import { DomainError } from '../errors.js';
import { can, unitsWhere } from '../policy/policy.js';
import type { Actor, Deps, Unit } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { statusRow, type StatusRow } from './rollup-board.js';
import { reportScope } from './workflow-context.js';
import type { AnnualReport } from './workflow-record.js';
import { ACTION_SIDE, REPORT_ACTIONS, REPORT_STATUSES, REPORT_TRANSITIONS, type ReportAction } from './workflow-status.js';
import { validateStoredReport } from './workflow-validation.js';

/** Every active unit the actor may read, with its report's status and deadline for the year. */
export async function listReports(deps: Deps, actor: Actor, q: { year: number; unitId?: string | undefined }): Promise<{ year: number; today: string; items: StatusRow[] }> {
  if (!Number.isInteger(q.year) || q.year < 2008 || q.year > 2200) throw new DomainError('VALIDATION', '请填写正确的年度', { fields: [{ path: 'year', message: '请填写正确的年度' }] });
  return deps.store.read(async (r) => {
    const { units, tree } = await loadTree(r);
    const byId = new Map(units.map((u) => [u.id, u]));
    let ids = new Set(unitsWhere(actor, 'report.read', tree, units.map((u) => u.id)));
    if (q.unitId) {
      if (!ids.has(q.unitId)) throw new DomainError('NOT_FOUND', '单位不存在或您无权查看');
      ids = new Set(tree.subtree(q.unitId).filter((id) => ids.has(id)));
    }
    const visible = units.filter((u) => ids.has(u.id) && u.status === 'active')
      .sort((a, b) => tree.depth(a.id) - tree.depth(b.id) || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh'));
    const [reports, settings] = await Promise.all([r.annualReports.listForYear(q.year, visible.map((u) => u.id)), r.annualReports.listDeadlines()]);
    const byUnit = new Map(reports.map((x) => [x.unitId, x]));
    const today = beijingDate(Date.parse(deps.clock.now()));
    return { year: q.year, today, items: visible.map((u) => statusRow(u, tree, byId, q.year, byUnit.get(u.id), settings, today)) };
  });
}

export async function getReport(deps: Deps, actor: Actor, reportId: string) {
  return deps.store.read(async (r) => {
    const scope = await reportScope(r, actor, reportId);
    const { report, unit, supervisor, tree } = scope;
    const byId = new Map(scope.units.map((u) => [u.id, u]));
    const [events, validation, previous, settings] = await Promise.all([
      r.annualReports.events(report.id), validateStoredReport(r, report), r.annualReports.getByUnitYear(report.unitId, report.year - 1), r.annualReports.listDeadlines(),
    ]);
    const today = beijingDate(Date.parse(deps.clock.now()));
    const selfDecided = supervisor.id === unit.id;
    const actions = (Object.keys(REPORT_TRANSITIONS[report.status]) as ReportAction[])
      .filter((a) => a !== 'refresh' && a !== 'edit')
      .filter((a) => (a === 'submit' ? !selfDecided : a === 'finalize' ? selfDecided : true))
      .filter((a) => can(actor, 'report.edit', (ACTION_SIDE[a] === 'supervisor' ? supervisor : unit).id, tree))
      .map((a) => ({ action: a, label: REPORT_ACTIONS[a] }));
    const mayEdit = can(actor, 'report.edit', unit.id, tree) && (report.status === 'draft' || report.status === 'returned');
    return {
      report: present(report),
      unit: unitRef(unit), supervisor: selfDecided ? null : unitRef(supervisor),
      deadline: statusRow(unit, tree, byId, report.year, report, settings, today),
      events, validation, actions, mayEdit,
      mayRefresh: mayEdit && report.origin === 'computed',
      previous: previous ? { id: previous.id, year: previous.year, status: previous.status, narrative: previous.doc.narrative } : null,
    };
  });
}

const unitRef = (u: Unit) => ({ id: u.id, name: u.name, slug: u.slug, type: u.type });

export function present(report: AnnualReport) {
  return { ...report, statusLabel: REPORT_STATUSES[report.status] };
}

/** The public view: only a published report of an active unit (Art. 49: published on the portal). */
export async function getPublishedReport(deps: Deps, slug: string, year: number): Promise<{ unit: Unit; report: AnnualReport } | undefined> {
  return deps.store.read(async (r) => {
    const unit = await r.units.getBySlug(slug);
    if (!unit || unit.status !== 'active') return undefined;
    const report = await r.annualReports.getByUnitYear(unit.id, year);
    return report && report.status === 'published' ? { unit, report } : undefined;
  });
}

/** A unit's published reports, newest year first (the 政府信息公开年报 column). */
export async function listPublishedReports(deps: Deps, unitId: string): Promise<{ year: number; publishedAt: string | null; template: string }[]> {
  return deps.store.read(async (r) => (await r.annualReports.listForUnit(unitId))
    .filter((x) => x.status === 'published').map((x) => ({ year: x.year, publishedAt: x.publishedAt, template: x.template })));
}

export async function reportValidation(deps: Deps, actor: Actor, reportId: string) {
  return deps.store.read(async (r) => {
    const { report } = await reportScope(r, actor, reportId);
    return validateStoredReport(r, report);
  });
}

/** The report and last year's report of the same unit (for compare.ts), both as the actor may read them. */
export async function reportWithPrevious(deps: Deps, actor: Actor, reportId: string): Promise<{ report: AnnualReport; previous: AnnualReport | null; unit: Unit }> {
  return deps.store.read(async (r) => {
    const { report, unit } = await reportScope(r, actor, reportId);
    return { report, unit, previous: (await r.annualReports.getByUnitYear(report.unitId, report.year - 1)) ?? null };
  });
}
