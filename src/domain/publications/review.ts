/**
 * The review workflow (Art. 17; rules.md §2 三审三校): submit → each configured stage approves or returns with
 * comments → the last approval publishes now or at a chosen time. Each step is one transaction with a
 * conditional update on the status and stage read, an event row (the review ledger) and an audit entry.
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { assertCan } from '../policy/policy.js';
import type { Actor, Deps, Repos } from '../ports.js';
import { loadTreeOnly } from '../units/unit-context.js';
import { parseInput } from '../validate.js';
import type { CheckFinding } from './checks/index.js';
import { canActAtStage, checkOrThrow, loadItem, recordStep, settingsFor } from './item-context.js';
import type { PublicationItem } from './model.js';
import { afterPublication, preparePublication } from './publish.js';
import { assertTransition, CONCURRENT_CHANGE } from './workflow.js';

const comment = z.string({ error: '审核意见应为文字' }).trim().max(2000, '审核意见不能超过2000字').optional();

export async function submitItem(deps: Deps, actor: Actor, id: string): Promise<{ item: PublicationItem; findings: CheckFinding[] }> {
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    const before = await loadItem(r, actor, id, tree);
    assertCan(actor, 'publication.draft', before.unitId, tree);
    assertTransition('submit', before.status);
    const findings = await checkOrThrow(deps, r, before);
    const now = deps.clock.now();
    const item: PublicationItem = { ...before, status: 'inReview', stage: 1, updatedAt: now };
    if (!(await r.publications.updateIf(item, { status: before.status, stage: before.stage }))) throw CONCURRENT_CHANGE();
    await recordStep(deps, r, actor, item, { action: 'submit', from: before.status, data: warnData(findings) }, now);
    return { item, findings };
  });
}

const warnData = (findings: CheckFinding[]) => (findings.length ? { warnings: findings.map((f) => f.message) } : null);

const approveInput = z.object({
  comment,
  /** Art. 17: required at a stage that carries the confidentiality review. */
  confidentialityConfirmed: z.boolean({ error: '保密审查确认应为是或否' }).optional(),
  /** Final stage only: publish at this instant (ISO) instead of now. */
  publishAt: z.iso.datetime({ offset: true, error: '定时发布时间格式有误' }).optional(),
  /** The stage the reviewer saw, so a stale screen cannot approve the wrong stage. */
  stage: z.number().int().min(1).optional(),
}, { error: '请求内容应为对象' });

export async function approveItem(deps: Deps, actor: Actor, id: string, input: unknown): Promise<{ item: PublicationItem; findings: CheckFinding[] }> {
  const d = parseInput(approveInput, input ?? {});
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    const before = await loadItem(r, actor, id, tree);
    assertTransition('approve', before.status);
    const n = before.stage ?? 1;
    if (d.stage !== undefined && d.stage !== n) throw new DomainError('CONFLICT', '该信息的审核环节已变化，请刷新后重试');
    const now = deps.clock.now();
    const settings = await settingsFor(r, before.unitId, now);
    const stage = settings.stages[n - 1];
    if (!stage) throw new DomainError('INVALID_STATE', '审核环节配置已变化，请退回后重新提交');
    if (!canActAtStage(actor, stage, before.unitId, tree)) throw new DomainError('FORBIDDEN', `您不能办理“${stage.name}”环节`);
    if (settings.fourEyes) await assertFourEyes(r, actor, before.id);
    if (stage.confidentialityReview && d.confidentialityConfirmed !== true) {
      throw new DomainError('VALIDATION', `“${stage.name}”须确认已完成保密审查（《条例》第十七条）`, { fields: [{ path: 'confidentialityConfirmed', message: '请确认已完成保密审查' }] });
    }
    const findings = await checkOrThrow(deps, r, before);
    const last = n >= settings.stages.length;
    const stageInfo = { n, name: stage.name };
    const common = { comment: d.comment || null, confidentialityConfirmed: d.confidentialityConfirmed === true, before, stage: stageInfo, data: warnData(findings) };
    if (!last) {
      const item: PublicationItem = { ...before, stage: n + 1, updatedAt: now };
      if (!(await r.publications.updateIf(item, { status: 'inReview', stage: n }))) throw CONCURRENT_CHANGE();
      await recordStep(deps, r, actor, item, { action: 'approve', from: before.status, ...common }, now);
      return { item, findings };
    }
    if (d.publishAt && Date.parse(d.publishAt) > Date.parse(now)) {
      const item: PublicationItem = { ...before, status: 'scheduled', stage: null, publishAt: new Date(Date.parse(d.publishAt)).toISOString(), updatedAt: now };
      if (!(await r.publications.updateIf(item, { status: 'inReview', stage: n }))) throw CONCURRENT_CHANGE();
      await recordStep(deps, r, actor, item, { action: 'approve', from: before.status, ...common }, now);
      await recordStep(deps, r, actor, item, { action: 'schedule', from: 'inReview', data: { publishAt: item.publishAt } }, now);
      return { item, findings };
    }
    const item = await preparePublication(deps, r, before, now);
    if (!(await r.publications.updateIf(item, { status: 'inReview', stage: n }))) throw CONCURRENT_CHANGE();
    await recordStep(deps, r, actor, item, { action: 'approve', from: before.status, ...common }, now);
    await recordStep(deps, r, actor, item, { action: 'publish', from: 'inReview', data: { indexNumber: item.indexNumber } }, now);
    await afterPublication(r, item, now);
    return { item, findings };
  });
}

/** Four-eyes: since the last submission, no one approves two stages, and the submitter approves none. */
async function assertFourEyes(r: Repos, actor: Actor, itemId: string): Promise<void> {
  if (!actor.accountId) return;
  const events = await r.publications.events(itemId);
  let start = 0;
  events.forEach((e, i) => { if (e.action === 'submit') start = i; });
  const round = events.slice(start);
  if (round[0]?.actorId === actor.accountId) throw new DomainError('FORBIDDEN', '提交审核的人不能审核自己提交的信息（双人审核），请由其他审核人员办理');
  const mine = round.find((e) => e.action === 'approve' && e.actorId === actor.accountId);
  if (mine) throw new DomainError('FORBIDDEN', `您已办理过本信息的“${mine.stageName ?? '审核'}”环节，同一人不能审核两个环节，请由其他审核人员办理`);
}

const returnInput = z.object({
  comment: z.string({ error: '请填写退回意见' }).trim().min(1, '请填写退回意见，说明需要修改的地方').max(2000, '退回意见不能超过2000字'),
  stage: z.number().int().min(1).optional(),
}, { error: '请求内容应为对象' });

/** A stage returns the item to the drafter with comments; it is a draft again and resubmitted from stage 1. */
export async function returnItem(deps: Deps, actor: Actor, id: string, input: unknown): Promise<PublicationItem> {
  const d = parseInput(returnInput, input ?? {});
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    const before = await loadItem(r, actor, id, tree);
    assertTransition('return', before.status);
    const n = before.stage ?? 1;
    if (d.stage !== undefined && d.stage !== n) throw new DomainError('CONFLICT', '该信息的审核环节已变化，请刷新后重试');
    const now = deps.clock.now();
    const settings = await settingsFor(r, before.unitId, now);
    const stage = settings.stages[n - 1] ?? settings.stages[settings.stages.length - 1];
    if (!stage || !canActAtStage(actor, stage, before.unitId, tree)) throw new DomainError('FORBIDDEN', `您不能办理“${stage?.name ?? '审核'}”环节`);
    const item: PublicationItem = { ...before, status: 'draft', stage: null, updatedAt: now };
    if (!(await r.publications.updateIf(item, { status: 'inReview', stage: n }))) throw CONCURRENT_CHANGE();
    await recordStep(deps, r, actor, item, { action: 'return', from: before.status, stage: { n, name: stage.name }, comment: d.comment, before }, now);
    return item;
  });
}

/** A scheduled item goes back to draft (final-stage role); it must pass review again. */
export async function unscheduleItem(deps: Deps, actor: Actor, id: string, input: unknown): Promise<PublicationItem> {
  const d = parseInput(z.object({ comment }, { error: '请求内容应为对象' }), input ?? {});
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    const before = await loadItem(r, actor, id, tree);
    assertTransition('unschedule', before.status);
    const now = deps.clock.now();
    const settings = await settingsFor(r, before.unitId, now);
    const final = settings.stages[settings.stages.length - 1];
    if (!final || !canActAtStage(actor, final, before.unitId, tree)) throw new DomainError('FORBIDDEN', `只有“${final?.name ?? '终审'}”环节的人员可以取消定时发布`);
    const item: PublicationItem = { ...before, status: 'draft', stage: null, publishAt: null, updatedAt: now };
    if (!(await r.publications.updateIf(item, { status: 'scheduled', stage: null }))) throw CONCURRENT_CHANGE();
    await recordStep(deps, r, actor, item, { action: 'unschedule', from: 'scheduled', comment: d.comment || null, before }, now);
    return item;
  });
}

/** The scheduler's step: publishes one due item if it is still scheduled (another process may have won). */
export async function publishScheduled(deps: Deps, id: string): Promise<PublicationItem | undefined> {
  return deps.store.write(async (r) => {
    const before = await r.publications.get(id);
    const now = deps.clock.now();
    if (!before || before.status !== 'scheduled' || !before.publishAt || before.publishAt > now) return undefined;
    const item = await preparePublication(deps, r, before, now);
    if (!(await r.publications.updateIf(item, { status: 'scheduled', stage: null }))) return undefined;
    const system: Actor = { accountId: null, name: '定时发布', unitId: null, roles: [], system: true };
    await recordStep(deps, r, system, item, { action: 'publish', from: 'scheduled', data: { indexNumber: item.indexNumber, scheduledFor: before.publishAt } }, now);
    await afterPublication(r, item, now);
    return item;
  });
}
