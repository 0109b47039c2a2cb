import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BlobStore } from '../domain/ports.js';

/**
 * Content-addressed attachment store on the local file system: blobs/ab/cd/<sha256>.
 * Writes go to a temporary file that is fsynced and renamed, so a blob is either complete or absent.
 * Identical files are stored once. An S3-compatible store can implement the same BlobStore port.
 */
export function fsBlobStore(root: string): BlobStore {
  const pathOf = (h: string) => path.join(root, h.slice(0, 2), h.slice(2, 4), h);
  const valid = (h: string) => /^[0-9a-f]{64}$/.test(h);
  return {
    async put(data) {
      const sha256 = createHash('sha256').update(data).digest('hex');
      const target = pathOf(sha256);
      if (!fs.existsSync(target)) {
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
        const fh = await fs.promises.open(tmp, 'w', 0o640);
        try {
          await fh.writeFile(data);
          await fh.sync();
        } finally {
          await fh.close();
        }
        await fs.promises.rename(tmp, target);
      }
      return { sha256, size: data.length };
    },
    async get(h) {
      if (!valid(h)) return undefined;
      try {
        return await fs.promises.readFile(pathOf(h));
      } catch {
        return undefined;
      }
    },
    async has(h) {
      return valid(h) && fs.existsSync(pathOf(h));
    },
    async *list() {
      if (!fs.existsSync(root)) return;
      for (const a of await fs.promises.readdir(root)) {
        for (const b of await fs.promises.readdir(path.join(root, a)).catch(() => [])) {
          for (const f of await fs.promises.readdir(path.join(root, a, b)).catch(() => [])) if (valid(f)) yield f;
        }
      }
    },
  };
}
