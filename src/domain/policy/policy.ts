/**
 * Who may do what, in one place. Every route and CLI command asks `can`/`assertCan`; nothing else decides.
 *
 * A role is assigned to an account for a unit. Its scope is either that unit alone ('unit') or the unit and
 * every unit below it ('subtree'): the supervising office one level up (Art. 3: 主管部门) watches its
 * departments and townships, a disclosure-office administrator of a government runs its whole tree.
 */
import type { Role } from '../glossary.js';
import type { Actor } from '../ports.js';
import { forbidden } from '../errors.js';
import type { UnitTree } from '../units/tree.js';

export type Action =
  | 'unit.read'
  | 'unit.create'
  | 'unit.update'
  | 'unit.move'
  | 'unit.deactivate'
  | 'guide.edit'
  | 'account.read'
  | 'account.manage'
  | 'account.grantSysAdmin'
  | 'audit.read'
  | 'audit.export'
  | 'attachment.upload'
  // Reserved for the publication, application and report modules; granted here so roles stay in one table.
  | 'publication.read'
  | 'publication.draft'
  | 'publication.review'
  /** 主动公开 catalogue columns, review stages and code lists of a unit (公开办). */
  | 'publication.manage'
  /** Platform-wide entries of the wording dictionary (checks before publication). */
  | 'publication.wordingPlatform'
  | 'request.read'
  | 'request.handle'
  /** Art. 33: an extension needs the consent of the head of the disclosure office. */
  | 'request.approveExtension'
  | 'report.read'
  | 'report.edit';

interface RoleGrant {
  scope: 'unit' | 'subtree';
  actions: ReadonlySet<Action>;
}

const READ_ONLY: Action[] = ['unit.read', 'account.read', 'audit.read', 'publication.read', 'request.read', 'report.read'];

export const ROLE_GRANTS: Record<Role, RoleGrant> = {
  sysAdmin: {
    scope: 'subtree',
    actions: new Set<Action>([
      'unit.read', 'unit.create', 'unit.update', 'unit.move', 'unit.deactivate', 'guide.edit',
      'account.read', 'account.manage', 'account.grantSysAdmin', 'audit.read', 'audit.export', 'attachment.upload',
      'publication.read', 'publication.wordingPlatform', 'request.read', 'report.read',
    ]),
  },
  officeAdmin: {
    scope: 'subtree',
    actions: new Set<Action>([
      'unit.read', 'unit.create', 'unit.update', 'unit.move', 'unit.deactivate', 'guide.edit',
      'account.read', 'account.manage', 'audit.read', 'audit.export', 'attachment.upload',
      'publication.read', 'publication.review', 'publication.manage', 'request.read', 'request.approveExtension', 'report.read', 'report.edit',
    ]),
  },
  infoOfficer: {
    scope: 'unit',
    actions: new Set<Action>(['unit.read', 'publication.read', 'publication.draft', 'attachment.upload']),
  },
  reviewer: {
    scope: 'unit',
    actions: new Set<Action>(['unit.read', 'publication.read', 'publication.review']),
  },
  caseHandler: {
    scope: 'unit',
    actions: new Set<Action>(['unit.read', 'request.read', 'request.handle', 'attachment.upload']),
  },
  supervisor: { scope: 'subtree', actions: new Set<Action>(READ_ONLY) },
};

export function can(actor: Actor, action: Action, unitId: string, tree: UnitTree): boolean {
  if (actor.system) return true;
  if (!tree.has(unitId)) return false;
  for (const a of actor.roles) {
    const grant = ROLE_GRANTS[a.role];
    if (!grant || !grant.actions.has(action)) continue;
    if (a.unitId === unitId) return true;
    if (grant.scope === 'subtree' && tree.isWithin(unitId, a.unitId)) return true;
  }
  return false;
}

export function assertCan(actor: Actor, action: Action, unitId: string, tree: UnitTree): void {
  if (!can(actor, action, unitId, tree)) throw forbidden();
}

/** Every unit on which the actor may perform `action` (for list filtering). */
export function unitsWhere(actor: Actor, action: Action, tree: UnitTree, allUnitIds: readonly string[]): string[] {
  if (actor.system) return [...allUnitIds];
  const out = new Set<string>();
  for (const a of actor.roles) {
    const grant = ROLE_GRANTS[a.role];
    if (!grant || !grant.actions.has(action) || !tree.has(a.unitId)) continue;
    if (grant.scope === 'subtree') for (const id of tree.subtree(a.unitId)) out.add(id);
    else out.add(a.unitId);
  }
  return [...out];
}

/**
 * May the actor give `role` at `unitId`? They must manage accounts there, and only a system administrator
 * may create another system administrator.
 */
export function canGrant(actor: Actor, role: Role, unitId: string, tree: UnitTree): boolean {
  if (!can(actor, 'account.manage', unitId, tree)) return false;
  if (role === 'sysAdmin') return can(actor, 'account.grantSysAdmin', unitId, tree);
  return true;
}
