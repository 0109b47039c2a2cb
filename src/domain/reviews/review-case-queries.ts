/** Reading the register: a unit's (or the actor's units') cases, with the linked application's receipt number and reply. */
import { DomainError, notFound } from '../errors.js';
import { OUTCOMES } from '../requests/outcome.js';
import type { Actor, Deps, Repos } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { canEditCases, canReadCases } from './review-access.js';
import { REVIEW_KINDS, REVIEW_OUTCOMES, reviewColumnFor, type ReviewCase, type ReviewKind } from './review-case.js';

export interface ReviewCaseView extends ReviewCase {
  unitName: string;
  kindLabel: string;
  outcomeLabel: string | null;
  /** 尚未审结 today. */
  pending: boolean;
  application: { id: string; receiptNo: string; receivedOn: string | null; repliedOn: string | null; outcome: string | null; outcomeLabel: string | null } | null;
  canEdit: boolean;
}

async function present(r: Repos, actor: Actor, cases: ReviewCase[], names: Map<string, string>, tree: Parameters<typeof canEditCases>[2]): Promise<ReviewCaseView[]> {
  const out: ReviewCaseView[] = [];
  for (const c of cases) {
    const app = c.applicationId ? await r.applications.get(c.applicationId) : undefined;
    out.push({
      ...c, unitName: names.get(c.unitId) ?? '', kindLabel: REVIEW_KINDS[c.kind], outcomeLabel: c.outcome ? REVIEW_OUTCOMES[c.outcome] : null,
      pending: c.concludedOn === null,
      application: app ? { id: app.id, receiptNo: app.receiptNo, receivedOn: app.receivedOn, repliedOn: app.repliedOn, outcome: app.outcome, outcomeLabel: app.outcome ? OUTCOMES[app.outcome].label : null } : null,
      canEdit: canEditCases(actor, c.unitId, tree),
    });
  }
  return out;
}

export async function listReviewCases(
  deps: Deps, actor: Actor, q: { unitId?: string | undefined; year?: number | undefined; kind?: ReviewKind | undefined; offset: number; limit: number },
): Promise<{ total: number; items: ReviewCaseView[]; canEdit: boolean }> {
  return deps.store.read(async (r) => {
    const { tree, units } = await loadTree(r);
    let unitIds = units.map((u) => u.id).filter((id) => canReadCases(actor, id, tree));
    if (q.unitId) {
      if (!canReadCases(actor, q.unitId, tree)) throw notFound('单位');
      unitIds = [q.unitId];
    }
    const page = await r.reviewCases.list({ unitIds, year: q.year, kind: q.kind, offset: q.offset, limit: q.limit });
    // canEdit: may the actor register cases for the chosen unit (the list page's 登记 button).
    const canEdit = q.unitId ? canEditCases(actor, q.unitId, tree) : false;
    return { total: page.total, items: await present(r, actor, page.items, new Map(units.map((u) => [u.id, u.name])), tree), canEdit };
  });
}

export async function getReviewCase(deps: Deps, actor: Actor, id: string): Promise<ReviewCaseView> {
  return deps.store.read(async (r) => {
    const { tree, units } = await loadTree(r);
    const c = await r.reviewCases.get(id);
    if (!c || !canReadCases(actor, c.unitId, tree)) throw notFound('复议诉讼案件');
    const [view] = await present(r, actor, [c], new Map(units.map((u) => [u.id, u.name])), tree);
    if (!view) throw new DomainError('NOT_FOUND', '复议诉讼案件不存在');
    return view;
  });
}

/** The table 四 column of a case in a year (for the register list). */
export { reviewColumnFor };
