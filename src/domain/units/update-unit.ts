import { DomainError } from '../errors.js';
import { assertCan } from '../policy/policy.js';
import type { Actor, Deps, Unit } from '../ports.js';
import { parseInput } from '../validate.js';
import { assertUniqueCode } from './create-unit.js';
import { getUnitOrThrow, loadTree, unitSnapshot } from './unit-context.js';
import { updateUnitInput, type UpdateUnitInput } from './unit-input.js';

export async function updateUnit(deps: Deps, actor: Actor, unitId: string, input: UpdateUnitInput): Promise<Unit> {
  const data = parseInput(updateUnitInput, input);
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const before = await getUnitOrThrow(r, unitId);
    assertCan(actor, 'unit.update', unitId, tree);
    if (data.code !== undefined) await assertUniqueCode(r, data.code, unitId);
    if (data.slug !== undefined && data.slug !== before.slug) {
      const other = await r.units.getBySlug(data.slug);
      if (other) throw new DomainError('CONFLICT', `网址标识“${data.slug}”已被其他单位使用`, { fields: [{ path: 'slug', message: '网址标识已被使用，请换一个' }] });
    }
    const after: Unit = { ...before, updatedAt: deps.clock.now() };
    for (const [k, v] of Object.entries(data)) {
      if (v !== undefined) (after as unknown as Record<string, unknown>)[k] = v;
    }
    await r.units.update(after);
    await r.audit.append(
      { actorId: actor.accountId, actorName: actor.name, unitId, action: 'unit.update', entityType: 'unit', entityId: unitId, before: unitSnapshot(before), after: unitSnapshot(after), ip: actor.ip ?? null },
      after.updatedAt,
    );
    return after;
  });
}
