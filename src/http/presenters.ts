import type { Unit } from '../domain/ports.js';
import { UNIT_LEVELS, UNIT_TYPES } from '../domain/glossary.js';

/** What the public sees of a unit: the Art. 12 contact facts and the Art. 20(二) profile, nothing internal. */
export function publicUnit(u: Unit) {
  return {
    id: u.id, parentId: u.parentId, name: u.name, shortName: u.shortName, code: u.code, slug: u.slug,
    type: u.type, typeLabel: UNIT_TYPES[u.type], level: u.level, levelLabel: UNIT_LEVELS[u.level],
    officeName: u.officeName, address: u.address, officeHours: u.officeHours, phone: u.phone, fax: u.fax,
    email: u.email, website: u.website, postcode: u.postcode, functions: u.functions, leaders: u.leaders,
    internalBodies: u.internalBodies,
  };
}
