import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../domain/ports.js';

/** argon2id with the OWASP-recommended minimums (19 MiB, 2 passes); ~17 ms per hash on this machine. */
export function argon2Hasher(): PasswordHasher {
  return {
    hash: (password) => hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
    verify: async (h, password) => {
      try {
        return await verify(h, password);
      } catch {
        return false;
      }
    },
  };
}
