/**
 * The export's record of what it wrote: a small SQLite file in the output directory (.gongkai-export.sqlite)
 * holding each file's content hash (with its scope, see scopeOf), each public item's state and the site's and
 * units' fingerprints. A JSON manifest had to be parsed and rewritten whole on every run (~20 MB and ~0.5 s at
 * 100,000 items, most of an incremental run); here a run reads only the rows it needs (the hashes of the files it
 * re-renders, the state of the items that changed) and writes only the rows that changed, in one transaction at
 * the end of the run, so that an interrupted run leaves the previous record (its files are then rewritten once more).
 * better-sqlite3 is already the platform's SQLite driver; the file uses a rollback journal, so no -wal files linger
 * beside the site. The record is a cache of what is on disk: it is not fsynced (a commit waited up to a second and
 * more for the disk on a busy machine), and a record that cannot be read (a crash of the machine mid-commit) is
 * discarded, which makes the next run a full one.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

export const MANIFEST = '.gongkai-export.sqlite';
/** The previous format's file, removed when a directory is first exported with this one. */
const LEGACY = '.gongkai-export.json';

/** The scope a file belongs to: an item's directory, a column's directory, a unit's sitemap files, or the file itself. */
export function scopeOf(rel: string): string {
  const m = /^(u\/[^/]+\/[ic]\/[^/]+\/)/.exec(rel);
  if (m) return m[1] as string;
  const sm = /^sitemap-([a-z0-9-]+)(\.\d+)?\.xml$/.exec(rel);
  return sm ? `sitemap:${sm[1]}` : rel;
}

export interface ManifestMeta {
  format: number;
  renderKey: string;
  /** Latest updatedAt seen: the next run reads items changed since (minus a margin). */
  maxUpdatedAt: string;
  /** unit id → fingerprint (unit record, guide date, column tree) */
  units: Record<string, string>;
}

/** What a run changes in the record: null deletes. */
export interface ManifestChanges {
  files: Map<string, string | null>;
  items: Map<string, string | null>;
  /** Replace every item state (a full run) instead of applying `items` as changes. */
  replaceItems?: boolean;
  meta: ManifestMeta;
}

/** An item's state: "updatedAt|status|columnId|slug". */
export const slugOfState = (state: string): string => state.slice(state.lastIndexOf('|') + 1);

export class ExportManifest {
  private readonly db: SQLite.Database;
  private readonly fileStmt: SQLite.Statement<[string], { hash: string }>;
  private readonly itemStmt: SQLite.Statement<[string], { state: string }>;

  private constructor(file: string, readonly: boolean) {
    this.db = new SQLite(file, { readonly, fileMustExist: readonly });
    try {
      this.prepareSchema(readonly);
    } catch (e) {
      this.db.close();
      throw e;
    }
    this.fileStmt = this.db.prepare('select hash from files where rel = ?');
    this.itemStmt = this.db.prepare('select state from items where id = ?');
  }

  private prepareSchema(readonly: boolean): void {
    if (!readonly) {
      this.db.pragma('journal_mode = DELETE');
      this.db.pragma('synchronous = OFF');
      this.db.exec(`create table if not exists meta (key text primary key, value text not null) without rowid;
        create table if not exists files (rel text primary key, hash text not null, scope text not null) without rowid;
        create index if not exists files_scope on files (scope);
        create table if not exists items (id text primary key, state text not null, slug text not null) without rowid;
        create index if not exists items_slug on items (slug);`);
    }
    this.db.prepare('select value from meta limit 1').get();
  }

  /** Opens (creating) the record of `dir`; a helper process opens it read-only. */
  static open(dir: string, opts: { readonly?: boolean } = {}): ExportManifest {
    const file = path.join(dir, MANIFEST);
    if (opts.readonly) return new ExportManifest(file, true);
    fs.rmSync(path.join(dir, LEGACY), { force: true });
    try {
      return new ExportManifest(file, false);
    } catch {
      // Not a readable record (damaged, or not ours): start afresh; the run is then a full one.
      for (const f of [file, `${file}-journal`]) fs.rmSync(f, { force: true });
      return new ExportManifest(file, false);
    }
  }

  /** The previous run's meta, or null when there is none or it was written by another format. */
  meta(format: number): ManifestMeta | null {
    const row = this.db.prepare('select value from meta where key = ?').get('meta') as { value: string } | undefined;
    if (!row) return null;
    const m = JSON.parse(row.value) as ManifestMeta;
    return m.format === format ? m : null;
  }

  fileHash(rel: string): string | undefined {
    return this.fileStmt.get(rel)?.hash;
  }

  /** Files recorded in these scopes (of the re-rendered pages), for deleting what a run no longer produces. */
  filesIn(scopes: Iterable<string>): string[] {
    const stmt = this.db.prepare('select rel from files where scope = ?').pluck();
    const out: string[] = [];
    for (const s of scopes) for (const rel of stmt.all(s) as string[]) out.push(rel);
    return out;
  }

  /** Every recorded file (a full run deletes those it did not produce). */
  allFiles(): string[] {
    return this.db.prepare('select rel from files').pluck().all() as string[];
  }

  /** Files whose path starts with a prefix (a unit's sitemap parts). */
  filesLike(prefix: string): string[] {
    return this.db.prepare("select rel from files where rel like ? escape '\\' order by rel").pluck().all(`${prefix.replace(/[\\%_]/g, '\\$&')}%`) as string[];
  }

  itemState(id: string): string | undefined {
    return this.itemStmt.get(id)?.state;
  }

  itemsOfSlug(slug: string): string[] {
    return this.db.prepare('select id from items where slug = ?').pluck().all(slug) as string[];
  }

  itemCount(): number {
    return this.db.prepare('select count(*) from items').pluck().get() as number;
  }

  /** Records a run's changes in one transaction. */
  commit(c: ManifestChanges): void {
    const putFile = this.db.prepare('insert into files (rel, hash, scope) values (?, ?, ?) on conflict (rel) do update set hash = excluded.hash');
    const delFile = this.db.prepare('delete from files where rel = ?');
    const putItem = this.db.prepare('insert into items (id, state, slug) values (?, ?, ?) on conflict (id) do update set state = excluded.state, slug = excluded.slug');
    const delItem = this.db.prepare('delete from items where id = ?');
    this.db.transaction(() => {
      if (c.replaceItems) this.db.exec('delete from items');
      for (const [rel, hash] of c.files) {
        if (hash === null) delFile.run(rel);
        else putFile.run(rel, hash, scopeOf(rel));
      }
      for (const [id, state] of c.items) {
        if (state === null) delItem.run(id);
        else putItem.run(id, state, slugOfState(state));
      }
      this.db.prepare('insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run('meta', JSON.stringify(c.meta));
    })();
  }

  close(): void {
    this.db.close();
  }
}
