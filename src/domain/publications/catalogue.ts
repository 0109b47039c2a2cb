/**
 * The catalogue (目录, Art. 12) of each unit: its column tree, edited by the disclosure office. A column can be
 * applied to every unit of a level (a shared template column). Each column carries the Art. 26 time limit and a
 * freshness rule for monitoring (国办秘函〔2019〕19号).
 */
import { z } from 'zod';
import { UNIT_LEVELS, type UnitLevel } from '../glossary.js';
import { DomainError, notFound } from '../errors.js';
import { assertCan, can } from '../policy/policy.js';
import type { Actor, Deps, Repos } from '../ports.js';
import { getUnitOrThrow, loadTreeOnly } from '../units/unit-context.js';
import type { UnitTree } from '../units/tree.js';
import { parseInput } from '../validate.js';
import { cleanText } from './sanitize.js';
import type { CatalogueColumn } from './model.js';

const columnInput = z.object({
  parentId: z.string().min(1).nullable().optional(),
  code: z.string({ error: '请填写栏目代码' }).trim().regex(/^[a-z][a-z0-9-]{1,31}$/, '栏目代码须为2-32位小写字母、数字或连字符，以字母开头（用于网址）'),
  name: z.string({ error: '请填写栏目名称' }).transform(cleanText).pipe(z.string().min(1, '请填写栏目名称').max(60, '栏目名称不能超过60个字')),
  description: z.string().max(500, '栏目说明不能超过500字').transform(cleanText).nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  // Art. 26: at most 20 working days unless a law says otherwise; local catalogues may set shorter limits.
  timeLimitDays: z.number({ error: '发布时限应为数字' }).int().min(1, '发布时限至少1个工作日').max(20, '发布时限不能超过20个工作日（《条例》第二十六条）').default(20),
  freshnessDays: z.number({ error: '更新周期应为天数' }).int().min(1).max(3660).nullable().optional(),
  acceptsItems: z.boolean().default(true),
}, { error: '请求内容应为对象' });

async function manageable(r: Repos, actor: Actor, unitId: string): Promise<UnitTree> {
  const tree = await loadTreeOnly(r);
  await getUnitOrThrow(r, unitId);
  if (!can(actor, 'publication.read', unitId, tree)) throw notFound('单位');
  assertCan(actor, 'publication.manage', unitId, tree);
  return tree;
}

async function audit(deps: Deps, r: Repos, actor: Actor, unitId: string, action: string, entityId: string, before?: unknown, after?: unknown) {
  await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId, action, entityType: 'publicationColumn', entityId, before, after, ip: actor.ip ?? null }, deps.clock.now());
}

export async function listColumns(deps: Deps, actor: Actor, unitId: string): Promise<CatalogueColumn[]> {
  return deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    if (!can(actor, 'publication.read', unitId, tree)) throw notFound('单位');
    return r.catalogue.columns(unitId);
  });
}

async function assertParent(r: Repos, unitId: string, parentId: string | null | undefined, selfId?: string): Promise<void> {
  if (!parentId) return;
  const cols = await r.catalogue.columns(unitId);
  const byId = new Map(cols.map((c) => [c.id, c]));
  if (!byId.has(parentId)) throw new DomainError('VALIDATION', '上级栏目不存在', { fields: [{ path: 'parentId', message: '上级栏目不存在' }] });
  for (let p: string | null = parentId; p; p = byId.get(p)?.parentId ?? null) {
    if (p === selfId) throw new DomainError('VALIDATION', '不能把栏目移到它自己的下级', { fields: [{ path: 'parentId', message: '不能移到自己的下级' }] });
  }
}

export async function createColumn(deps: Deps, actor: Actor, unitId: string, input: unknown): Promise<CatalogueColumn> {
  const d = parseInput(columnInput, input);
  return deps.store.write(async (r) => {
    await manageable(r, actor, unitId);
    if (await r.catalogue.columnByCode(unitId, d.code)) throw new DomainError('CONFLICT', `栏目代码“${d.code}”已被使用`, { fields: [{ path: 'code', message: '代码已被使用' }] });
    await assertParent(r, unitId, d.parentId);
    const now = deps.clock.now();
    const siblings = (await r.catalogue.columns(unitId)).filter((c) => c.parentId === (d.parentId ?? null));
    const c: CatalogueColumn = {
      id: deps.newId(), unitId, parentId: d.parentId ?? null, code: d.code, name: d.name, description: d.description ?? null,
      sortOrder: d.sortOrder ?? (Math.max(0, ...siblings.map((s) => s.sortOrder)) + 10), timeLimitDays: d.timeLimitDays,
      freshnessDays: d.freshnessDays ?? null, templateKey: null, acceptsItems: d.acceptsItems, createdAt: now, updatedAt: now,
    };
    await r.catalogue.insertColumn(c);
    await audit(deps, r, actor, unitId, 'publication.columnCreate', c.id, undefined, c);
    return c;
  });
}

export async function updateColumn(deps: Deps, actor: Actor, columnId: string, input: unknown): Promise<CatalogueColumn> {
  const d = parseInput(columnInput, input);
  return deps.store.write(async (r) => {
    const before = await r.catalogue.column(columnId);
    if (!before) throw notFound('栏目');
    await manageable(r, actor, before.unitId);
    const other = await r.catalogue.columnByCode(before.unitId, d.code);
    if (other && other.id !== columnId) throw new DomainError('CONFLICT', `栏目代码“${d.code}”已被使用`, { fields: [{ path: 'code', message: '代码已被使用' }] });
    await assertParent(r, before.unitId, d.parentId, columnId);
    const c: CatalogueColumn = {
      ...before, parentId: d.parentId ?? null, code: d.code, name: d.name, description: d.description ?? null, sortOrder: d.sortOrder ?? before.sortOrder,
      timeLimitDays: d.timeLimitDays, freshnessDays: d.freshnessDays ?? null, acceptsItems: d.acceptsItems, updatedAt: deps.clock.now(),
    };
    await r.catalogue.updateColumn(c);
    await audit(deps, r, actor, c.unitId, 'publication.columnUpdate', c.id, before, c);
    return c;
  });
}

export async function deleteColumn(deps: Deps, actor: Actor, columnId: string): Promise<void> {
  await deps.store.write(async (r) => {
    const c = await r.catalogue.column(columnId);
    if (!c) throw notFound('栏目');
    await manageable(r, actor, c.unitId);
    if ((await r.catalogue.columns(c.unitId)).some((x) => x.parentId === columnId)) throw new DomainError('INVALID_STATE', `栏目“${c.name}”下还有子栏目，请先删除或移走子栏目`);
    const n = await r.catalogue.countItems(columnId);
    if (n > 0) throw new DomainError('INVALID_STATE', `栏目“${c.name}”中有 ${n} 条信息，不能删除；可把信息移到其他栏目后再删除`);
    await r.catalogue.deleteColumn(columnId);
    await audit(deps, r, actor, c.unitId, 'publication.columnDelete', c.id, c);
  });
}

const reorderInput = z.object({ ids: z.array(z.string().min(1), { error: '请提供栏目顺序' }).min(1, '请提供栏目顺序').max(500) }, { error: '请求内容应为对象' });

/** Sets the order of sibling columns to the order of `ids`. */
export async function reorderColumns(deps: Deps, actor: Actor, unitId: string, input: unknown): Promise<CatalogueColumn[]> {
  const d = parseInput(reorderInput, input);
  return deps.store.write(async (r) => {
    await manageable(r, actor, unitId);
    const cols = await r.catalogue.columns(unitId);
    const byId = new Map(cols.map((c) => [c.id, c]));
    const picked = d.ids.map((id) => byId.get(id));
    if (picked.some((c) => !c) || new Set(picked.map((c) => c?.parentId)).size !== 1 || new Set(d.ids).size !== d.ids.length) {
      throw new DomainError('VALIDATION', '排序的栏目须是同一上级下的本单位栏目，且不能重复', { fields: [{ path: 'ids', message: '栏目有误' }] });
    }
    const now = deps.clock.now();
    for (const [i, c] of (picked as CatalogueColumn[]).entries()) await r.catalogue.updateColumn({ ...c, sortOrder: (i + 1) * 10, updatedAt: now });
    await audit(deps, r, actor, unitId, 'publication.columnReorder', unitId, undefined, { ids: d.ids });
    return r.catalogue.columns(unitId);
  });
}

const applyInput = z.object({ level: z.enum(Object.keys(UNIT_LEVELS) as [UnitLevel], { error: '请选择单位层级' }) }, { error: '请求内容应为对象' });

/**
 * Shares a column with every unit of a level that the actor manages: created where missing (under the parent with
 * the same code), name and limits updated where present. Returns how many units were changed.
 */
export async function applyColumnToLevel(deps: Deps, actor: Actor, columnId: string, input: unknown): Promise<{ created: number; updated: number }> {
  const d = parseInput(applyInput, input);
  return deps.store.write(async (r) => {
    const src = await r.catalogue.column(columnId);
    if (!src) throw notFound('栏目');
    const tree = await manageable(r, actor, src.unitId);
    const srcParent = src.parentId ? await r.catalogue.column(src.parentId) : undefined;
    const key = src.templateKey ?? src.code;
    const now = deps.clock.now();
    if (!src.templateKey) await r.catalogue.updateColumn({ ...src, templateKey: key, updatedAt: now });
    let created = 0;
    let updated = 0;
    for (const u of await r.units.list()) {
      if (u.id === src.unitId || u.level !== d.level || u.status !== 'active' || !can(actor, 'publication.manage', u.id, tree)) continue;
      const existing = await r.catalogue.columnByCode(u.id, src.code);
      const fields = { name: src.name, description: src.description, timeLimitDays: src.timeLimitDays, freshnessDays: src.freshnessDays, acceptsItems: src.acceptsItems, templateKey: key };
      if (existing) {
        await r.catalogue.updateColumn({ ...existing, ...fields, updatedAt: now });
        updated++;
      } else {
        const parent = srcParent ? await r.catalogue.columnByCode(u.id, srcParent.code) : undefined;
        await r.catalogue.insertColumn({ ...fields, id: deps.newId(), unitId: u.id, parentId: parent?.id ?? null, code: src.code, sortOrder: src.sortOrder, createdAt: now, updatedAt: now });
        created++;
      }
    }
    await audit(deps, r, actor, src.unitId, 'publication.columnApply', src.id, undefined, { code: src.code, level: d.level, created, updated });
    return { created, updated };
  });
}
