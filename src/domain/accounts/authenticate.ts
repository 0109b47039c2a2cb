/** Login, logout, session check, own password change and TOTP enrolment. */
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { Account, Actor, Deps, Session } from '../ports.js';
import { accountSnapshot, auditBy } from './account-context.js';
import { afterFailedLogin, afterSuccessfulLogin, isLocked, sessionAlive } from './lockout.js';
import { passwordProblems } from './password-policy.js';

const BAD_CREDENTIALS = '用户名或密码错误';
/** Logins, sessions and credentials never change what the public portal shows. */
const AUTH_ONLY = { publicContent: false } as const;
// A real argon2id hash of a random string: verifying against it costs the same as a real account,
// so response time does not reveal whether a username exists.
let dummyHash: Promise<string> | null = null;

export const sessionIdFromToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
  ip?: string | null | undefined;
  userAgent?: string | null | undefined;
}

export interface LoginResult {
  token: string;
  session: Session;
  account: Account;
}

export async function login(deps: Deps, input: LoginInput): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const account = await deps.store.read((r) => r.accounts.getByUsername(username));
  const now = deps.clock.now();
  if (!account) {
    dummyHash ??= deps.hasher.hash(randomBytes(16).toString('hex'));
    await deps.hasher.verify(await dummyHash, input.password);
    throw new DomainError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  if (isLocked(account, now)) {
    throw new DomainError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定至 ${formatBeijing(account.lockedUntil as string)}，请稍后再试或联系管理员解锁`);
  }
  const ok = await deps.hasher.verify(account.passwordHash, input.password);
  if (!ok) {
    await recordFailure(deps, account, input.ip ?? null, 'password');
    throw new DomainError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  if (account.status !== 'active') throw new DomainError('ACCOUNT_DISABLED', '该账号已停用，请联系本单位公开办管理员');
  let totpSecretEnc = account.totpSecretEnc;
  if (account.totpEnabled) {
    if (!input.totp) throw new DomainError('TOTP_REQUIRED', '请输入身份验证器中的6位动态码');
    const stored = openTotp(deps, account.totpSecretEnc as string);
    const step = deps.totp.matchStep(stored.secret, input.totp.trim(), Date.parse(now));
    // RFC 6238 §5.2: a code is accepted once; a replay within its window is refused.
    if (step === null || (stored.lastStep !== null && step <= stored.lastStep)) {
      await recordFailure(deps, account, input.ip ?? null, 'totp');
      throw new DomainError('TOTP_INVALID', '动态码不正确、已过期或已使用过，请等待下一个动态码');
    }
    totpSecretEnc = sealTotp(deps, stored.secret, step);
  }
  const token = randomBytes(32).toString('base64url');
  const session: Session = {
    id: sessionIdFromToken(token),
    accountId: account.id,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(Date.parse(now) + deps.settings.sessionMaxHours * 3_600_000).toISOString(),
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  };
  const updated = { ...afterSuccessfulLogin(account, now), totpSecretEnc };
  await deps.store.write(async (r) => {
    await r.accounts.update(updated);
    await r.sessions.insert(session);
    await r.sessions.purgeExpired(now, new Date(Date.parse(now) - deps.settings.sessionIdleMinutes * 60_000).toISOString());
    await r.audit.append({ actorId: account.id, actorName: account.displayName, unitId: account.unitId, action: 'auth.login', entityType: 'account', entityId: account.id, ip: input.ip ?? null, after: { totp: account.totpEnabled } }, now);
  }, AUTH_ONLY);
  return { token, session, account: updated };
}

async function recordFailure(deps: Deps, account: Account, ip: string | null, factor: 'password' | 'totp'): Promise<void> {
  await deps.store.write(async (r) => {
    // Re-read inside the transaction so concurrent failures all count.
    const current = (await r.accounts.get(account.id)) ?? account;
    const now = deps.clock.now();
    const after = afterFailedLogin(current, now, deps.settings);
    await r.accounts.update(after);
    await r.audit.append({ actorId: null, actorName: null, unitId: account.unitId, action: 'auth.loginFailed', entityType: 'account', entityId: account.id, ip, after: { factor, failedAttempts: after.failedAttempts } }, now);
    if (after.lockedUntil && after.lockedUntil !== current.lockedUntil) {
      await r.audit.append({ actorId: null, actorName: null, unitId: account.unitId, action: 'account.lock', entityType: 'account', entityId: account.id, ip, after: { lockedUntil: after.lockedUntil } }, now);
    }
  }, AUTH_ONLY);
}

export interface AuthContext {
  actor: Actor;
  account: Account;
  session: Session;
}

/** Resolves a session token to an actor, enforcing idle timeout and absolute lifetime. */
export async function authenticate(deps: Deps, token: string, ip: string | null): Promise<AuthContext> {
  const id = sessionIdFromToken(token);
  const now = deps.clock.now();
  const found = await deps.store.read(async (r) => {
    const session = await r.sessions.get(id);
    if (!session) return null;
    const account = await r.accounts.get(session.accountId);
    const roles = account ? await r.roles.listForAccount(account.id) : [];
    return { session, account, roles };
  });
  if (!found) throw new DomainError('UNAUTHENTICATED', '请先登录');
  const { session, account, roles } = found;
  if (!account || account.status !== 'active' || !sessionAlive(session.lastSeenAt, session.expiresAt, now, deps.settings)) {
    await deps.store.write((r) => r.sessions.delete(id), AUTH_ONLY);
    throw new DomainError('UNAUTHENTICATED', '登录已超时，请重新登录');
  }
  // Refresh the idle timer at most once a minute: one write per active minute, not per request.
  if (Date.parse(now) - Date.parse(session.lastSeenAt) > 60_000) {
    await deps.store.write((r) => r.sessions.touch(id, now), AUTH_ONLY);
    session.lastSeenAt = now;
  }
  return {
    session,
    account,
    actor: { accountId: account.id, name: account.displayName, unitId: account.unitId, roles: roles.map((x) => ({ unitId: x.unitId, role: x.role })), ip },
  };
}

export async function logout(deps: Deps, ctx: AuthContext): Promise<void> {
  await deps.store.write(async (r) => {
    await r.sessions.delete(ctx.session.id);
    await r.audit.append({ ...auditBy(ctx.actor), unitId: ctx.account.unitId, action: 'auth.logout', entityType: 'account', entityId: ctx.account.id }, deps.clock.now());
  }, AUTH_ONLY);
}

export async function changeOwnPassword(deps: Deps, ctx: AuthContext, current: string, next: string): Promise<void> {
  if (!(await deps.hasher.verify(ctx.account.passwordHash, current))) {
    throw new DomainError('VALIDATION', '当前密码不正确', { fields: [{ path: 'currentPassword', message: '当前密码不正确' }] });
  }
  const problems = passwordProblems(next, ctx.account.username, deps.settings.passwordMinLength);
  if (current === next) problems.push('新密码不能与当前密码相同');
  if (problems.length) throw new DomainError('VALIDATION', problems[0] as string, { fields: problems.map((message) => ({ path: 'newPassword', message })) });
  const hash = await deps.hasher.hash(next);
  await deps.store.write(async (r) => {
    const now = deps.clock.now();
    const a = (await r.accounts.get(ctx.account.id)) as Account;
    await r.accounts.update({ ...a, passwordHash: hash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now });
    // A new password ends every other session of the account (e.g. one opened by whoever knew the old one).
    await r.sessions.deleteForAccountExcept(a.id, ctx.session.id);
    await r.audit.append({ ...auditBy(ctx.actor), unitId: a.unitId, action: 'account.changePassword', entityType: 'account', entityId: a.id }, now);
  }, AUTH_ONLY);
}

/** Step 1 of TOTP enrolment: a new secret, stored sealed but not yet enforced. Returns the otpauth:// URI for the QR code. */
export async function beginTotpEnrolment(deps: Deps, ctx: AuthContext): Promise<{ uri: string; secret: string }> {
  const secret = deps.totp.newSecret();
  await deps.store.write(async (r) => {
    const a = (await r.accounts.get(ctx.account.id)) as Account;
    if (a.totpEnabled) throw new DomainError('INVALID_STATE', '已启用动态码验证；如需更换，请先停用');
    await r.accounts.update({ ...a, totpSecretEnc: sealTotp(deps, secret, null), updatedAt: deps.clock.now() });
  }, AUTH_ONLY);
  return { uri: deps.totp.uri(secret, ctx.account.username), secret };
}

/** Step 2: the user proves their authenticator works; from now on login asks for the code. */
export async function confirmTotpEnrolment(deps: Deps, ctx: AuthContext, token: string): Promise<void> {
  await deps.store.write(async (r) => {
    const a = (await r.accounts.get(ctx.account.id)) as Account;
    if (!a.totpSecretEnc) throw new DomainError('INVALID_STATE', '请先生成动态码密钥');
    if (a.totpEnabled) return;
    const now = deps.clock.now();
    const stored = openTotp(deps, a.totpSecretEnc);
    const step = deps.totp.matchStep(stored.secret, token.trim(), Date.parse(now));
    if (step === null) {
      throw new DomainError('VALIDATION', '动态码不正确，请核对手机时间后重试', { fields: [{ path: 'token', message: '动态码不正确' }] });
    }
    await r.accounts.update({ ...a, totpEnabled: true, totpSecretEnc: sealTotp(deps, stored.secret, step), updatedAt: now });
    await r.audit.append({ ...auditBy(ctx.actor), unitId: a.unitId, action: 'account.totpEnable', entityType: 'account', entityId: a.id, after: accountSnapshot({ ...a, totpEnabled: true }) }, now);
  }, AUTH_ONLY);
}

export async function disableOwnTotp(deps: Deps, ctx: AuthContext, password: string): Promise<void> {
  if (!(await deps.hasher.verify(ctx.account.passwordHash, password))) {
    throw new DomainError('VALIDATION', '密码不正确', { fields: [{ path: 'password', message: '密码不正确' }] });
  }
  await deps.store.write(async (r) => {
    const a = (await r.accounts.get(ctx.account.id)) as Account;
    const now = deps.clock.now();
    await r.accounts.update({ ...a, totpEnabled: false, totpSecretEnc: null, updatedAt: now });
    await r.audit.append({ ...auditBy(ctx.actor), unitId: a.unitId, action: 'account.totpDisable', entityType: 'account', entityId: a.id }, now);
  }, AUTH_ONLY);
}

/** Beijing time for messages: deadlines and locks are read by people in China Standard Time. */
export function formatBeijing(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The TOTP secret is sealed together with the last accepted time step, so a code cannot be replayed. */
function sealTotp(deps: Deps, secret: string, lastStep: number | null): string {
  return deps.secrets.seal(JSON.stringify({ secret, lastStep }));
}
function openTotp(deps: Deps, sealed: string): { secret: string; lastStep: number | null } {
  const plain = deps.secrets.open(sealed);
  return plain.startsWith('{') ? (JSON.parse(plain) as { secret: string; lastStep: number | null }) : { secret: plain, lastStep: null };
}
