import { Secret, TOTP } from 'otpauth';
import type { TotpService } from '../domain/ports.js';

/** RFC 6238 TOTP (30 s, 6 digits, SHA-1: what every authenticator app supports), one step of clock drift allowed. */
export function totpService(issuer: string): TotpService {
  const make = (secret: string, label = '') => new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  return {
    newSecret: () => new Secret({ size: 20 }).base32,
    matchStep: (secret, token, at) => {
      if (!/^\d{6}$/.test(token)) return null;
      const delta = make(secret).validate({ token, timestamp: at, window: 1 });
      return delta === null ? null : Math.floor(at / 30_000) + delta;
    },
    uri: (secret, label) => make(secret, label).toString(),
  };
}

/** For tests and the CLI: the code an authenticator would show at `at`. */
export function totpCode(secret: string, at: number): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp: at });
}
