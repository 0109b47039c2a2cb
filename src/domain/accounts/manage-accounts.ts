/** Account lifecycle: create → active ⇄ disabled, password reset and unlock by an administrator. Every step is audited. */
import { DomainError } from '../errors.js';
import { assertCan, canGrant } from '../policy/policy.js';
import type { Account, Actor, Deps, Repos, RoleAssignment } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { parseInput } from '../validate.js';
import { accountSnapshot, auditBy, getAccountOrThrow } from './account-context.js';
import { createAccountInput, roleAssignmentInput, updateAccountInput, type CreateAccountInput, type UpdateAccountInput } from './account-input.js';
import { generateTemporaryPassword, passwordProblems } from './password-policy.js';
import { z } from 'zod';
import type { UnitTree } from '../units/tree.js';
import { ROLES } from '../glossary.js';

export async function createAccount(deps: Deps, actor: Actor, input: CreateAccountInput): Promise<{ account: Account; roles: RoleAssignment[]; initialPassword: string | null }> {
  const data = parseInput(createAccountInput, input);
  let initialPassword: string | null = null;
  let password = data.password;
  if (password) {
    const p = passwordProblems(password, data.username, deps.settings.passwordMinLength);
    if (p.length) throw new DomainError('VALIDATION', p[0] as string, { fields: p.map((message) => ({ path: 'password', message })) });
  } else {
    password = initialPassword = generateTemporaryPassword();
  }
  const passwordHash = await deps.hasher.hash(password);
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const unit = await r.units.get(data.unitId);
    if (!unit) throw new DomainError('VALIDATION', '所属单位不存在', { fields: [{ path: 'unitId', message: '所属单位不存在' }] });
    assertCan(actor, 'account.manage', unit.id, tree);
    if (unit.status !== 'active') throw new DomainError('INVALID_STATE', `单位“${unit.name}”已停用，不能新建账号`);
    if (await r.accounts.getByUsername(data.username)) {
      throw new DomainError('CONFLICT', `用户名“${data.username}”已被使用`, { fields: [{ path: 'username', message: '用户名已被使用，请换一个' }] });
    }
    const now = deps.clock.now();
    const account: Account = {
      id: deps.newId(), unitId: unit.id, username: data.username, displayName: data.displayName, email: data.email ?? null,
      status: 'active', passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, totpSecretEnc: null,
      totpEnabled: false, lastLoginAt: null, passwordChangedAt: null, createdAt: now, updatedAt: now,
    };
    await r.accounts.insert(account);
    const roles = await checkedRoles(deps, actor, tree, r, account.id, data.roles, now);
    await r.roles.replaceForAccount(account.id, roles);
    await r.audit.append({ ...auditBy(actor), unitId: unit.id, action: 'account.create', entityType: 'account', entityId: account.id, after: accountSnapshot(account, roles) }, now);
    return { account, roles, initialPassword };
  });
}

async function checkedRoles(
  deps: Deps, actor: Actor, tree: UnitTree, r: Repos, accountId: string,
  wanted: { unitId: string; role: keyof typeof ROLES }[], now: string,
): Promise<RoleAssignment[]> {
  const seen = new Set<string>();
  const out: RoleAssignment[] = [];
  for (const [i, w] of wanted.entries()) {
    const key = `${w.unitId}:${w.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const unit = await r.units.get(w.unitId);
    if (!unit) throw new DomainError('VALIDATION', '角色所属单位不存在', { fields: [{ path: `roles.${i}.unitId`, message: '单位不存在' }] });
    if (!canGrant(actor, w.role, w.unitId, tree)) {
      throw new DomainError('FORBIDDEN', `您不能在“${unit.name}”授予“${ROLES[w.role]}”角色`, { fields: [{ path: `roles.${i}.role`, message: '无权授予该角色' }] });
    }
    out.push({ id: deps.newId(), accountId, unitId: w.unitId, role: w.role, createdAt: now });
  }
  return out;
}

export async function updateAccount(deps: Deps, actor: Actor, accountId: string, input: UpdateAccountInput): Promise<Account> {
  const data = parseInput(updateAccountInput, input);
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const before = await getAccountOrThrow(r, accountId);
    assertCan(actor, 'account.manage', before.unitId, tree);
    if (data.unitId && data.unitId !== before.unitId) {
      const unit = await r.units.get(data.unitId);
      if (!unit || unit.status !== 'active') throw new DomainError('VALIDATION', '新的所属单位不存在或已停用', { fields: [{ path: 'unitId', message: '单位不存在或已停用' }] });
      assertCan(actor, 'account.manage', data.unitId, tree);
    }
    const now = deps.clock.now();
    const after: Account = {
      ...before,
      displayName: data.displayName ?? before.displayName,
      email: data.email !== undefined ? data.email : before.email,
      unitId: data.unitId ?? before.unitId,
      updatedAt: now,
    };
    await r.accounts.update(after);
    await r.audit.append({ ...auditBy(actor), unitId: after.unitId, action: 'account.update', entityType: 'account', entityId: accountId, before: accountSnapshot(before), after: accountSnapshot(after) }, now);
    return after;
  });
}

export async function setAccountRoles(deps: Deps, actor: Actor, accountId: string, input: unknown): Promise<RoleAssignment[]> {
  const wanted = parseInput(z.array(roleAssignmentInput).max(20), input);
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const account = await getAccountOrThrow(r, accountId);
    assertCan(actor, 'account.manage', account.unitId, tree);
    const before = await r.roles.listForAccount(accountId);
    // Roles the actor could not grant must not be removed by them either.
    for (const b of before) {
      const kept = wanted.some((w) => w.unitId === b.unitId && w.role === b.role);
      if (!kept && !canGrant(actor, b.role, b.unitId, tree)) throw new DomainError('FORBIDDEN', `您不能撤销“${ROLES[b.role]}”角色`);
    }
    const now = deps.clock.now();
    const roles = await checkedRoles(deps, actor, tree, r, accountId, wanted, now);
    if (actor.accountId === accountId && before.some((b) => b.role === 'sysAdmin') && !roles.some((x) => x.role === 'sysAdmin')) {
      throw new DomainError('INVALID_STATE', '不能撤销自己的系统管理员角色，请由其他系统管理员操作');
    }
    await r.roles.replaceForAccount(accountId, roles);
    await r.audit.append({
      ...auditBy(actor), unitId: account.unitId, action: 'account.roles', entityType: 'account', entityId: accountId,
      before: before.map((x) => ({ unitId: x.unitId, role: x.role })), after: roles.map((x) => ({ unitId: x.unitId, role: x.role })),
    }, now);
    return roles;
  });
}

export async function setAccountStatus(deps: Deps, actor: Actor, accountId: string, status: 'active' | 'disabled'): Promise<Account> {
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const before = await getAccountOrThrow(r, accountId);
    assertCan(actor, 'account.manage', before.unitId, tree);
    if (status === 'disabled' && actor.accountId === accountId) throw new DomainError('INVALID_STATE', '不能停用自己的账号');
    if (before.status === status) return before;
    if (status === 'active') {
      const unit = await r.units.get(before.unitId);
      if (unit?.status !== 'active') throw new DomainError('INVALID_STATE', '所属单位已停用，请先启用单位或调整所属单位');
    }
    const now = deps.clock.now();
    const after: Account = { ...before, status, updatedAt: now };
    await r.accounts.update(after);
    if (status === 'disabled') await r.sessions.deleteForAccount(accountId);
    await r.audit.append({ ...auditBy(actor), unitId: before.unitId, action: status === 'active' ? 'account.enable' : 'account.disable', entityType: 'account', entityId: accountId, before: { status: before.status }, after: { status } }, now);
    return after;
  });
}

/** An administrator sets a new one-time password: the account is unlocked, must change it at next login, and its sessions end. */
export async function resetPassword(deps: Deps, actor: Actor, accountId: string): Promise<{ account: Account; temporaryPassword: string }> {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await deps.hasher.hash(temporaryPassword);
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const before = await getAccountOrThrow(r, accountId);
    assertCan(actor, 'account.manage', before.unitId, tree);
    const now = deps.clock.now();
    const after: Account = { ...before, passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, updatedAt: now };
    await r.accounts.update(after);
    await r.sessions.deleteForAccount(accountId);
    await r.audit.append({ ...auditBy(actor), unitId: before.unitId, action: 'account.resetPassword', entityType: 'account', entityId: accountId, after: { mustChangePassword: true, unlocked: before.lockedUntil !== null } }, now);
    return { account: after, temporaryPassword };
  });
}

export async function unlockAccount(deps: Deps, actor: Actor, accountId: string): Promise<Account> {
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const before = await getAccountOrThrow(r, accountId);
    assertCan(actor, 'account.manage', before.unitId, tree);
    const now = deps.clock.now();
    const after: Account = { ...before, failedAttempts: 0, lockedUntil: null, updatedAt: now };
    await r.accounts.update(after);
    await r.audit.append({ ...auditBy(actor), unitId: before.unitId, action: 'account.unlock', entityType: 'account', entityId: accountId, before: { failedAttempts: before.failedAttempts, lockedUntil: before.lockedUntil }, after: { failedAttempts: 0, lockedUntil: null } }, now);
    return after;
  });
}

/** An administrator removes a lost second factor; the user can enrol again after logging in. */
export async function resetTotp(deps: Deps, actor: Actor, accountId: string): Promise<Account> {
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const before = await getAccountOrThrow(r, accountId);
    assertCan(actor, 'account.manage', before.unitId, tree);
    const now = deps.clock.now();
    const after: Account = { ...before, totpEnabled: false, totpSecretEnc: null, updatedAt: now };
    await r.accounts.update(after);
    await r.audit.append({ ...auditBy(actor), unitId: before.unitId, action: 'account.totpReset', entityType: 'account', entityId: accountId, before: { totpEnabled: before.totpEnabled }, after: { totpEnabled: false } }, now);
    return after;
  });
}
