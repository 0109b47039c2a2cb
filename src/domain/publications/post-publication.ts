/**
 * After publication (rules.md §2): withdrawal (撤稿) and correction (更正) each need a reason and the approval of
 * the final stage's role, and leave a public trace — a corrected item shows when and why it was corrected, a
 * withdrawn item keeps its URL with the withdrawal notice. 索引号 and 发布日期 never change.
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { can } from '../policy/policy.js';
import type { Actor, Deps, Repos } from '../ports.js';
import type { UnitTree } from '../units/tree.js';
import { loadTreeOnly } from '../units/unit-context.js';
import { parseInput } from '../validate.js';
import { canActAtStage, checkOrThrow, loadItem, recordStep, settingsFor } from './item-context.js';
import { itemContentInput } from './item-input.js';
import { contentOf } from './manage-items.js';
import type { ItemContent, PublicationItem } from './model.js';
import { searchDocumentOf } from './publish.js';
import { assertTransition, CONCURRENT_CHANGE } from './workflow.js';

const reason = (label: string) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(2000, `${label}不能超过2000字`);

const withdrawInput = z.object({ reason: reason('撤稿理由') }, { error: '请求内容应为对象' });
const correctionInput = z.object({
  reason: reason('更正说明'),
  changes: itemContentInput.omit({ interpretsId: true, previousVersionId: true, amendsIds: true, repealsIds: true }).partial(),
}, { error: '请求内容应为对象' });
const decisionInput = z.object({ comment: z.string().trim().max(2000, '意见不能超过2000字').optional() }, { error: '请求内容应为对象' });

function assertMayRequest(actor: Actor, unitId: string, tree: UnitTree): void {
  if (!can(actor, 'publication.draft', unitId, tree) && !can(actor, 'publication.review', unitId, tree)) {
    throw new DomainError('FORBIDDEN', '只有本单位的信息员或审核人员可以申请撤稿或更正');
  }
}

async function assertFinalStage(r: Repos, actor: Actor, item: PublicationItem, tree: UnitTree, now: string): Promise<{ n: number; name: string }> {
  const settings = await settingsFor(r, item.unitId, now);
  const final = settings.stages[settings.stages.length - 1];
  if (!final || !canActAtStage(actor, final, item.unitId, tree)) throw new DomainError('FORBIDDEN', `撤稿和更正须由“${final?.name ?? '终审'}”环节的人员批准`);
  if (settings.fourEyes && item.pending?.requestedBy && item.pending.requestedBy === actor.accountId) {
    throw new DomainError('FORBIDDEN', '申请人不能批准自己的申请（双人审核），请由其他人员办理');
  }
  return { n: settings.stages.length, name: final.name };
}

export async function requestWithdrawal(deps: Deps, actor: Actor, id: string, input: unknown): Promise<PublicationItem> {
  const d = parseInput(withdrawInput, input ?? {});
  return request(deps, actor, id, 'requestWithdraw', { kind: 'withdraw', reason: d.reason });
}

export async function requestCorrection(deps: Deps, actor: Actor, id: string, input: unknown): Promise<PublicationItem> {
  const d = parseInput(correctionInput, input ?? {});
  // Only the fields the request names: the schema's defaults must not blank the others.
  const named = new Set(Object.keys((input as { changes?: object } | null)?.changes ?? {}));
  d.changes = Object.fromEntries(Object.entries(d.changes).filter(([k]) => named.has(k))) as typeof d.changes;
  if (Object.keys(d.changes).length === 0) throw new DomainError('VALIDATION', '请填写需要更正的内容', { fields: [{ path: 'changes', message: '没有更正内容' }] });
  return request(deps, actor, id, 'requestCorrection', { kind: 'correct', reason: d.reason, changes: d.changes as Partial<ItemContent> });
}

async function request(deps: Deps, actor: Actor, id: string, action: 'requestWithdraw' | 'requestCorrection', p: { kind: 'withdraw' | 'correct'; reason: string; changes?: Partial<ItemContent> }) {
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    const before = await loadItem(r, actor, id, tree);
    assertMayRequest(actor, before.unitId, tree);
    assertTransition(action, before.status);
    if (before.pending) throw new DomainError('INVALID_STATE', `该信息已有待批准的${before.pending.kind === 'withdraw' ? '撤稿' : '更正'}申请，请等待处理`);
    const now = deps.clock.now();
    if (p.changes?.columnId) {
      const c = await r.catalogue.column(p.changes.columnId);
      if (!c || c.unitId !== before.unitId || !c.acceptsItems) throw new DomainError('VALIDATION', '所选栏目不属于本单位或不能发布信息', { fields: [{ path: 'changes.columnId', message: '栏目有误' }] });
    }
    const item: PublicationItem = {
      ...before, updatedAt: now,
      pending: { kind: p.kind, reason: p.reason, requestedBy: actor.accountId, requestedByName: actor.name, requestedAt: now, changes: p.changes },
    };
    if (!(await r.publications.updateIf(item, { status: before.status, stage: before.stage }))) throw CONCURRENT_CHANGE();
    await recordStep(deps, r, actor, item, { action, from: before.status, comment: p.reason, data: p.changes ? { fields: Object.keys(p.changes) } : null }, now);
    return item;
  }, { publicContent: false });
}

/** Approves or rejects the pending withdrawal or correction. */
export async function decidePending(deps: Deps, actor: Actor, id: string, kind: 'withdraw' | 'correct', approve: boolean, input: unknown): Promise<PublicationItem> {
  const d = parseInput(decisionInput, input ?? {});
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    const before = await loadItem(r, actor, id, tree);
    const action = kind === 'withdraw' ? (approve ? 'approveWithdraw' : 'rejectWithdraw') : approve ? 'approveCorrection' : 'rejectCorrection';
    assertTransition(action, before.status);
    const pending = before.pending;
    if (!pending || pending.kind !== kind) throw new DomainError('INVALID_STATE', `该信息没有待批准的${kind === 'withdraw' ? '撤稿' : '更正'}申请`);
    const now = deps.clock.now();
    const stage = await assertFinalStage(r, actor, before, tree, now);
    let item: PublicationItem = { ...before, pending: null, updatedAt: now };
    if (approve && kind === 'withdraw') {
      item = { ...item, status: 'withdrawn', withdrawnAt: now, withdrawalReason: pending.reason };
    } else if (approve) {
      item = { ...item, ...pending.changes, correctedAt: now, correctionNote: pending.reason };
      await checkOrThrow(deps, r, item);
    }
    if (!(await r.publications.updateIf(item, { status: before.status, stage: before.stage }))) throw CONCURRENT_CHANGE();
    await recordStep(deps, r, actor, item, { action, from: before.status, stage, comment: d.comment || pending.reason, before, data: { reason: pending.reason, requestedBy: pending.requestedByName } }, now);
    if (approve && kind === 'withdraw') await r.searchIndex.remove(item.id);
    else if (approve) await r.searchIndex.upsert(await searchDocumentOf(r, item));
    return item;
  });
}

