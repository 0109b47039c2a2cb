import { describe, expect, it } from 'vitest';
import type { Role } from '../glossary.js';
import type { Actor } from '../ports.js';
import { UnitTree } from '../units/tree.js';
import { can, canGrant, unitsWhere, type Action } from './policy.js';

// city ─┬─ deptA ── sectionA1
//       ├─ deptB
//       └─ town
// other (a second root, e.g. another county on the same platform)
const tree = new UnitTree([
  { id: 'city', parentId: null },
  { id: 'deptA', parentId: 'city' },
  { id: 'sectionA1', parentId: 'deptA' },
  { id: 'deptB', parentId: 'city' },
  { id: 'town', parentId: 'city' },
  { id: 'other', parentId: null },
]);
const ALL = ['city', 'deptA', 'sectionA1', 'deptB', 'town', 'other'];
const actor = (role: Role, unitId: string): Actor => ({ accountId: 'x', name: 'x', unitId, roles: [{ role, unitId }] });

type Row = [Role, string, Action, string, boolean];
const MATRIX: Row[] = [
  // system administrator: everything below the unit it is assigned at, nothing outside
  ['sysAdmin', 'city', 'unit.create', 'town', true],
  ['sysAdmin', 'city', 'account.manage', 'sectionA1', true],
  ['sysAdmin', 'city', 'account.grantSysAdmin', 'deptB', true],
  ['sysAdmin', 'city', 'unit.update', 'other', false],
  // disclosure-office administrator of the city: runs its tree but cannot create system administrators
  ['officeAdmin', 'city', 'unit.update', 'deptA', true],
  ['officeAdmin', 'city', 'guide.edit', 'town', true],
  ['officeAdmin', 'city', 'account.manage', 'deptB', true],
  ['officeAdmin', 'city', 'account.grantSysAdmin', 'deptB', false],
  ['officeAdmin', 'deptA', 'unit.update', 'deptB', false],
  ['officeAdmin', 'deptA', 'unit.update', 'city', false],
  ['officeAdmin', 'deptA', 'unit.update', 'sectionA1', true],
  // information officer, reviewer, case handler: their own unit only, their own trade only
  ['infoOfficer', 'deptA', 'publication.draft', 'deptA', true],
  ['infoOfficer', 'deptA', 'publication.draft', 'deptB', false],
  ['infoOfficer', 'deptA', 'publication.draft', 'sectionA1', false],
  ['infoOfficer', 'deptA', 'publication.review', 'deptA', false],
  ['infoOfficer', 'deptA', 'account.manage', 'deptA', false],
  ['reviewer', 'deptA', 'publication.review', 'deptA', true],
  ['reviewer', 'deptA', 'publication.draft', 'deptA', false],
  ['caseHandler', 'deptA', 'request.handle', 'deptA', true],
  ['caseHandler', 'deptA', 'request.handle', 'deptB', false],
  ['caseHandler', 'deptA', 'request.read', 'deptB', false],
  ['caseHandler', 'deptA', 'unit.update', 'deptA', false],
  ['caseHandler', 'deptA', 'audit.read', 'deptA', false],
  // supervisor: reads its unit and everything below, changes nothing
  ['supervisor', 'city', 'request.read', 'town', true],
  ['supervisor', 'city', 'audit.read', 'sectionA1', true],
  ['supervisor', 'city', 'request.handle', 'town', false],
  ['supervisor', 'city', 'unit.update', 'city', false],
  ['supervisor', 'city', 'account.manage', 'deptA', false],
  ['supervisor', 'deptA', 'request.read', 'deptB', false],
  ['supervisor', 'city', 'unit.read', 'other', false],
];

describe('policy matrix: role × unit × action', () => {
  it.each(MATRIX)('%s at %s → %s on %s = %s', (role, at, action, target, expected) => {
    expect(can(actor(role, at), action, target, tree)).toBe(expected);
  });

  it('an unknown unit is never allowed, even for a system administrator', () => {
    expect(can(actor('sysAdmin', 'city'), 'unit.read', 'nope', tree)).toBe(false);
  });

  it('roles at several units combine', () => {
    const a: Actor = { accountId: 'x', name: 'x', unitId: 'deptA', roles: [{ role: 'caseHandler', unitId: 'deptA' }, { role: 'caseHandler', unitId: 'town' }] };
    expect(can(a, 'request.handle', 'town', tree)).toBe(true);
    expect(can(a, 'request.handle', 'deptB', tree)).toBe(false);
  });

  it('lists exactly the units in scope', () => {
    expect(unitsWhere(actor('supervisor', 'deptA'), 'request.read', tree, ALL).sort()).toEqual(['deptA', 'sectionA1']);
    expect(unitsWhere(actor('caseHandler', 'deptA'), 'request.read', tree, ALL)).toEqual(['deptA']);
    expect(unitsWhere(actor('infoOfficer', 'deptA'), 'request.read', tree, ALL)).toEqual([]);
  });

  it('only a system administrator can grant the system administrator role', () => {
    expect(canGrant(actor('officeAdmin', 'city'), 'sysAdmin', 'deptA', tree)).toBe(false);
    expect(canGrant(actor('officeAdmin', 'city'), 'reviewer', 'deptA', tree)).toBe(true);
    expect(canGrant(actor('sysAdmin', 'city'), 'sysAdmin', 'deptA', tree)).toBe(true);
    expect(canGrant(actor('officeAdmin', 'deptA'), 'reviewer', 'deptB', tree)).toBe(false);
  });
});

describe('unit tree', () => {
  it('knows subtrees and ancestry', () => {
    expect(tree.subtree('deptA').sort()).toEqual(['deptA', 'sectionA1']);
    expect(tree.ancestors('sectionA1')).toEqual(['deptA', 'city']);
    expect(tree.isWithin('sectionA1', 'city')).toBe(true);
    expect(tree.isWithin('city', 'sectionA1')).toBe(false);
  });
  it('terminates on corrupt (cyclic) data instead of looping', () => {
    const bad = new UnitTree([{ id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }]);
    expect(bad.ancestors('a')).toEqual(['b']);
    expect(bad.subtree('a').sort()).toEqual(['a', 'b']);
  });
});
