/** Shared steps of the import-review use cases: who may see and change an import, saving, auditing, findings. */
import { getCell, setCell, type AnnualReportDoc } from '../../annual-report/interchange.js';
import { validateAnnualReport } from '../../annual-report/validate.js';
import { DomainError, notFound } from '../../errors.js';
import { can } from '../../policy/policy.js';
import type { Actor, Repos, Unit } from '../../ports.js';
import type { UnitTree } from '../../units/tree.js';
import { loadTree } from '../../units/unit-context.js';
import { IMPORT_STATUSES, type ImportFindings, type ManualCorrection, type ReportImport } from './model.js';

export interface ImportScope {
  imp: ReportImport;
  units: Unit[];
  tree: UnitTree;
}

/** Visible to whoever may read reports of the unit it was uploaded under, or of its target unit; else "not found". */
export function mayRead(actor: Actor, imp: Pick<ReportImport, 'ownerUnitId' | 'unitId'>, tree: UnitTree): boolean {
  return can(actor, 'report.read', imp.ownerUnitId, tree) || (imp.unitId !== null && can(actor, 'report.read', imp.unitId, tree));
}

export async function importScope(r: Repos, actor: Actor, id: string): Promise<ImportScope> {
  const imp = await r.reportImports.get(id);
  if (!imp) throw notFound('导入记录');
  const { units, tree } = await loadTree(r);
  if (!mayRead(actor, imp, tree)) throw notFound('导入记录');
  return { imp, units, tree };
}

/** Reviewing (correcting, choosing the unit, deciding) needs report.edit where the import is visible. */
export function assertMayReview(actor: Actor, s: ImportScope): void {
  const { imp, tree } = s;
  if (can(actor, 'report.edit', imp.ownerUnitId, tree) || (imp.unitId !== null && can(actor, 'report.edit', imp.unitId, tree))) return;
  throw new DomainError('FORBIDDEN', '您没有核对历史年报导入的权限（需要该单位公开办管理员角色）');
}

export function assertPending(imp: ReportImport): void {
  if (imp.status !== 'pending') {
    throw new DomainError('INVALID_STATE', `该导入记录${IMPORT_STATUSES[imp.status]}，不能再修改${imp.status === 'discarded' ? '；如需继续核对，请先恢复' : ''}`);
  }
}

export function assertVersion(imp: ReportImport, version: number): void {
  if (imp.version !== version) throw new DomainError('CONFLICT', '该导入记录刚刚被他人修改，请刷新后重试');
}

/** Writes conditionally on the version read; a concurrent change makes this one fail clearly. */
export async function saveImport(r: Repos, next: ReportImport, before: ReportImport): Promise<void> {
  if (!(await r.reportImports.updateIf(next, before.version))) throw new DomainError('CONFLICT', '该导入记录刚刚被他人修改，请刷新后重试');
}

export async function auditImport(
  r: Repos, actor: Actor, imp: ReportImport, action: string, at: string, before: unknown, after: unknown,
): Promise<void> {
  await r.audit.append({
    actorId: actor.accountId, actorName: actor.name, unitId: imp.unitId ?? imp.ownerUnitId, action: `reportImport.${action}`,
    entityType: 'reportImport', entityId: imp.id, before, after, ip: actor.ip ?? null,
  }, at);
}

/** The document as read with the hand corrections on top (corrections whose cell the template lacks are skipped). */
export function correctedDoc(doc: AnnualReportDoc, corrections: Record<string, ManualCorrection>): AnnualReportDoc {
  let out = doc;
  for (const [path, c] of Object.entries(corrections)) if (getCell(out, path) !== undefined) out = setCell(out, path, c.value);
  return out;
}

/**
 * Rules R1–R9 on the corrected document (annual-report-format.md §5): findings about the report, kept apart from
 * reading warnings. R5/R7 compare with last year's report of the target unit when there is one.
 */
export async function findingsFor(r: Repos, imp: Pick<ReportImport, 'doc' | 'corrections' | 'unitId'>): Promise<ImportFindings | null> {
  if (!imp.doc) return null;
  const doc = correctedDoc(imp.doc, imp.corrections);
  const previous = imp.unitId ? (await r.annualReports.getByUnitYear(imp.unitId, doc.year - 1))?.doc ?? null : null;
  const v = validateAnnualReport(doc, { previous });
  const brief = (c: { rule: string; message: string; cells: string[] }) => ({ rule: c.rule, message: c.message, cells: c.cells });
  return { ok: v.ok, errors: v.errors.map(brief), warnings: v.warnings.map(brief), skipped: v.skipped.length };
}
