/** Removing a case registered by mistake; the audit log keeps what it was. */
import { notFound } from '../errors.js';
import type { Actor, Deps } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { assertCanEditCases, canReadCases } from './review-access.js';
import { reviewCaseSnapshot } from './review-case.js';

export async function deleteReviewCase(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const before = await r.reviewCases.get(id);
    if (!before || !canReadCases(actor, before.unitId, tree)) throw notFound('复议诉讼案件');
    assertCanEditCases(actor, before.unitId, tree);
    await r.reviewCases.delete(id);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: before.unitId, action: 'reviewCase.delete', entityType: 'reviewCase', entityId: id, before: reviewCaseSnapshot(before), ip: actor.ip ?? null }, deps.clock.now());
  });
}
