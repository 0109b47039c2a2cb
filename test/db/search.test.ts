/**
 * Search index on both engines (issue 4 item 7): a labelled set of queries over a generated corpus gives the
 * expected items in the same order on SQLite and PostgreSQL; 2-character words; traditional characters; filters;
 * withdrawn items; attachment text; index changes commit or roll back with the publishing transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, migrateToLatest, type Db } from '../../src/storage/db.js';
import { createStore } from '../../src/storage/store.js';
import type { SearchDocument, SearchQuery, SearchResult } from '../../src/domain/search/search-document.js';
import type { Store } from '../../src/domain/ports.js';
import { textAnalyzer } from '../../src/infra/segmenter.js';
import { COUNT_CAP } from '../../src/domain/search/search-params.js';
import { freshDatabase, testEngines, type TestDatabase } from '../support/engines.js';
import { generateItem, prng, type CorpusItem } from './search-corpus.js';

const ENGINES = await testEngines();
const UNITS = [
  { id: 'u-fgj', name: '安澜市发展和改革局', abbr: '安发改' },
  { id: 'u-jyj', name: '安澜市教育局', abbr: '安教' },
  { id: 'u-zfb', name: '安澜市人民政府办公室', abbr: '安政办' },
];
const rnd = prng(20240601);
const corpus: CorpusItem[] = Array.from({ length: 3000 }, (_, n) => generateItem(n, UNITS, rnd));
/** Planted items whose label is known: a word only in an attachment, and a traditional-character title. */
const attachmentOnly: SearchDocument = {
  ...corpus[0]!, itemId: 'item-attach', title: '关于做好农业生产工作的通知', bodyText: '请各乡镇做好春耕备耕工作。',
  attachmentText: '附件：秸秆综合利用试点乡镇名单', publishedOn: '2016-03-01', createdOn: '2016-03-01',
};
const traditional: SearchDocument = {
  ...corpus[1]!, itemId: 'item-trad', title: '關於發放農業補貼的公告', bodyText: '本縣農業補貼已經發放完畢。', attachmentText: '',
  publishedOn: '2016-03-02', createdOn: '2016-03-02',
};
const ALL: SearchDocument[] = [...corpus, attachmentOnly, traditional];

const tokenCache = new Map<SearchDocument, { title: Set<string>; all: Set<string> }>();
function tokensOf(d: SearchDocument) {
  let t = tokenCache.get(d);
  if (!t) {
    const a = textAnalyzer();
    const title = new Set(a.indexTokens(d.title));
    t = { title, all: new Set([...title, ...[d.summary, d.bodyText, d.attachmentText, d.docNumber ?? ''].flatMap((x) => a.indexTokens(x))]) };
    tokenCache.set(d, t);
  }
  return t;
}

/** The expected ranking, by construction: every word somewhere; tiers by title; newest first; later insert first. */
function reference(docs: SearchDocument[], text: string, filter: (d: SearchDocument) => boolean = () => true): string[] {
  const a = textAnalyzer();
  const terms = a.queryTerms(text);
  const ranked = docs.map((d, i) => {
    const { title, all } = tokensOf(d);
    const inTitle = terms.filter((t) => title.has(t)).length;
    return { d, i, ok: terms.length > 0 && terms.every((t) => all.has(t)) && filter(d), tier: inTitle === terms.length ? 0 : inTitle > 0 ? 1 : 2 };
  }).filter((x) => x.ok);
  ranked.sort((x, y) => x.tier - y.tier || y.d.publishedOn.localeCompare(x.d.publishedOn) || y.i - x.i);
  return ranked.map((x) => x.d.itemId);
}

// 单位 and 通知 match more than COUNT_CAP items: ranked by the tier walk on both engines, with a capped total.
const LABELLED = ['单位', '通知', '单位 通知', '补贴', '公开', '招标', '预算', '乡村振兴', '医保', '义务教育', '就业', '补贴 发放', '医保 缴费标准', '预算 绩效', '政务公开', '乡村振兴 产业', '安全生产 检查'];
const seen: Record<string, Record<string, string[]>> = {};

describe.each(ENGINES)('search index on %s', (engine) => {
  let tdb: TestDatabase;
  let db: Db;
  let store: Store;
  const search = (text: string, extra: Partial<SearchQuery> = {}): Promise<SearchResult> =>
    store.read((r) => r.searchIndex.search({ text, offset: 0, limit: 1000, ...extra }));

  beforeAll(async () => {
    tdb = await freshDatabase(engine);
    db = openDb({ dataDir: tdb.dataDir, databaseUrl: tdb.databaseUrl });
    await migrateToLatest(db);
    store = createStore(db);
    for (let i = 0; i < ALL.length; i += 500) {
      await store.write(async (r) => {
        for (const d of ALL.slice(i, i + 500)) await r.searchIndex.upsert(d);
      });
    }
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('labelled queries return the expected items in the expected order, with exact totals', async () => {
    seen[engine] = {};
    for (const q of LABELLED) {
      const expected = reference(ALL, q);
      expect(expected.length, q).toBeGreaterThan(0);
      const page1 = await store.read((r) => r.searchIndex.search({ text: q, offset: 0, limit: 10 }));
      const page3 = await store.read((r) => r.searchIndex.search({ text: q, offset: 20, limit: 10 }));
      expect(page1.hits.map((h) => h.itemId), q).toEqual(expected.slice(0, 10));
      expect(page3.hits.map((h) => h.itemId), q).toEqual(expected.slice(20, 30));
      expect(page1.total, q).toBe(Math.min(expected.length, COUNT_CAP));
      expect(page1.totalCapped, q).toBe(expected.length > COUNT_CAP);
      seen[engine]![q] = (await search(q)).hits.map((h) => h.itemId);
      expect(seen[engine]![q]).toEqual(expected.slice(0, 1000));
    }
  });

  it('a one-word topic query finds exactly the items built with that word', async () => {
    for (const word of ['补贴', '招标', '医保', '义务教育', '乡村振兴']) {
      const ids = new Set((await search(word)).hits.map((h) => h.itemId));
      const built = corpus.filter((c) => c.words.includes(word)).map((c) => c.itemId);
      for (const id of built) expect(ids.has(id), `${word} ${id}`).toBe(true);
      // Items in the title tier really have the word in their title.
      const top = (await search(word)).hits.filter((h) => h.score === 2);
      expect(top.length).toBeGreaterThan(0);
      for (const h of top) expect(textAnalyzer().normalize(h.title)).toContain(word);
    }
  });

  it('two-character words are found and marked', async () => {
    for (const word of ['公开', '补贴', '预算', '医保']) {
      const r = await search(word, { limit: 5 });
      expect(r.total, word).toBeGreaterThan(5);
      expect(r.terms).toEqual([word]);
      expect(r.hits[0]!.titleHighlighted).toContain(`[[hl]]${word}[[/hl]]`);
    }
  });

  it('traditional-character queries find simplified text, and simplified queries find traditional text', async () => {
    expect((await search('補貼')).hits.map((h) => h.itemId)).toEqual((await search('补贴')).hits.map((h) => h.itemId));
    expect((await search('醫保')).hits.map((h) => h.itemId)).toEqual((await search('医保')).hits.map((h) => h.itemId));
    const zh = await search('政府資訊公開');
    expect(zh.terms).toEqual(['政府', '信息', '公开']);
    expect(zh.hits.map((h) => h.itemId)).toEqual(reference(ALL, '政府信息公开'));
    const trad = await search('农业补贴 公告');
    expect(trad.hits[0]!.itemId).toBe('item-trad');
    expect(trad.hits[0]!.titleHighlighted).toBe('關於發放[[hl]]農業[[/hl]][[hl]]補貼[[/hl]]的[[hl]]公告[[/hl]]');
  });

  it('attachment text is searchable, and the excerpt shows it', async () => {
    const r = await search('秸秆');
    expect(r.hits.map((h) => h.itemId)).toEqual(['item-attach']);
    expect(r.hits[0]!.excerptHighlighted).toContain('[[hl]]秸秆[[/hl]]综合利用');
  });

  it('filters: unit, column, year, 文号, validity, subject', async () => {
    const check = async (extra: Partial<SearchQuery>, f: (d: SearchDocument) => boolean) => {
      const got = (await search('补贴', extra)).hits.map((h) => h.itemId);
      expect(got.length, JSON.stringify(extra)).toBeGreaterThan(0);
      expect(got, JSON.stringify(extra)).toEqual(reference(ALL, '补贴', f));
    };
    await check({ unitIds: ['u-jyj'] }, (d) => d.unitId === 'u-jyj');
    await check({ unitIds: ['u-jyj', 'u-zfb'] }, (d) => d.unitId === 'u-jyj' || d.unitId === 'u-zfb');
    await check({ columnCode: 'tzgg' }, (d) => d.columnCode === 'tzgg');
    await check({ year: 2020 }, (d) => d.publishedOn.startsWith('2020-'));
    await check({ docNumber: '〔2020〕' }, (d) => !!d.docNumber?.includes('〔2020〕'));
    await check({ docNumber: '安教[2021]' }, (d) => !!d.docNumber?.startsWith('安教〔2021〕'));
    await check({ validity: 'inForce', columnCode: 'zcwj' }, (d) => d.validity === 'inForce' && d.columnCode === 'zcwj');
    await check({ subject: '农业、林业、水利' }, (d) => !!d.subject?.startsWith('农业、林业、水利\\'));
    expect((await search('补贴', { unitIds: [] })).total).toBe(0);
  });

  it('the column code comes from the catalogue when publication gives only the column id', async () => {
    const now = '2024-01-01T00:00:00.000Z';
    await db.kysely.insertInto('units').values({
      id: 'u-fgj', parent_id: null, name: '安澜市发展和改革局', short_name: null, code: null, slug: 'fgj', type: 'department', level: 'city',
      sort_order: 1, status: 'active', office_name: null, address: null, office_hours: null, phone: null, fax: null, email: null,
      website: null, postcode: null, functions: null, leaders_json: '[]', internal_bodies_json: '[]', created_at: now, updated_at: now, deactivated_at: null,
    }).execute();
    await db.kysely.insertInto('publication_columns').values({
      id: 'col-czyjs-x', unit_id: 'u-fgj', parent_id: null, code: 'czyjs', name: '财政预决算', description: null, sort_order: 1,
      time_limit_days: 20, freshness_days: null, template_key: null, accepts_items: 1, created_at: now, updated_at: now,
    }).execute();
    const { columnCode: _omitted, ...doc } = { ...ALL[7]!, itemId: 'item-col', title: '安澜市发展和改革局部门预算草案说明', unitId: 'u-fgj', columnId: 'col-czyjs-x' };
    await store.write((r) => r.searchIndex.upsert(doc));
    const got = (await search('预算草案', { columnCode: 'czyjs', unitIds: ['u-fgj'] })).hits.map((h) => h.itemId);
    expect(await db.kysely.selectFrom('search_items').select(['column_code', 'unit_id']).where('item_id', '=', 'item-col').executeTakeFirst()).toEqual({ column_code: 'czyjs', unit_id: 'u-fgj' });
    expect(got).toContain('item-col');
    await store.write((r) => r.searchIndex.remove('item-col'));
  });

  it('a query of stop words only asks for nothing; 文号 alone lists matching items newest first', async () => {
    const r = await search('的 了 和');
    expect(r).toMatchObject({ total: 0, hits: [], terms: [] });
    const byNo = await search('', { docNumber: '安政办〔2019〕' });
    const expected = ALL.filter((d) => d.docNumber?.startsWith('安政办〔2019〕'));
    expect(byNo.total).toBe(expected.length);
    expect(byNo.hits.every((h) => h.docNumber?.startsWith('安政办〔2019〕'))).toBe(true);
  });

  it('a withdrawn (removed) item is no longer returned; a corrected one is found by its new title', async () => {
    const before = await search('补贴');
    const top = before.hits[0]!.itemId;
    await store.write((r) => r.searchIndex.remove(top));
    const after = await search('补贴');
    expect(after.hits.map((h) => h.itemId)).not.toContain(top);
    expect(after.total).toBe(before.total - 1);
    const doc = ALL.find((d) => d.itemId === before.hits[1]!.itemId)!;
    await store.write((r) => r.searchIndex.upsert({ ...doc, title: '关于更正渔业燃油补贴名单的公告' }));
    expect((await search('渔业')).hits.map((h) => h.itemId)).toEqual([doc.itemId]);
    expect((await search('补贴')).total).toBe(before.total - 1);
    await store.write((r) => r.searchIndex.upsert(doc));
    expect((await search('渔业')).total).toBe(0);
  });

  it('the index changes with the publishing transaction: a rolled-back publication is not searchable', async () => {
    const doc: SearchDocument = { ...ALL[5]!, itemId: 'item-rollback', title: '关于水土保持补偿费征收的公告' };
    await expect(store.write(async (r) => {
      await r.searchIndex.upsert(doc);
      expect((await r.searchIndex.search({ text: '水土保持', offset: 0, limit: 10 })).total).toBe(1);
      throw new Error('approval failed');
    })).rejects.toThrow('approval failed');
    expect((await search('水土保持')).total).toBe(0);
  });
});

describe('both engines', () => {
  it.runIf(ENGINES.length === 2)('return identical results for every labelled query', () => {
    for (const q of LABELLED) expect(seen.postgres?.[q], q).toEqual(seen.sqlite?.[q]);
  });
});
