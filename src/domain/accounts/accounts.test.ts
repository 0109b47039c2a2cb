import { describe, expect, it } from 'vitest';
import type { Account, SecuritySettings } from '../ports.js';
import { afterFailedLogin, afterSuccessfulLogin, isLocked, sessionAlive } from './lockout.js';
import { generateTemporaryPassword, passwordProblems } from './password-policy.js';

const settings: SecuritySettings = { maxFailedLogins: 5, lockoutMinutes: 15, sessionIdleMinutes: 30, sessionMaxHours: 12, passwordMinLength: 10 };
const account = (over: Partial<Account> = {}): Account => ({
  id: 'a', unitId: 'u', username: 'wangl', displayName: '王磊', email: null, status: 'active', passwordHash: 'h',
  mustChangePassword: false, failedAttempts: 0, lockedUntil: null, totpSecretEnc: null, totpEnabled: false,
  lastLoginAt: null, passwordChangedAt: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...over,
});

describe('password policy', () => {
  it.each([
    ['Short#1a', '至少需要10位'],
    ['alllowercaseletters', '至少三类'],
    ['ALLUPPER12345', '至少三类'],
    ['Wangl#2026abc', '不能包含用户名'],
    ['Admin@2026', null], // 10 chars, 4 classes but on the common list
  ])('%s → %s', (pw, expected) => {
    const problems = passwordProblems(pw, 'wangl', 10);
    if (expected) expect(problems.join(' ')).toContain(expected);
    else expect(problems.join(' ')).toContain('过于常见');
  });

  it('accepts a strong password', () => {
    expect(passwordProblems('Zheng#Wu2026', 'wangl', 10)).toEqual([]);
  });

  it('generated one-time passwords always satisfy the policy and differ', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generateTemporaryPassword();
      expect(passwordProblems(p, 'wangl', 10)).toEqual([]);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});

describe('lockout', () => {
  const now = '2026-03-02T02:00:00.000Z';
  it('locks after the configured number of failures in a row, for the configured time', () => {
    let a = account();
    for (let i = 0; i < 4; i++) a = afterFailedLogin(a, now, settings);
    expect(isLocked(a, now)).toBe(false);
    a = afterFailedLogin(a, now, settings);
    expect(a.failedAttempts).toBe(5);
    expect(isLocked(a, now)).toBe(true);
    expect(isLocked(a, '2026-03-02T02:14:59.000Z')).toBe(true);
    expect(isLocked(a, '2026-03-02T02:15:00.000Z')).toBe(false);
  });
  it('a successful login resets the counter', () => {
    const a = afterSuccessfulLogin(account({ failedAttempts: 4 }), now);
    expect(a.failedAttempts).toBe(0);
    expect(a.lastLoginAt).toBe(now);
  });
  it('sessions end after the idle time or the absolute lifetime', () => {
    const created = '2026-03-02T00:00:00.000Z';
    const expires = '2026-03-02T12:00:00.000Z';
    expect(sessionAlive(created, expires, '2026-03-02T00:29:00.000Z', settings)).toBe(true);
    expect(sessionAlive(created, expires, '2026-03-02T00:30:00.000Z', settings)).toBe(false);
    expect(sessionAlive('2026-03-02T11:59:00.000Z', expires, '2026-03-02T12:00:00.000Z', settings)).toBe(false);
  });
});
