/** Turns the flat unit list from GET /units into the nested shapes antd's Tree and TreeSelect expect. */
import type { Unit } from '../api/types';

export interface UnitNode<U extends Unit> {
  unit: U;
  children: UnitNode<U>[];
}

const byOrder = (a: Unit, b: Unit) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');

/** Roots are units whose parent is not in the list (the actor may see only part of the tree). */
export function buildUnitTree<U extends Unit>(units: readonly U[]): UnitNode<U>[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, U[]>();
  for (const u of units) {
    const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(key) ?? [];
    list.push(u);
    children.set(key, list);
  }
  const build = (parent: string | null): UnitNode<U>[] =>
    (children.get(parent) ?? []).sort(byOrder).map((unit) => ({ unit, children: build(unit.id) }));
  return build(null);
}

/** The unit and every unit below it. */
export function subtreeIds(units: readonly Unit[], rootId: string): Set<string> {
  const out = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

export function unitNameMap(units: readonly Unit[]): Map<string, string> {
  return new Map(units.map((u) => [u.id, u.name]));
}
