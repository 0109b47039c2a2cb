import type { Account, SecuritySettings } from '../ports.js';

/** Locked accounts refuse every login attempt until the lock expires or an administrator unlocks them. */
export function isLocked(a: Account, now: string): boolean {
  return a.lockedUntil !== null && a.lockedUntil > now;
}

/** One more failed attempt; reaching the limit locks the account for the configured period. */
export function afterFailedLogin(a: Account, now: string, s: SecuritySettings): Account {
  const failedAttempts = a.failedAttempts + 1;
  const lockedUntil =
    failedAttempts >= s.maxFailedLogins ? new Date(Date.parse(now) + s.lockoutMinutes * 60_000).toISOString() : a.lockedUntil;
  return { ...a, failedAttempts, lockedUntil, updatedAt: now };
}

export function afterSuccessfulLogin(a: Account, now: string): Account {
  return { ...a, failedAttempts: 0, lockedUntil: null, lastLoginAt: now, updatedAt: now };
}

/** Session is still valid: neither idle longer than allowed nor past its absolute end. */
export function sessionAlive(lastSeenAt: string, expiresAt: string, now: string, s: SecuritySettings): boolean {
  if (expiresAt <= now) return false;
  return Date.parse(now) - Date.parse(lastSeenAt) < s.sessionIdleMinutes * 60_000;
}
