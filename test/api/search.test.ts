/**
 * Search as a citizen meets it: the portal page /search (form, marked results, count, unit restriction with
 * subordinate units, clear Chinese messages, hostile input escaped) and GET /api/v1/search, on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../src/domain/search/search-document.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const ENGINES = await testEngines();

const doc = (over: Partial<SearchDocument> & Pick<SearchDocument, 'itemId' | 'unitId' | 'title'>): SearchDocument => ({
  columnId: null, columnCode: 'tzgg', summary: '', bodyText: '', attachmentText: '', indexNumber: `IDX-${over.itemId}`,
  docNumber: null, subject: '农业、林业、水利\\农业、畜牧业、渔业', genre: '公示', validity: null, publishedOn: '2024-05-10', createdOn: '2024-05-08', ...over,
});

describe.each(ENGINES)('search page and API on %s', (engine) => {
  let t: TestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  let fgj: string;
  let zfb: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    fgj = await t.unitId('fgj');
    zfb = await t.unitId('zfb');
    await t.rt.deps.store.write(async (r) => {
      await r.searchIndex.upsert(doc({ itemId: 'srch-1', unitId: fgj, title: '关于发放蜂农养殖补贴的公示', bodyText: '经审核，以下蜂农符合养殖补贴发放条件，现予公示。', docNumber: '安发改〔2024〕12号', publishedOn: '2024-06-01' }));
      await r.searchIndex.upsert(doc({ itemId: 'srch-2', unitId: zfb, title: '<img src=x onerror=alert(1)>蜂农座谈会召开', bodyText: '座谈会听取了蜂农代表的意见<script>alert(2)</script>。', publishedOn: '2024-05-01' }));
      await r.searchIndex.upsert(doc({ itemId: 'srch-3', unitId: fgj, title: '关于开展春季植树活动的通知', bodyText: '请各单位组织干部职工参加。', attachmentText: '附件：蜂农合作社名单', publishedOn: '2023-03-01' }));
    });
  });
  afterAll(async () => t?.close());

  it('without a query, shows a labelled search form with help and no results', async () => {
    const res = await get('/search');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<form method="get" action="/search" role="search"');
    expect(res.body).toMatch(/<label for="s-q">搜索词<\/label>/);
    expect(res.body).toContain('<h2>使用说明</h2>');
    expect(res.body).not.toContain('<h2 id="results">');
    expect(res.body).not.toMatch(/<script/i);
  });

  it('finds items by a two-character word, title matches first, with <mark> and links to the item pages', async () => {
    const res = await get(`/search?q=${encodeURIComponent('蜂农')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<p role="status">找到 3 条结果。</p>');
    const links = [...res.body.matchAll(/<h3><a href="([^"]+)">/g)].map((m) => m[1]);
    // Title matches (newest first), then the attachment-only match.
    expect(links).toEqual(['/u/fgj/i/srch-1', '/u/zfb/i/srch-2', '/u/fgj/i/srch-3']);
    expect(res.body).toContain('关于发放<mark>蜂农</mark>养殖补贴的公示');
    expect(res.body).toContain('附件：<mark>蜂农</mark>合作社名单');
    // Hostile stored text is shown as text.
    expect(res.body).toContain('&lt;img src=x onerror=alert(1)&gt;<mark>蜂农</mark>座谈会召开');
    expect(res.body).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(res.body).not.toMatch(/<script|<img src=x/i);
  });

  it('traditional characters find simplified text; filters by unit (with subordinates), year and 文号', async () => {
    expect((await get(`/search?q=${encodeURIComponent('蜂農')}`)).body).toContain('找到 3 条结果');
    const zfbOnly = await get(`/search?q=${encodeURIComponent('蜂农')}&unit=zfb`);
    expect(zfbOnly.body).toContain('/u/zfb/i/srch-2');
    expect(zfbOnly.body).not.toContain('/u/fgj/i/srch-1');
    const tree = await t.rt.deps.store.read((r) => r.units.listTree());
    const fgjParent = tree.find((u) => u.id === fgj)!.parentId!;
    const parentSlug = (await t.rt.deps.store.read((r) => r.units.get(fgjParent)))!.slug;
    expect((await get(`/search?q=${encodeURIComponent('蜂农')}&unit=${parentSlug}`)).body).toContain('/u/fgj/i/srch-1');
    const y2023 = await get(`/search?q=${encodeURIComponent('蜂农')}&year=2023`);
    expect([...y2023.body.matchAll(/<h3><a href="([^"]+)">/g)].map((m) => m[1])).toEqual(['/u/fgj/i/srch-3']);
    const byNo = await get(`/search?docNo=${encodeURIComponent('安发改[2024]12')}`);
    expect(byNo.body).toContain('/u/fgj/i/srch-1');
    expect(byNo.body).toContain('找到 1 条结果');
  });

  it('hostile input is escaped; stop words only and bad filters get clear Chinese messages and change nothing', async () => {
    const xss = await get(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(xss.statusCode).toBe(200);
    expect(xss.body).not.toContain('<script>alert(1)</script>');
    expect(xss.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    const stop = await get(`/search?q=${encodeURIComponent('的 了 和')}`);
    expect(stop.statusCode).toBe(200);
    expect(stop.body).toContain('只包含“的、了、和”等常用字');
    const badYear = await get('/search?q=x&year=20x4');
    expect(badYear.statusCode).toBe(400);
    expect(badYear.body).toContain('年份请填写四位数字');
    expect(badYear.body).toContain('aria-invalid="true"');
    const badUnit = await get(`/search?q=${encodeURIComponent('蜂农')}&unit=nowhere`);
    expect(badUnit.statusCode).toBe(400);
    expect(badUnit.body).toContain('没有找到单位“nowhere”');
  });

  it('GET /api/v1/search answers JSON with marked hits and item URLs; a removed item is gone', async () => {
    const res = await get(`/api/v1/search?q=${encodeURIComponent('蜂农 补贴')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 1, totalCapped: false, terms: ['蜂农', '补贴'], page: 1 });
    expect(body.hits[0]).toMatchObject({ itemId: 'srch-1', url: '/u/fgj/i/srch-1', titleHighlighted: '关于发放[[hl]]蜂农[[/hl]]养殖[[hl]]补贴[[/hl]]的公示', score: 2 });
    const bad = await get('/api/v1/search?q=x&page=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('页码');
    await t.rt.deps.store.write((r) => r.searchIndex.remove('srch-1'));
    expect((await get(`/api/v1/search?q=${encodeURIComponent('蜂农 补贴')}`)).json().total).toBe(0);
  });
});
