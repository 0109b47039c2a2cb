import { DomainError } from '../errors.js';
import { assertCan } from '../policy/policy.js';
import type { Actor, Deps, Unit } from '../ports.js';
import { getUnitOrThrow, loadTree } from './unit-context.js';

/**
 * A unit that is merged or abolished is deactivated, never deleted: its published information, applications
 * and reports stay on record. Its accounts are disabled with it and their sessions end.
 */
export async function deactivateUnit(deps: Deps, actor: Actor, unitId: string): Promise<Unit> {
  return deps.store.write(async (r) => {
    const { tree, units } = await loadTree(r);
    const unit = await getUnitOrThrow(r, unitId);
    assertCan(actor, 'unit.deactivate', unitId, tree);
    if (unit.status === 'inactive') return unit;
    const activeChildren = units.filter((u) => u.parentId === unitId && u.status === 'active');
    if (activeChildren.length) {
      throw new DomainError('INVALID_STATE', `该单位还有 ${activeChildren.length} 个启用的下级单位（${activeChildren.slice(0, 3).map((u) => u.name).join('、')}），请先移动或停用它们`);
    }
    const now = deps.clock.now();
    const after: Unit = { ...unit, status: 'inactive', deactivatedAt: now, updatedAt: now };
    await r.units.update(after);
    await r.audit.append(
      { actorId: actor.accountId, actorName: actor.name, unitId, action: 'unit.deactivate', entityType: 'unit', entityId: unitId, before: { status: unit.status }, after: { status: 'inactive' }, ip: actor.ip ?? null },
      now,
    );
    for (const a of await r.accounts.listByUnits([unitId])) {
      if (a.status !== 'active') continue;
      await r.accounts.update({ ...a, status: 'disabled', updatedAt: now });
      await r.sessions.deleteForAccount(a.id);
      await r.audit.append(
        { actorId: actor.accountId, actorName: actor.name, unitId, action: 'account.disable', entityType: 'account', entityId: a.id, before: { status: 'active' }, after: { status: 'disabled', reason: '所属单位停用' }, ip: actor.ip ?? null },
        now,
      );
    }
    return after;
  });
}

export async function reactivateUnit(deps: Deps, actor: Actor, unitId: string): Promise<Unit> {
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const unit = await getUnitOrThrow(r, unitId);
    assertCan(actor, 'unit.deactivate', unitId, tree);
    if (unit.status === 'active') return unit;
    if (unit.parentId) {
      const parent = await getUnitOrThrow(r, unit.parentId);
      if (parent.status !== 'active') throw new DomainError('INVALID_STATE', `上级单位“${parent.name}”已停用，请先启用上级单位`);
    }
    const now = deps.clock.now();
    const after: Unit = { ...unit, status: 'active', deactivatedAt: null, updatedAt: now };
    await r.units.update(after);
    await r.audit.append(
      { actorId: actor.accountId, actorName: actor.name, unitId, action: 'unit.reactivate', entityType: 'unit', entityId: unitId, before: { status: 'inactive' }, after: { status: 'active' }, ip: actor.ip ?? null },
      now,
    );
    return after;
  });
}

/** Removes a unit created by mistake. Refused as soon as anything refers to it: then deactivate instead. */
export async function deleteUnit(deps: Deps, actor: Actor, unitId: string): Promise<void> {
  await deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const unit = await getUnitOrThrow(r, unitId);
    assertCan(actor, 'unit.deactivate', unitId, tree);
    const records = await r.units.countRecords(unitId);
    if (records > 0) {
      throw new DomainError('INVALID_STATE', `“${unit.name}”已有账号、附件或下级单位等记录，不能删除，只能停用`);
    }
    await r.guides.delete(unitId);
    await r.catalogue.deleteForUnit(unitId);
    await r.units.delete(unitId);
    await r.audit.append(
      { actorId: actor.accountId, actorName: actor.name, unitId, action: 'unit.delete', entityType: 'unit', entityId: unitId, before: { ...unit }, ip: actor.ip ?? null },
      deps.clock.now(),
    );
  });
}
