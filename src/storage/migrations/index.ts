import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';

/** Numbered migrations, imported statically so they survive bundling. Never edit a released one: add the next. */
export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
