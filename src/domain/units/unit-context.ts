import { notFound } from '../errors.js';
import type { Repos, Unit } from '../ports.js';
import { UnitTree } from './tree.js';

export async function loadTree(r: Repos): Promise<{ units: Unit[]; tree: UnitTree }> {
  const units = await r.units.list();
  return { units, tree: new UnitTree(units) };
}

/** The tree alone (ids and parents), for permission checks on hot paths such as the work queue. */
export async function loadTreeOnly(r: Repos): Promise<UnitTree> {
  return new UnitTree(await r.units.listTree());
}

export async function getUnitOrThrow(r: Repos, id: string): Promise<Unit> {
  const u = await r.units.get(id);
  if (!u) throw notFound('单位');
  return u;
}

/** What the audit log keeps of a unit: everything, it holds no personal data of citizens. */
export const unitSnapshot = (u: Unit) => ({ ...u });
