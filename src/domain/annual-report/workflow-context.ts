/** Shared steps of the report use cases: finding a report the actor may see, the event + audit rows of a change. */
import { DomainError, notFound } from '../errors.js';
import { can, type Action } from '../policy/policy.js';
import type { Actor, Deps, Repos, Unit } from '../ports.js';
import type { UnitTree } from '../units/tree.js';
import { loadTree } from '../units/unit-context.js';
import type { AnnualReport, AnnualReportEvent } from './workflow-record.js';
import { ACTION_SIDE, supervisingUnitId, type ReportAction, type ReportStatus } from './workflow-status.js';

export interface ReportScope {
  tree: UnitTree;
  units: Unit[];
  unit: Unit;
  /** The unit whose office accepts or returns this unit's report (itself for a government's own report). */
  supervisor: Unit;
}

/** Another unit's report, or one the actor may not read, is "not found" (no existence leak). */
export async function unitScope(r: Repos, actor: Actor, unitId: string): Promise<ReportScope> {
  const { units, tree } = await loadTree(r);
  const unit = units.find((u) => u.id === unitId);
  if (!unit || !can(actor, 'report.read', unit.id, tree)) throw notFound('单位');
  const supId = supervisingUnitId(unit);
  const supervisor = (supId && units.find((u) => u.id === supId)) || unit;
  return { tree, units, unit, supervisor };
}

export async function reportScope(r: Repos, actor: Actor, reportId: string): Promise<ReportScope & { report: AnnualReport }> {
  const report = await r.annualReports.get(reportId);
  if (!report) throw notFound('年度报告');
  const { units, tree } = await loadTree(r);
  const unit = units.find((u) => u.id === report.unitId);
  if (!unit || !can(actor, 'report.read', unit.id, tree)) throw notFound('年度报告');
  const supId = supervisingUnitId(unit);
  const supervisor = (supId && units.find((u) => u.id === supId)) || unit;
  return { tree, units, unit, supervisor, report };
}

/** report.edit on the unit for its own steps, on the supervising unit for accept/return (Art. 49: 主管部门). */
export function assertMayAct(actor: Actor, scope: ReportScope, action: ReportAction): void {
  const side = ACTION_SIDE[action];
  const target = side === 'supervisor' ? scope.supervisor : scope.unit;
  const policy: Action = 'report.edit';
  if (!can(actor, policy, target.id, scope.tree)) {
    throw new DomainError('FORBIDDEN', side === 'supervisor'
      ? `只有${target.name}的政府信息公开工作机构可以审核本报告`
      : `您没有编辑${scope.unit.name}年度报告的权限（需要该单位公开办管理员角色）`);
  }
}

export async function recordReportChange(
  deps: Deps, r: Repos, actor: Actor, report: AnnualReport, action: ReportAction, from: ReportStatus | null, comment: string | null,
  auditExtra: Record<string, unknown> = {},
): Promise<AnnualReportEvent> {
  const events = await r.annualReports.events(report.id);
  const event: AnnualReportEvent = {
    id: deps.newId(), reportId: report.id, seq: (events.at(-1)?.seq ?? 0) + 1, action, fromStatus: from, toStatus: report.status,
    at: report.updatedAt, actorId: actor.accountId, actorName: actor.name, comment,
  };
  await r.annualReports.appendEvent(event);
  await r.audit.append({
    actorId: actor.accountId, actorName: actor.name, unitId: report.unitId, action: `annualReport.${action}`, entityType: 'annualReport',
    entityId: report.id, before: from ? { status: from } : undefined, after: { status: report.status, year: report.year, version: report.version, ...auditExtra },
    ip: actor.ip ?? null,
  }, report.updatedAt);
  return event;
}

/** Writes conditionally on the status and version read; a concurrent change makes this one fail clearly. */
export async function saveIfUnchanged(r: Repos, next: AnnualReport, before: AnnualReport): Promise<void> {
  if (!(await r.annualReports.updateIf(next, { status: before.status, version: before.version }))) {
    throw new DomainError('CONFLICT', '该年度报告刚刚被他人修改，请刷新后重试');
  }
}

/** Report years: the 2008 Regulation introduced annual reports; a year can be drafted while it runs. */
export function assertReportYear(year: number, today: string): void {
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 2008 || year > current) {
    throw new DomainError('VALIDATION', `年度应为 2008 至 ${current} 之间的年份`, { fields: [{ path: 'year', message: `请填写 2008 至 ${current} 之间的年份` }] });
  }
}
