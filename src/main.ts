/** Composition root: config → database → store → use-case dependencies. Used by `serve` and by every CLI command. */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ensureSecretKey, type Config } from './config.js';
import type { Deps } from './domain/ports.js';
import { fsBlobStore } from './infra/blob-store.js';
import { argon2Hasher } from './infra/password-hasher.js';
import { aesGcmBox } from './infra/secret-box.js';
import { totpService } from './infra/totp.js';
import { officialCalendar } from './infra/official-calendar.js';
import { DEFAULT_RULES } from './domain/requests/deadline.js';
import { migrateToLatest, openDb, type Db } from './storage/db.js';
import { createStore } from './storage/store.js';

export interface Runtime {
  config: Config;
  db: Db;
  deps: Deps;
  onWrite(fn: () => void): void;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, opts: { migrate?: boolean } = {}): Promise<Runtime> {
  ensureSecretKey(config);
  const db = openDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  if (opts.migrate !== false) await migrateToLatest(db);
  const store = createStore(db);
  const deps: Deps = {
    store,
    officialCalendar: officialCalendar(),
    deadlineRules: { ...DEFAULT_RULES, suspendDuringFeeNotice: config.suspendDuringFeeNotice },
    clock: { now: () => new Date().toISOString() },
    hasher: argon2Hasher(),
    secrets: aesGcmBox(config.secretKey),
    totp: totpService(config.siteName),
    blobs: fsBlobStore(path.join(config.dataDir, 'blobs')),
    newId: randomUUID,
    settings: config.security,
    publicUrl: config.publicUrl,
  };
  return { config, db, deps, onWrite: store.onWrite, close: () => db.close() };
}
