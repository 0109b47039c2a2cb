/** Helpers shared by the publication use cases: loading with permission, events + audit, stage rights, checks. */
import { DomainError, notFound } from '../errors.js';
import { can } from '../policy/policy.js';
import type { Actor, Deps, Repos } from '../ports.js';
import type { UnitTree } from '../units/tree.js';
import { runContentChecks, htmlToText, type CheckFinding } from './checks/index.js';
import type { EventAction, ItemStatus, PublicationEvent, PublicationItem, PublicationSettings, ReviewStage } from './model.js';
import { defaultSettings } from './settings.js';

/** The item, or 404 when it does not exist or belongs to a unit the actor may not see. */
export async function loadItem(r: Repos, actor: Actor, id: string, tree: UnitTree): Promise<PublicationItem> {
  const item = await r.publications.get(id);
  if (!item || !can(actor, 'publication.read', item.unitId, tree)) throw notFound('信息');
  return item;
}

export async function settingsFor(r: Repos, unitId: string, now: string): Promise<PublicationSettings> {
  return (await r.catalogue.settings(unitId)) ?? defaultSettings(unitId, now);
}

/** May the actor act at this stage: one of the stage's roles, within that role's scope (policy.ts)? */
export function canActAtStage(actor: Actor, stage: ReviewStage, unitId: string, tree: UnitTree): boolean {
  if (actor.system) return true;
  const roles = actor.roles.filter((a) => (stage.roles as string[]).includes(a.role));
  return roles.length > 0 && can({ ...actor, roles }, 'publication.review', unitId, tree);
}

/** What the audit log keeps of an item: metadata, not the body (the events and the item hold that). */
export const itemSnapshot = (i: PublicationItem) => ({
  title: i.title, status: i.status, stage: i.stage, columnId: i.columnId, docNumber: i.docNumber, indexNumber: i.indexNumber,
  createdOn: i.createdOn, publishedAt: i.publishedAt, publishAt: i.publishAt, validity: i.validity,
});

export interface StepInput {
  action: EventAction;
  from: ItemStatus | null;
  stage?: { n: number; name: string } | null;
  comment?: string | null;
  confidentialityConfirmed?: boolean;
  data?: Record<string, unknown> | null;
  before?: PublicationItem | null;
}

/** Appends the event row (the review ledger) and the audit entry, in the caller's transaction. */
export async function recordStep(deps: Deps, r: Repos, actor: Actor, item: PublicationItem, step: StepInput, at: string): Promise<PublicationEvent> {
  const events = await r.publications.events(item.id);
  const e: PublicationEvent = {
    id: deps.newId(), itemId: item.id, unitId: item.unitId, seq: (events[events.length - 1]?.seq ?? 0) + 1, action: step.action,
    fromStatus: step.from, toStatus: item.status, stage: step.stage?.n ?? null, stageName: step.stage?.name ?? null, at,
    actorId: actor.accountId, actorName: actor.name, comment: step.comment ?? null, confidentialityConfirmed: step.confidentialityConfirmed ?? false,
    data: step.data ?? null,
  };
  await r.publications.appendEvent(e);
  await r.audit.append({
    actorId: actor.accountId, actorName: actor.name, unitId: item.unitId, action: `publication.${step.action}`, entityType: 'publication',
    entityId: item.id, before: step.before ? itemSnapshot(step.before) : undefined,
    after: { ...itemSnapshot(item), ...(step.comment ? { comment: step.comment } : {}), ...(step.confidentialityConfirmed ? { confidentialityConfirmed: true } : {}) },
    ip: actor.ip ?? null,
  }, at);
  return e;
}

/** Mandatory metadata (rules.md §2 catalogue metadata; Art. 12: 索引号, 名称, 内容概述, 生成日期). */
export async function metadataFindings(r: Repos, item: PublicationItem): Promise<CheckFinding[]> {
  const out: CheckFinding[] = [];
  const miss = (message: string) => out.push({ kind: 'metadata', severity: 'block', field: 'metadata', excerpt: '', message });
  const column = await r.catalogue.column(item.columnId);
  if (!column || column.unitId !== item.unitId) miss('所选栏目不存在，请重新选择栏目');
  else if (!column.acceptsItems) miss(`栏目“${column.name}”只用于分组，请选择其下级栏目`);
  if (!item.title.trim()) miss('缺少标题');
  if (!item.publisher.trim()) miss('缺少发布机构');
  if (!item.summary.trim() && !htmlToText(item.bodyHtml).text.trim()) miss('正文和内容概述不能都为空');
  if (!item.subject) miss('缺少主题分类');
  if (!item.genre) miss('缺少体裁分类');
  else if (['决议', '决定', '命令（令）', '公告', '通告', '意见', '通知', '通报', '批复'].includes(item.genre) && !item.docNumber) {
    out.push({ kind: 'metadata', severity: 'warn', field: 'metadata', excerpt: item.genre, message: `体裁为“${item.genre}”的公文通常有文号，请确认是否漏填` });
  }
  const codes = await r.catalogue.codes();
  const active = (list: 'subject' | 'genre', code: string | null) => !code || codes.some((c) => c.list === list && c.code === code && c.active);
  if (!active('subject', item.subject)) miss(`主题分类“${item.subject}”不在主题分类表中或已停用`);
  if (!active('genre', item.genre)) miss(`体裁分类“${item.genre}”不在体裁分类表中或已停用`);
  if (item.validity && item.validity !== 'inForce' && !item.validityChangedOn) miss('有效性为已修改或已废止时，请填写修改或废止日期');
  return out;
}

/** All checks before submission and at each approval; block findings refuse the step (Art. 17). */
export async function checkOrThrow(deps: Deps, r: Repos, item: PublicationItem): Promise<CheckFinding[]> {
  const findings = [...(await metadataFindings(r, item)), ...(await contentFindings(deps, r, item))];
  const blocks = findings.filter((f) => f.severity === 'block');
  if (blocks.length) {
    const list = blocks.slice(0, 10).map((f, i) => `${i + 1}. ${f.message}${f.excerpt ? `（“${f.excerpt}”）` : ''}`).join('；');
    throw new DomainError('VALIDATION', `发布前检查未通过，请修改后再提交：${list}${blocks.length > 10 ? `；等共 ${blocks.length} 项` : ''}`, {
      details: { findings },
      fields: blocks.map((f) => ({ path: f.field, message: f.message })),
    });
  }
  return findings;
}

export async function contentFindings(deps: Deps, r: Repos, item: PublicationItem): Promise<CheckFinding[]> {
  const [attachments, texts] = await Promise.all([r.attachments.listForOwner('publication', item.id), r.publications.attachmentTexts(item.id)]);
  const byId = new Map(texts.map((t) => [t.attachmentId, t.text]));
  return runContentChecks({
    unitId: item.unitId, title: item.title, summary: item.summary, bodyHtml: item.bodyHtml, publicUrl: deps.publicUrl,
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, text: byId.get(a.id) ?? '' })),
  }, r);
}
