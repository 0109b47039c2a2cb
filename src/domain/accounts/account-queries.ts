import { can, unitsWhere } from '../policy/policy.js';
import { notFound } from '../errors.js';
import type { Actor, Deps } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { accountSnapshot, getAccountOrThrow } from './account-context.js';

export async function listAccountsFor(deps: Deps, actor: Actor, opts: { unitId?: string | undefined } = {}) {
  return deps.store.read(async (r) => {
    const { tree, units } = await loadTree(r);
    let unitIds = unitsWhere(actor, 'account.read', tree, units.map((u) => u.id));
    if (opts.unitId) unitIds = unitIds.includes(opts.unitId) ? [opts.unitId] : [];
    const accounts = await r.accounts.listByUnits(unitIds);
    const roles = await r.roles.listForAccounts(accounts.map((a) => a.id));
    const now = deps.clock.now();
    return accounts.map((a) => ({
      ...accountSnapshot(a, roles.filter((x) => x.accountId === a.id)),
      locked: a.lockedUntil !== null && a.lockedUntil > now,
      lastLoginAt: a.lastLoginAt,
      createdAt: a.createdAt,
      canManage: can(actor, 'account.manage', a.unitId, tree),
    }));
  });
}

export async function getAccountFor(deps: Deps, actor: Actor, id: string) {
  return deps.store.read(async (r) => {
    const { tree } = await loadTree(r);
    const a = await getAccountOrThrow(r, id);
    // Another unit's account is reported as absent, not as forbidden: its existence is not disclosed.
    if (!can(actor, 'account.read', a.unitId, tree)) throw notFound('账号');
    const roles = await r.roles.listForAccount(id);
    const now = deps.clock.now();
    return { ...accountSnapshot(a, roles), locked: a.lockedUntil !== null && a.lockedUntil > now, lastLoginAt: a.lastLoginAt, createdAt: a.createdAt, canManage: can(actor, 'account.manage', a.unitId, tree) };
  });
}
