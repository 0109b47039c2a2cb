/** Correcting a case or recording its conclusion (outcome and date together), audited with before and after. */
import { beijingDate } from '../calendar/civil-date.js';
import { invalid, notFound } from '../errors.js';
import type { Actor, Deps } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { parseInput } from '../validate.js';
import { assertCanEditCases, canReadCases, resolveLinkedApplication } from './review-access.js';
import { reviewCaseFields, reviewCaseSnapshot, reviewDateProblems, type ReviewCase } from './review-case.js';
import { checkLink } from './review-link.js';

const updateFields = reviewCaseFields.partial().omit({ unitId: true });

export async function updateReviewCase(deps: Deps, actor: Actor, id: string, input: unknown): Promise<ReviewCase> {
  const data = parseInput(updateFields, input);
  const today = beijingDate(Date.parse(deps.clock.now()));
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const before = await r.reviewCases.get(id);
    if (!before || !canReadCases(actor, before.unitId, tree)) throw notFound('复议诉讼案件');
    assertCanEditCases(actor, before.unitId, tree);
    const relink = data.receiptNo !== undefined || data.applicationId !== undefined;
    const app = relink ? await resolveLinkedApplication(r, actor, tree, data) : before.applicationId ? ((await r.applications.get(before.applicationId)) ?? null) : null;
    const after: ReviewCase = {
      ...before,
      applicationId: relink ? (app?.id ?? null) : before.applicationId,
      kind: data.kind ?? before.kind,
      filedOn: data.filedOn ?? before.filedOn,
      body: data.body ?? before.body,
      caseNo: data.caseNo !== undefined ? data.caseNo : before.caseNo,
      challengedNotice: data.challengedNotice !== undefined ? data.challengedNotice : before.challengedNotice,
      outcome: data.outcome !== undefined ? data.outcome : before.outcome,
      concludedOn: data.concludedOn !== undefined ? data.concludedOn : before.concludedOn,
      remarks: data.remarks !== undefined ? data.remarks : before.remarks,
      updatedAt: deps.clock.now(),
    };
    const problems = reviewDateProblems(after, today);
    if (problems.length) throw invalid(problems);
    checkLink(app, before.unitId, after);
    await r.reviewCases.update(after);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: before.unitId, action: 'reviewCase.update', entityType: 'reviewCase', entityId: id, before: reviewCaseSnapshot(before), after: reviewCaseSnapshot(after), ip: actor.ip ?? null }, after.updatedAt);
    return after;
  });
}
