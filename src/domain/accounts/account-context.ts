import { notFound } from '../errors.js';
import type { Account, Actor, Repos, RoleAssignment } from '../ports.js';

/** What the audit log and API show of an account: never the password hash or the TOTP secret. */
export function accountSnapshot(a: Account, roles?: RoleAssignment[]) {
  return {
    id: a.id, unitId: a.unitId, username: a.username, displayName: a.displayName, email: a.email, status: a.status,
    mustChangePassword: a.mustChangePassword, totpEnabled: a.totpEnabled,
    locked: a.lockedUntil !== null, ...(roles ? { roles: roles.map((r) => ({ unitId: r.unitId, role: r.role })) } : {}),
  };
}

export async function getAccountOrThrow(r: Repos, id: string): Promise<Account> {
  const a = await r.accounts.get(id);
  if (!a) throw notFound('账号');
  return a;
}

export const auditBy = (actor: Actor) => ({ actorId: actor.accountId, actorName: actor.name, ip: actor.ip ?? null });
