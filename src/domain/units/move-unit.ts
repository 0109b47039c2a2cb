import { DomainError } from '../errors.js';
import { assertCan } from '../policy/policy.js';
import type { Actor, Deps, Unit } from '../ports.js';
import { getUnitOrThrow, loadTree } from './unit-context.js';

/** Re-attaches a unit (with everything below it) to another parent, e.g. after an institutional reform. */
export async function moveUnit(deps: Deps, actor: Actor, unitId: string, newParentId: string): Promise<Unit> {
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const unit = await getUnitOrThrow(r, unitId);
    const parent = await getUnitOrThrow(r, newParentId);
    assertCan(actor, 'unit.move', unitId, tree);
    assertCan(actor, 'unit.create', newParentId, tree);
    if (tree.isWithin(newParentId, unitId)) {
      throw new DomainError('INVALID_STATE', '不能把单位移动到它自己或它的下级单位之下', { fields: [{ path: 'parentId', message: '新的上级单位不能是本单位或其下级' }] });
    }
    if (parent.status !== 'active') throw new DomainError('INVALID_STATE', `上级单位“${parent.name}”已停用`);
    if (unit.parentId === newParentId) return unit;
    const after: Unit = { ...unit, parentId: newParentId, updatedAt: deps.clock.now() };
    await r.units.update(after);
    await r.audit.append(
      { actorId: actor.accountId, actorName: actor.name, unitId, action: 'unit.move', entityType: 'unit', entityId: unitId, before: { parentId: unit.parentId }, after: { parentId: newParentId }, ip: actor.ip ?? null },
      after.updatedAt,
    );
    return after;
  });
}
