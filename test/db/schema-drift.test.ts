/**
 * The migrated database must match the schema the code is typed against (src/storage/schema.ts), on both
 * engines: same tables, same columns, same kinds, same nullability. A migration that forgets a column, or a
 * code change that forgets its migration, fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, migrateToLatest, type Db } from '../../src/storage/db.js';
import { schema } from '../../src/storage/schema.js';
import { freshDatabase, testEngines, type TestDatabase } from '../support/engines.js';

const ENGINES = await testEngines();

const KIND: Record<string, 'text' | 'integer' | 'real'> = {
  text: 'text', varchar: 'text', int4: 'integer', int8: 'integer', integer: 'integer', bigint: 'integer', int2: 'integer',
  real: 'real', float4: 'real', float8: 'real', 'double precision': 'real', numeric: 'real',
};

/**
 * The one documented exception: the search index's full-text structures (0006-search-index) are engine-specific and
 * derived from search_items.title_seg / text_seg, so src/storage/schema.ts does not list them. Exactly these are
 * allowed, and the last test checks that they exist with the expected type.
 */
const ENGINE_SPECIFIC: Record<'sqlite' | 'postgres', { tables: string[]; columns: Record<string, Record<string, string>> }> = {
  // FTS5 external-content table and its shadow tables (no _content: external content; no _docsize: columnsize=0).
  sqlite: { tables: ['search_fts', 'search_fts_data', 'search_fts_idx', 'search_fts_config'], columns: {} },
  // The narrow table search_tsv (doc_id, unit_id, title_tsv, doc_tsv) carrying the GIN indexes, filled from
  // search_items by trigger, so that matching and ordering read ~0.6 KB rows instead of search_items' ~1.4 KB ones.
  postgres: { tables: ['search_tsv'], columns: {} },
};

describe.each(ENGINES)('migrated schema matches the code on %s', (engine) => {
  let tdb: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    tdb = await freshDatabase(engine);
    db = openDb({ dataDir: tdb.dataDir, databaseUrl: tdb.databaseUrl });
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('has exactly the tables and columns of src/storage/schema.ts', async () => {
    const allowed = ENGINE_SPECIFIC[engine];
    const tables = (await db.kysely.introspection.getTables()).filter((t) => !t.name.startsWith('kysely_') && !allowed.tables.includes(t.name));
    const actual = Object.fromEntries(tables.map((t) => [t.name, Object.fromEntries(t.columns
      .filter((c) => !(c.name in (allowed.columns[t.name] ?? {})))
      .map((c) => [c.name, { kind: KIND[c.dataType.toLowerCase()] ?? c.dataType, nullable: c.isNullable }]))]));
    const expected = Object.fromEntries(Object.entries(schema).map(([t, cols]) => [t, Object.fromEntries(Object.entries(cols).map(([c, d]) => [c, { kind: d.kind, nullable: d.nullable }]))]));
    expect(actual).toEqual(expected);
  });

  it('the engine-specific full-text structures allowed above exist, with their type', async () => {
    const tables = await db.kysely.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const t of ENGINE_SPECIFIC[engine].tables) expect(names).toContain(t);
    for (const [table, cols] of Object.entries(ENGINE_SPECIFIC[engine].columns)) {
      const t = tables.find((x) => x.name === table);
      for (const [c, type] of Object.entries(cols)) expect(t?.columns.find((x) => x.name === c)?.dataType).toBe(type);
    }
  });

  it('running the migrations again changes nothing', async () => {
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('the database itself refuses to edit or delete audit rows', async () => {
    await db.kysely.insertInto('audit_log').values({ seq: 1, at: 'x', actor_id: null, actor_name: null, unit_id: null, action: 'a', entity_type: 'e', entity_id: null, before_json: null, after_json: null, ip: null, prev_hash: 'p', hash: 'h' }).execute();
    await expect(db.kysely.updateTable('audit_log').set({ action: 'forged' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.kysely.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});
