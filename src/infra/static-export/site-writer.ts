/**
 * Writes the static copy's files only when their content changed (compared by hash with the manifest), each
 * through a temporary file and a rename so that a file server never sends a half-written page, and remembers
 * which files this run produced (and the hashes that changed, for the manifest) so that the caller can delete
 * the ones no longer produced.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface WriteStats {
  written: number;
  unchanged: number;
  deleted: number;
  bytes: number;
}

export const contentHash = (data: Buffer | string): string => createHash('sha1').update(data).digest('base64url');

export class SiteWriter {
  readonly produced = new Set<string>();
  readonly stats: WriteStats = { written: 0, unchanged: 0, deleted: 0, bytes: 0 };
  /** Files written or deleted by this run: path → new hash, or null once deleted. */
  readonly changes = new Map<string, string | null>();
  private dirs = new Set<string>();

  /** `recorded` gives the hash the manifest has for a path (from the previous run). */
  constructor(private readonly root: string, private readonly recorded: (rel: string) => string | undefined) {}

  /** The file's hash as of now: changed by this run, or as recorded. */
  hashOf(rel: string): string | undefined {
    const c = this.changes.get(rel);
    return c === undefined ? this.recorded(rel) : (c ?? undefined);
  }

  /** One mkdir per new directory: parents are known from earlier calls (a recursive mkdir probes each level). */
  private ensureDir(dir: string): void {
    if (this.dirs.has(dir)) return;
    const parent = path.dirname(dir);
    if (parent !== dir && !this.dirs.has(parent)) this.ensureDir(parent);
    try {
      fs.mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    this.dirs.add(dir);
  }

  /** Writes `rel` unless the manifest already has this hash for it and the file is there. */
  write(rel: string, data: Buffer | string, hash = contentHash(data)): void {
    this.produced.add(rel);
    const abs = path.join(this.root, rel);
    const before = this.hashOf(rel);
    if (before === hash && fs.existsSync(abs)) {
      this.stats.unchanged++;
      return;
    }
    this.ensureDir(path.dirname(abs));
    if (before !== undefined) {
      // Replacing a file a server may be sending: write aside, then rename (atomic on POSIX).
      const tmp = `${abs}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, data);
      fs.renameSync(tmp, abs);
    } else {
      // A new file: nothing links to it yet (items are written before the lists that link to them).
      fs.writeFileSync(abs, data);
    }
    this.changes.set(rel, hash);
    this.stats.written++;
    this.stats.bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  }

  /** Whether `rel` is already there with this hash (lets the caller skip loading bytes, e.g. attachments). */
  current(rel: string, hash: string): boolean {
    return this.hashOf(rel) === hash && fs.existsSync(path.join(this.root, rel));
  }

  /** Records an unchanged file as produced without touching it. */
  keep(rel: string): void {
    this.produced.add(rel);
    this.stats.unchanged++;
  }

  /** Deletes the recorded files among `candidates` (those of the re-rendered scopes) that this run did not produce. */
  prune(candidates: Iterable<string>): void {
    for (const rel of candidates) {
      if (this.produced.has(rel) || this.changes.get(rel) === null) continue;
      fs.rmSync(path.join(this.root, rel), { force: true });
      this.changes.set(rel, null);
      this.stats.deleted++;
      // Remove directories left empty (an item's files/ after withdrawal, a column's last page).
      for (let dir = path.dirname(path.join(this.root, rel)); dir.startsWith(this.root) && dir !== this.root; dir = path.dirname(dir)) {
        try {
          fs.rmdirSync(dir);
          this.dirs.delete(dir);
        } catch {
          break;
        }
      }
    }
  }
}
