import { DomainError, forbidden } from '../errors.js';
import { assertCan } from '../policy/policy.js';
import type { Actor, Deps, Repos, Unit } from '../ports.js';
import { parseInput } from '../validate.js';
import { suggestSlug, uniqueSlug } from './slug.js';
import { getUnitOrThrow, loadTree, unitSnapshot } from './unit-context.js';
import { createUnitInput, type CreateUnitInput } from './unit-input.js';
import { seedCatalogue } from '../publications/seed-catalogue.js';

export async function createUnit(deps: Deps, actor: Actor, input: CreateUnitInput): Promise<Unit> {
  const data = parseInput(createUnitInput, input);
  return deps.store.write(async (r) => {
    const unit = await buildUnit(deps, r, actor, data);
    await r.units.insert(unit);
    await seedCatalogue(r, unit, deps.newId, unit.createdAt); // 主动公开 column tree from the template
    await r.audit.append(
      { actorId: actor.accountId, actorName: actor.name, unitId: unit.id, action: 'unit.create', entityType: 'unit', entityId: unit.id, after: unitSnapshot(unit), ip: actor.ip ?? null },
      unit.createdAt,
    );
    return unit;
  });
}

/** Checks and builds a new unit inside an open transaction; shared with the tree import. */
export async function buildUnit(
  deps: Deps,
  r: Repos,
  actor: Actor,
  data: ReturnType<typeof createUnitInput.parse>,
): Promise<Unit> {
  const parentId = data.parentId ?? null;
  if (parentId) {
    const { tree } = await loadTree(r);
    const parent = await getUnitOrThrow(r, parentId);
    assertCan(actor, 'unit.create', parent.id, tree);
    if (parent.status !== 'active') {
      throw new DomainError('INVALID_STATE', `上级单位“${parent.name}”已停用，不能在其下新建单位`, { fields: [{ path: 'parentId', message: '上级单位已停用' }] });
    }
  } else if (!actor.system && !actor.roles.some((a) => a.role === 'sysAdmin')) {
    throw forbidden('只有系统管理员可以新建顶级单位');
  }
  await assertUniqueCode(r, data.code ?? null, null);
  let slug: string;
  if (data.slug) {
    if (await r.units.getBySlug(data.slug)) {
      throw new DomainError('CONFLICT', `网址标识“${data.slug}”已被其他单位使用`, { fields: [{ path: 'slug', message: '网址标识已被使用，请换一个' }] });
    }
    slug = data.slug;
  } else {
    slug = await uniqueSlug(await suggestSlug(data.shortName ?? data.name), async (s) => !!(await r.units.getBySlug(s)));
  }
  const now = deps.clock.now();
  return {
    id: deps.newId(),
    parentId,
    name: data.name,
    shortName: data.shortName ?? null,
    code: data.code ?? null,
    slug,
    type: data.type,
    level: data.level,
    sortOrder: data.sortOrder ?? 0,
    status: 'active',
    officeName: data.officeName ?? null,
    address: data.address ?? null,
    officeHours: data.officeHours ?? null,
    phone: data.phone ?? null,
    fax: data.fax ?? null,
    email: data.email ?? null,
    website: data.website ?? null,
    postcode: data.postcode ?? null,
    functions: data.functions ?? null,
    leaders: data.leaders ?? [],
    internalBodies: data.internalBodies ?? [],
    createdAt: now,
    updatedAt: now,
    deactivatedAt: null,
  };
}

export async function assertUniqueCode(r: Repos, code: string | null, selfId: string | null): Promise<void> {
  if (!code) return;
  const other = await r.units.getByCode(code);
  if (other && other.id !== selfId) {
    throw new DomainError('CONFLICT', `单位代码 ${code} 已被“${other.name}”使用`, { fields: [{ path: 'code', message: '该代码已被其他单位使用' }] });
  }
}
