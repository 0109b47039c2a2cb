import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
  engine: Engine;
  kysely: Kysely<Database>;
  /** A human description without credentials, for logs and `gongkai` output. */
  describe: string;
  close(): Promise<void>;
}

export interface DbOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
}

// PostgreSQL returns BIGINT/NUMERIC as strings by default; our integer columns are INTEGER (int4), which
// pg already parses. COUNT(*) is BIGINT: parse it as a number, the counts here fit easily.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openDb(opts: DbOptions): Db {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle client dropped by the server (restart, failover, pg_terminate_backend) emits 'error' on the pool;
    // without a listener that would crash the process. The pool replaces the client on next use.
    pool.on('error', (err) => {
      if (process.env.LOG_LEVEL !== 'silent') console.error(`PostgreSQL 空闲连接断开：${err.message}`);
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const u = new URL(opts.databaseUrl);
    return {
      engine: 'postgres',
      kysely,
      describe: `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`,
      close: () => kysely.destroy(),
    };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'gongkai.sqlite');
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: async () => {
        const db = new SQLite(file);
        // WAL for concurrent readers; synchronous=FULL so an acknowledged commit survives power loss too.
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
        return db;
      },
    }),
  });
  return { engine: 'sqlite', kysely, describe: `SQLite ${file}`, close: () => kysely.destroy() };
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}
