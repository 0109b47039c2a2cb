import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-applications.js';
import * as m0003 from './0003-mail-outbox.js';
import * as m0004 from './0004-publications.js';
import * as m0005 from './0005-publication-checks.js';
import * as m0006 from './0006-search-index.js';
import * as m0007 from './0007-item-views.js';
import * as m0008 from './0008-report-data.js';
import * as m0009 from './0009-annual-reports.js';
import * as m0010 from './0010-report-imports.js';

/** Numbered migrations, imported statically so they survive bundling. Never edit a released one: add the next. */
export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-applications': m0002,
  '0003-mail-outbox': m0003,
  '0004-publications': m0004,
  '0005-publication-checks': m0005,
  '0006-search-index': m0006,
  '0007-item-views': m0007,
  '0008-report-data': m0008,
  '0009-annual-reports': m0009,
  '0010-report-imports': m0010,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
