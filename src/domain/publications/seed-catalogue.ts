import type { Repos, Unit } from '../ports.js';
import { seedColumnsFor } from './catalogue-template.js';

/**
 * Gives a unit the template's column tree (rules.md §2), skipping codes it already has, so it can run for a new
 * unit and again for an existing one. Returns the number of columns created.
 */
export async function seedCatalogue(r: Repos, unit: Pick<Unit, 'id' | 'level' | 'type'>, newId: () => string, now: string): Promise<number> {
  const existing = new Map((await r.catalogue.columns(unit.id)).map((c) => [c.code, c.id]));
  let created = 0;
  for (const c of seedColumnsFor(unit)) {
    if (existing.has(c.code)) continue;
    const id = newId();
    await r.catalogue.insertColumn({
      id, unitId: unit.id, parentId: c.parentCode ? existing.get(c.parentCode) ?? null : null, code: c.code, name: c.name, description: null,
      sortOrder: c.sortOrder, timeLimitDays: c.timeLimitDays, freshnessDays: c.freshnessDays, templateKey: c.code, acceptsItems: c.acceptsItems,
      createdAt: now, updatedAt: now,
    });
    existing.set(c.code, id);
    created++;
  }
  return created;
}
