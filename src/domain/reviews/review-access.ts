/**
 * Who may see and keep the register: those who handle the unit's applications (caseHandler) and the disclosure
 * office (report.edit, officeAdmin) write; anyone who may read the unit's applications or reports reads
 * (supervisor). Another unit's cases answer 404, like every other record.
 */
import { DomainError, forbidden, notFound } from '../errors.js';
import { can } from '../policy/policy.js';
import type { Actor, Repos } from '../ports.js';
import type { Application } from '../requests/application.js';
import type { UnitTree } from '../units/tree.js';

export const canReadCases = (actor: Actor, unitId: string, tree: UnitTree) =>
  can(actor, 'request.read', unitId, tree) || can(actor, 'report.read', unitId, tree);
export const canEditCases = (actor: Actor, unitId: string, tree: UnitTree) =>
  can(actor, 'request.handle', unitId, tree) || can(actor, 'report.edit', unitId, tree);

export function assertCanEditCases(actor: Actor, unitId: string, tree: UnitTree): void {
  if (!canReadCases(actor, unitId, tree)) throw notFound('单位');
  if (!canEditCases(actor, unitId, tree)) throw forbidden('您没有登记复议诉讼案件的权限（需依申请经办人或公开办管理员）');
}

/**
 * The application a case challenges, by 受理编号 or id. It must belong to the case's unit (a case is counted in
 * the report of the unit whose reply is challenged); an application of a unit the actor cannot see is "not found".
 */
export async function resolveLinkedApplication(
  r: Repos, actor: Actor, tree: UnitTree, ref: { receiptNo?: string | null | undefined; applicationId?: string | null | undefined },
): Promise<Application | null> {
  if (!ref.receiptNo && !ref.applicationId) return null;
  const app = ref.applicationId ? await r.applications.get(ref.applicationId) : await r.applications.getByReceiptNo(ref.receiptNo!.trim().toUpperCase());
  const path = ref.applicationId ? 'applicationId' : 'receiptNo';
  if (!app || !canReadCases(actor, app.unitId, tree)) {
    throw new DomainError('VALIDATION', `找不到受理编号为“${ref.receiptNo ?? ref.applicationId}”的申请，请核对答复书上的受理编号`, { fields: [{ path, message: '找不到该申请' }] });
  }
  return app;
}
