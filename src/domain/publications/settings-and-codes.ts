/** Workflow settings per unit (stages, four-eyes, 索引号 format) and the 主题分类/体裁分类 code lists. */
import { z } from 'zod';
import { DomainError, notFound } from '../errors.js';
import { assertCan, can } from '../policy/policy.js';
import type { Actor, Deps } from '../ports.js';
import { getUnitOrThrow, loadTreeOnly } from '../units/unit-context.js';
import { parseInput } from '../validate.js';
import { settingsFor } from './item-context.js';
import type { CodeEntry, PublicationSettings } from './model.js';
import { cleanText } from './sanitize.js';

const settingsInput = z.object({
  stages: z.array(z.object({
    name: z.string({ error: '请填写环节名称' }).transform(cleanText).pipe(z.string().min(1, '请填写环节名称').max(20, '环节名称不能超过20个字')),
    roles: z.array(z.enum(['reviewer', 'officeAdmin'], { error: '办理角色只能是审核员或公开办管理员' })).min(1, '每个环节至少指定一个办理角色'),
    confidentialityReview: z.boolean().default(false),
  }), { error: '请配置审核环节' }).min(1, '至少需要一个审核环节（《条例》第十七条）').max(5, '审核环节最多5个'),
  fourEyes: z.boolean().default(true),
  indexPrefixSource: z.enum(['creditCode', 'orgCode'], { error: '索引号前缀只能取统一社会信用代码或组织机构代码' }).default('creditCode'),
  indexSerialWidth: z.number({ error: '序号位数应为数字' }).int().min(3, '序号位数为3-7位').max(7, '序号位数为3-7位').default(5),
}, { error: '请求内容应为对象' }).refine((s) => s.stages.some((x) => x.confidentialityReview), { message: '至少一个环节须进行保密审查（《条例》第十七条）', path: ['stages'] });

export async function getSettings(deps: Deps, actor: Actor, unitId: string): Promise<PublicationSettings> {
  return deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    if (!can(actor, 'publication.read', unitId, tree)) throw notFound('单位');
    await getUnitOrThrow(r, unitId);
    return settingsFor(r, unitId, deps.clock.now());
  });
}

export async function putSettings(deps: Deps, actor: Actor, unitId: string, input: unknown): Promise<PublicationSettings> {
  const d = parseInput(settingsInput, input);
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    if (!can(actor, 'publication.read', unitId, tree)) throw notFound('单位');
    await getUnitOrThrow(r, unitId);
    assertCan(actor, 'publication.manage', unitId, tree);
    const now = deps.clock.now();
    const before = await settingsFor(r, unitId, now);
    const s: PublicationSettings = { unitId, ...d, updatedAt: now };
    await r.catalogue.putSettings(s);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId, action: 'publication.settings', entityType: 'unit', entityId: unitId, before, after: s, ip: actor.ip ?? null }, now);
    return s;
  }, { publicContent: false });
}

const codeInput = z.object({
  list: z.enum(['subject', 'genre'], { error: '分类表只能是主题分类或体裁分类' }),
  name: z.string({ error: '请填写名称' }).transform(cleanText).pipe(z.string().min(1, '请填写名称').max(40, '名称不能超过40个字').refine((s) => !s.includes('\\'), '名称不能含反斜杠')),
  parentCode: z.string().min(1).nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  active: z.boolean().default(true),
}, { error: '请求内容应为对象' });

export interface CodeUsage {
  list: 'subject' | 'genre';
  code: string;
  count: number;
}

/** Items using a code; a first-level subject counts the items filed under its second-level codes too. */
export function usageOf(usage: readonly CodeUsage[], c: Pick<CodeEntry, 'list' | 'code'>): number {
  return usage.filter((u) => u.list === c.list && (u.code === c.code || (c.list === 'subject' && u.code.startsWith(`${c.code}\\`))))
    .reduce((n, u) => n + u.count, 0);
}

/** How many items (any status, any unit) use each code: the code-list screen shows it next to each code. */
export async function listCodeUsage(deps: Deps): Promise<CodeUsage[]> {
  return deps.store.read((r) => r.publications.codeUsage());
}

export async function listCodes(deps: Deps, list?: 'subject' | 'genre'): Promise<CodeEntry[]> {
  return deps.store.read((r) => r.catalogue.codes(list));
}

/** Code lists are deployment-wide: managed by a 公开办管理员 of a top-level unit or a system administrator. */
async function assertManageCodes(actor: Actor, r: Parameters<Parameters<Deps['store']['read']>[0]>[0]): Promise<void> {
  if (actor.system) return;
  const tree = await loadTreeOnly(r);
  const roots = (await r.units.listTree()).filter((u) => !u.parentId).map((u) => u.id);
  const ok = roots.some((id) => can(actor, 'publication.manage', id, tree)) || actor.roles.some((a) => a.role === 'sysAdmin');
  if (!ok) throw new DomainError('FORBIDDEN', '只有市级公开办管理员或系统管理员可以维护分类表');
}

export async function saveCode(deps: Deps, actor: Actor, id: string | null, input: unknown): Promise<CodeEntry> {
  const d = parseInput(codeInput, input);
  return deps.store.write(async (r) => {
    await assertManageCodes(actor, r);
    const all = await r.catalogue.codes(d.list);
    if (d.parentCode && (d.list !== 'subject' || !all.some((c) => c.code === d.parentCode && !c.parentCode))) {
      throw new DomainError('VALIDATION', '上级分类不存在（只有主题分类有二级）', { fields: [{ path: 'parentCode', message: '上级分类不存在' }] });
    }
    const code = d.parentCode ? `${d.parentCode}\\${d.name}` : d.name;
    const before = id ? await r.catalogue.code(id) : undefined;
    if (id && !before) throw notFound('分类');
    if (before && before.code !== code && before.list === 'subject' && !before.parentCode && all.some((c) => c.parentCode === before.code)) {
      throw new DomainError('INVALID_STATE', '该一级分类下还有二级分类，不能改名；可新增后停用旧分类');
    }
    if (before && before.code !== code) {
      // Items store the code itself: renaming a code in use would leave them pointing at nothing (rules.md §2).
      const used = usageOf(await r.publications.codeUsage(), before);
      if (used > 0) throw new DomainError('INVALID_STATE', `已有 ${used} 条信息使用分类“${before.code}”，不能改名或改变上级；可停用后新增分类`);
    }
    if (all.some((c) => c.code === code && c.id !== id)) throw new DomainError('CONFLICT', `分类“${code}”已存在`, { fields: [{ path: 'name', message: '已存在' }] });
    const entry: CodeEntry = {
      id: id ?? deps.newId(), list: d.list, code, name: d.name, parentCode: d.parentCode ?? null,
      sortOrder: d.sortOrder ?? before?.sortOrder ?? Math.max(0, ...all.map((c) => c.sortOrder)) + 10, active: d.active,
    };
    if (before) await r.catalogue.updateCode(entry);
    else await r.catalogue.insertCode(entry);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: null, action: 'publication.code', entityType: 'publicationCode', entityId: entry.id, before, after: entry, ip: actor.ip ?? null }, deps.clock.now());
    return entry;
  }, { publicContent: false });
}

/** Deleting is for mistakes; items keep the code they were published with. Use active: false to retire one. */
export async function deleteCode(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.store.write(async (r) => {
    await assertManageCodes(actor, r);
    const c = await r.catalogue.code(id);
    if (!c) throw notFound('分类');
    if ((await r.catalogue.codes(c.list)).some((x) => x.parentCode === c.code)) throw new DomainError('INVALID_STATE', '该分类下还有二级分类，请先删除二级分类');
    const used = usageOf(await r.publications.codeUsage(), c);
    if (used > 0) throw new DomainError('INVALID_STATE', `已有 ${used} 条信息使用分类“${c.code}”，不能删除；如不再使用，请停用该分类`);
    await r.catalogue.deleteCode(id);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: null, action: 'publication.codeDelete', entityType: 'publicationCode', entityId: id, before: c, ip: actor.ip ?? null }, deps.clock.now());
  }, { publicContent: false });
}
