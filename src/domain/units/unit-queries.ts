import { can, unitsWhere } from '../policy/policy.js';
import { notFound } from '../errors.js';
import type { Actor, Deps, Unit } from '../ports.js';
import { getUnitOrThrow, loadTree } from './unit-context.js';
import { effectiveGuide } from '../guide/guide.js';

/** Units the actor may read, each with what the actor may do there (drives the admin UI's buttons). */
export async function listUnitsFor(deps: Deps, actor: Actor) {
  return deps.store.read(async (r) => {
    const { units, tree } = await loadTree(r);
    const visible = new Set(unitsWhere(actor, 'unit.read', tree, units.map((u) => u.id)));
    return units
      .filter((u) => visible.has(u.id))
      .map((u) => ({
        ...u,
        can: {
          update: can(actor, 'unit.update', u.id, tree),
          createChild: can(actor, 'unit.create', u.id, tree),
          move: can(actor, 'unit.move', u.id, tree),
          deactivate: can(actor, 'unit.deactivate', u.id, tree),
          editGuide: can(actor, 'guide.edit', u.id, tree),
          manageAccounts: can(actor, 'account.manage', u.id, tree),
        },
      }));
  });
}

export async function getUnitFor(deps: Deps, actor: Actor, id: string): Promise<Unit> {
  return deps.store.read(async (r) => {
    const { tree } = await loadTree(r);
    const unit = await getUnitOrThrow(r, id);
    if (!can(actor, 'unit.read', id, tree)) throw notFound('单位');
    return unit;
  });
}

export async function getGuideFor(deps: Deps, actor: Actor, id: string) {
  return deps.store.read(async (r) => {
    const { tree } = await loadTree(r);
    const unit = await getUnitOrThrow(r, id);
    if (!can(actor, 'unit.read', id, tree)) throw notFound('单位');
    const saved = await r.guides.get(id);
    return { unitId: id, sections: effectiveGuide(unit, saved?.sections), updatedAt: saved?.updatedAt ?? null };
  });
}

/** Public view: active units only, for the portal and the public API. */
export async function listPublicUnits(deps: Deps): Promise<Unit[]> {
  return deps.store.read(async (r) => (await r.units.list()).filter((u) => u.status === 'active'));
}

export async function getPublicUnitPage(deps: Deps, slug: string) {
  return deps.store.read(async (r) => {
    const unit = await r.units.getBySlug(slug);
    if (!unit) return null;
    const [guide, all] = await Promise.all([r.guides.get(unit.id), r.units.list()]);
    const parent = unit.parentId ? all.find((u) => u.id === unit.parentId) ?? null : null;
    const children = all.filter((u) => u.parentId === unit.id && u.status === 'active');
    return { unit, parent, children, guide: effectiveGuide(unit, guide?.sections), guideUpdatedAt: guide?.updatedAt ?? unit.updatedAt };
  });
}
