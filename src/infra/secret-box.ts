import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { SecretBox } from '../domain/ports.js';

/**
 * AES-256-GCM sealing for secrets at rest (TOTP secrets now, applicants' personal data later).
 * Format: "v1:" + base64url(iv ‖ tag ‖ ciphertext). The key comes from configuration, never from the database.
 */
export function aesGcmBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('encryption key must be 32 bytes');
  // A separate key for blind indexes, derived so that a MAC never reuses the encryption key itself.
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'gongkai blind index v1', 32));
  return {
    mac: (value) => createHmac('sha256', macKey).update(value, 'utf8').digest('base64url'),
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return 'v1:' + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url');
    },
    sealBytes(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([Buffer.from('GKS1'), iv, c.getAuthTag(), body]);
    },
    openBytes(sealed) {
      if (sealed.subarray(0, 4).toString() !== 'GKS1') throw new Error('unknown sealed format');
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(4, 16));
      d.setAuthTag(sealed.subarray(16, 32));
      return Buffer.concat([d.update(sealed.subarray(32)), d.final()]);
    },
    open(sealed) {
      if (!sealed.startsWith('v1:')) throw new Error('unknown sealed format');
      const raw = Buffer.from(sealed.slice(3), 'base64url');
      const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
  };
}
