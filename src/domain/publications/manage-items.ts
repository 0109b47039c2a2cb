/** Drafting: create, edit and delete information items (信息员 of the unit, Art. 17 review comes after). */
import { DomainError, notFound } from '../errors.js';
import { assertCan, can } from '../policy/policy.js';
import type { Actor, Deps, Repos } from '../ports.js';
import { getUnitOrThrow, loadTreeOnly } from '../units/unit-context.js';
import { parseInput } from '../validate.js';
import { itemSnapshot, loadItem, recordStep } from './item-context.js';
import { itemContentInput, type ItemContentInput, type ParsedItemContent } from './item-input.js';
import type { ItemContent, LinkKind, PublicationItem } from './model.js';
import { assertTransition, CONCURRENT_CHANGE } from './workflow.js';
import type { UnitTree } from '../units/tree.js';

export function contentOf(d: ParsedItemContent): ItemContent {
  return {
    columnId: d.columnId, title: d.title, summary: d.summary, bodyHtml: d.bodyHtml, publisher: d.publisher, docNumber: d.docNumber ?? null,
    createdOn: d.createdOn, subject: d.subject ?? null, genre: d.genre ?? null, keywords: d.keywords, disclosureMethod: d.disclosureMethod,
    disclosurePeriod: d.disclosurePeriod, disclosureScope: d.disclosureScope, validity: d.validity ?? null, effectiveOn: d.effectiveOn ?? null,
    validityChangedOn: d.validityChangedOn ?? null,
  };
}

async function assertColumn(r: Repos, unitId: string, columnId: string): Promise<void> {
  const c = await r.catalogue.column(columnId);
  if (!c || c.unitId !== unitId) throw new DomainError('VALIDATION', '所选栏目不属于本单位，请重新选择', { fields: [{ path: 'columnId', message: '栏目不存在' }] });
  if (!c.acceptsItems) throw new DomainError('VALIDATION', `栏目“${c.name}”只用于分组，请选择其下级栏目`, { fields: [{ path: 'columnId', message: '请选择下级栏目' }] });
}

/** Replaces the item's outgoing links (interpretation, amendments, repeals, earlier version). */
export async function saveLinks(deps: Deps, r: Repos, actor: Actor, tree: UnitTree, item: PublicationItem, d: ParsedItemContent): Promise<void> {
  const wanted: [LinkKind, string[] | undefined][] = [
    ['interprets', d.interpretsId === undefined ? undefined : d.interpretsId ? [d.interpretsId] : []],
    ['previousVersion', d.previousVersionId === undefined ? undefined : d.previousVersionId ? [d.previousVersionId] : []],
    ['amends', d.amendsIds], ['repeals', d.repealsIds],
  ];
  const now = deps.clock.now();
  for (const [kind, ids] of wanted) {
    if (ids === undefined) continue;
    await r.publications.removeLinks(item.id, kind);
    for (const toId of new Set(ids)) {
      if (toId === item.id) throw new DomainError('VALIDATION', '信息不能关联自身', { fields: [{ path: kind, message: '不能关联自身' }] });
      const target = await r.publications.get(toId);
      // A link may point at any published item, or at anything of a unit the drafter can see.
      if (!target || (target.status !== 'published' && !can(actor, 'publication.read', target.unitId, tree))) {
        throw new DomainError('VALIDATION', '关联的信息不存在或尚未发布，请重新选择', { fields: [{ path: kind, message: '关联信息不存在' }] });
      }
      await r.publications.addLink({ id: deps.newId(), fromId: item.id, toId, kind, createdAt: now });
    }
  }
}

export async function createItem(deps: Deps, actor: Actor, unitId: string, input: ItemContentInput): Promise<PublicationItem> {
  const d = parseInput(itemContentInput, input);
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    await getUnitOrThrow(r, unitId);
    if (!can(actor, 'publication.read', unitId, tree)) throw notFound('单位');
    assertCan(actor, 'publication.draft', unitId, tree);
    await assertColumn(r, unitId, d.columnId);
    const now = deps.clock.now();
    const item: PublicationItem = {
      ...contentOf(d), id: deps.newId(), unitId, status: 'draft', stage: null, indexNumber: null, publishedAt: null, publishedOn: null,
      publishAt: null, workingDays: null, timeLimitDays: null, correctedAt: null, correctionNote: null, withdrawnAt: null, withdrawalReason: null,
      pending: null, createdBy: actor.accountId, createdByName: actor.name, createdAt: now, updatedAt: now,
    };
    await r.publications.insert(item);
    await saveLinks(deps, r, actor, tree, item, d);
    await recordStep(deps, r, actor, item, { action: 'create', from: null }, now);
    return item;
  });
}

/** Only a draft (new or returned) is edited; a published item changes through a correction. */
export async function updateItem(deps: Deps, actor: Actor, id: string, input: ItemContentInput): Promise<PublicationItem> {
  const d = parseInput(itemContentInput, input);
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    const before = await loadItem(r, actor, id, tree);
    assertCan(actor, 'publication.draft', before.unitId, tree);
    assertTransition('update', before.status);
    await assertColumn(r, before.unitId, d.columnId);
    const item: PublicationItem = { ...before, ...contentOf(d), updatedAt: deps.clock.now() };
    if (!(await r.publications.updateIf(item, { status: before.status, stage: before.stage }))) throw CONCURRENT_CHANGE();
    await saveLinks(deps, r, actor, tree, item, d);
    await recordStep(deps, r, actor, item, { action: 'update', from: before.status, before }, item.updatedAt);
    return item;
  });
}

/** A draft that was never published may be deleted; anything published stays (withdraw it instead). */
export async function deleteItem(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    const item = await loadItem(r, actor, id, tree);
    assertCan(actor, 'publication.draft', item.unitId, tree);
    if (item.status !== 'draft' || item.indexNumber) throw new DomainError('INVALID_STATE', '只能删除未发布过的草稿；已发布的信息请申请撤稿');
    for (const a of await r.attachments.listForOwner('publication', id)) await r.attachments.delete(a.id);
    await r.publications.delete(id);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: item.unitId, action: 'publication.delete', entityType: 'publication', entityId: id, before: itemSnapshot(item), ip: actor.ip ?? null }, deps.clock.now());
  });
}
