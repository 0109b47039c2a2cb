/** Registering a reconsideration or litigation case (Art. 51) in the unit's register, audited in the same transaction. */
import { beijingDate } from '../calendar/civil-date.js';
import { invalid } from '../errors.js';
import type { Actor, Deps } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { parseInput } from '../validate.js';
import { assertCanEditCases, resolveLinkedApplication } from './review-access.js';
import { reviewCaseFields, reviewCaseSnapshot, reviewDateProblems, type ReviewCase } from './review-case.js';
import { checkLink } from './review-link.js';

export async function registerReviewCase(deps: Deps, actor: Actor, input: unknown): Promise<ReviewCase> {
  const data = parseInput(reviewCaseFields, input);
  const today = beijingDate(Date.parse(deps.clock.now()));
  const problems = reviewDateProblems(data, today);
  if (problems.length) throw invalid(problems);
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const app = await resolveLinkedApplication(r, actor, tree, data);
    const unitId = data.unitId ?? app?.unitId;
    if (!unitId) throw invalid([{ path: 'unitId', message: '请选择单位' }]);
    assertCanEditCases(actor, unitId, tree);
    checkLink(app, unitId, data);
    const now = deps.clock.now();
    const c: ReviewCase = {
      id: deps.newId(), unitId, applicationId: app?.id ?? null, kind: data.kind, filedOn: data.filedOn, body: data.body,
      caseNo: data.caseNo ?? null, challengedNotice: data.challengedNotice ?? null, outcome: data.outcome ?? null,
      concludedOn: data.concludedOn ?? null, remarks: data.remarks ?? null, createdAt: now, createdBy: actor.accountId, updatedAt: now,
    };
    await r.reviewCases.insert(c);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId, action: 'reviewCase.create', entityType: 'reviewCase', entityId: c.id, after: reviewCaseSnapshot(c), ip: actor.ip ?? null }, now);
    return c;
  });
}
