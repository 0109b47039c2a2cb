/**
 * The storage and API suites run on both engines. SQLite always; PostgreSQL when one answers at
 * PG_TEST_URL (default postgres://postgres@127.0.0.1:5432/postgres). Under CI=true PostgreSQL is mandatory:
 * if it is unreachable the suite fails instead of silently skipping it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config.js';

export type EngineName = 'sqlite' | 'postgres';
export const PG_ADMIN_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let pgReachable: boolean | undefined;
export async function postgresReachable(): Promise<boolean> {
  if (pgReachable !== undefined) return pgReachable;
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    pgReachable = true;
  } catch (e) {
    if (process.env.CI === 'true') throw new Error(`CI=true requires PostgreSQL at ${PG_ADMIN_URL}: ${(e as Error).message}`);
    pgReachable = false;
  } finally {
    await c.end().catch(() => {});
  }
  return pgReachable;
}

/** Engines to run on; use with describe.each. Top-level await in test files: `const ENGINES = await testEngines();` */
export async function testEngines(): Promise<EngineName[]> {
  return (await postgresReachable()) ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  engine: EngineName;
  dataDir: string;
  databaseUrl: string | undefined;
  config(env?: Record<string, string>): Config;
  drop(): Promise<void>;
}

/** A fresh, empty database (a new SQLite file or a new PostgreSQL database) and data directory. */
export async function freshDatabase(engine: EngineName): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-test-'));
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  if (engine === 'postgres') {
    dbName = `gk_test_${randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    await c.query(`CREATE DATABASE ${dbName}`);
    await c.end();
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  return {
    engine,
    dataDir,
    databaseUrl,
    config: (env = {}) =>
      loadConfig({ LOG_LEVEL: 'silent', GONGKAI_SECRET_KEY: 'a'.repeat(64), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...env }, { dataDir }),
    async drop() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (dbName) {
        const c = new pg.Client({ connectionString: PG_ADMIN_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await c.end();
      }
    },
  };
}
