/**
 * `init --demo` content (issue 4 item 8, issue 5): every demo unit has 200+ published items spread over the columns
 * that should carry content, news and notices are fresh, documents have 文号 and validity links, search finds
 * two-character words, the sitemap lists every published item, and last year's report computes without errors.
 * Run on both engines through the seed function (the CLI calls the same function; cli.test.ts runs the command).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../src/domain/calendar/civil-date.js';
import { computeAnnualReport } from '../../src/domain/annual-report/compute.js';
import { validateAnnualReport } from '../../src/domain/annual-report/validate.js';
import { COLUMN_PLANS } from '../../src/cli/demo-content/columns.js';
import { PROFILES } from '../../src/cli/demo-content/profiles.js';
import { DEMO_UNITS } from '../../src/cli/demo-data.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const engines = await testEngines();

describe.each(engines)('demo content on %s', { timeout: 600_000 }, (engine) => {
  let t: TestApp;
  let seconds = 0;
  beforeAll(async () => {
    const started = Date.now();
    t = await buildTestApp(engine, {}, { demoContent: 'full' });
    seconds = (Date.now() - started) / 1000;
  }, 900_000);
  afterAll(async () => {
    await t?.close();
  });

  const read = <T>(fn: Parameters<TestApp['rt']['deps']['store']['read']>[0] extends (r: infer R) => Promise<unknown> ? (r: R) => Promise<T> : never) => t.rt.deps.store.read(fn);

  it('gives every demo unit at least 200 published items, in every column that should carry content', async () => {
    console.log(`[${engine}] demo with content built in ${seconds.toFixed(1)} s`);
    for (const u of DEMO_UNITS) {
      const unitId = await t.unitId(u.slug as string);
      const kind = PROFILES[u.key]!.kind;
      const { total } = await read((r) => r.publications.listPublished({ unitId, offset: 0, limit: 1 }));
      expect(total, u.slug as string).toBeGreaterThanOrEqual(200);
      const columns = await read((r) => r.catalogue.columns(unitId));
      const expected = COLUMN_PLANS.filter((p) => (p.count[kind] ?? (kind === 'township' ? p.count.township : p.count.county) ?? 0) > 0).map((p) => p.code).concat('zcwj', 'zcjd');
      for (const code of expected) {
        const column = columns.find((c) => c.code === code);
        if (!column) continue; // Art. 21 columns differ between county units and townships
        const n = (await read((r) => r.publications.listPublished({ columnId: column.id, offset: 0, limit: 1 }))).total;
        expect(n, `${u.slug} ${code} ${column.name}`).toBeGreaterThan(0);
      }
    }
  });

  it('keeps 工作动态 fresh (within two weeks) and 通知公告 within six months of today, with 发布日期 never before 生成日期', async () => {
    const today = beijingDate(Date.parse(t.rt.deps.clock.now()));
    const daysAgo = (d: string) => (Date.parse(today) - Date.parse(d)) / 86_400_000;
    for (const slug of ['fgj', 'taoyuan']) {
      const unitId = await t.unitId(slug);
      for (const [code, days] of [['gzdt', 14], ['tzgg', 183]] as const) {
        const column = await read((r) => r.catalogue.columnByCode(unitId, code));
        const { items } = await read((r) => r.publications.listPublished({ columnId: column!.id, offset: 0, limit: 50 }));
        expect(daysAgo(items[0]!.publishedOn!), `${slug} ${code}`).toBeLessThanOrEqual(days);
        for (const i of items) {
          expect(i.createdOn <= i.publishedOn!).toBe(true);
          expect(i.publishedOn! <= today).toBe(true);
          expect(i.indexNumber).toMatch(/^\S+\/\d{4}-\d+$/);
        }
      }
    }
    // A few late publications (Art. 26), so the timeliness report has content; most are on time.
    const all = await Promise.all(DEMO_UNITS.map((u) => t.unitId(u.slug as string)));
    const late = await read((r) => r.publications.listLate(all, `${Number(today.slice(0, 4)) - 2}-01-01`, today, 0, 5));
    expect(late.total).toBeGreaterThan(0);
    expect(late.total).toBeLessThan(150);
  });

  it('links policies with their interpretations, and repealed or amended documents with what replaced them', async () => {
    const unitId = await t.unitId('fgj');
    const column = await read((r) => r.catalogue.columnByCode(unitId, 'zcwj'));
    const { items } = await read((r) => r.publications.listPublished({ columnId: column!.id, offset: 0, limit: 200 }));
    expect(items.every((i) => /^安发改〔\d{4}〕\d+号$/.test(i.docNumber ?? ''))).toBe(true);
    const repealed = items.filter((i) => i.validity === 'repealed');
    const amended = items.filter((i) => i.validity === 'amended');
    expect(repealed.length + amended.length).toBeGreaterThan(0);
    for (const old of [...repealed, ...amended]) {
      const links = await read((r) => r.publications.links(old.id));
      expect(links.some((l) => l.toId === old.id && (l.kind === 'repeals' || l.kind === 'amends')), old.title).toBe(true);
      expect(old.validityChangedOn).not.toBeNull();
    }
    const jd = await read((r) => r.catalogue.columnByCode(unitId, 'zcjd'));
    const interpretations = (await read((r) => r.publications.listPublished({ columnId: jd!.id, offset: 0, limit: 50 }))).items;
    expect(interpretations.length).toBeGreaterThan(0);
    const links = await read((r) => r.publications.links(interpretations[0]!.id));
    expect(links.some((l) => l.kind === 'interprets' && l.fromId === interpretations[0]!.id)).toBe(true);
  });

  it('finds a two-character word of the township vocabulary (补贴) in a township, and the portal item page shows the metadata', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('补贴')}&unit=shiqiao` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits.every((h: { url: string }) => h.url.startsWith('/u/shiqiao/i/'))).toBe(true);
    const page = await t.app.inject({ method: 'GET', url: body.hits[0].url });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('索引号');
    expect(page.body).toContain('石桥镇');
  });

  it('lists every published item in /sitemap.xml, and a withdrawn one says so', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(res.statusCode).toBe(200);
    const locs = new Set([...res.body.matchAll(/<loc>[^<]*\/u\/[^/]+\/i\/([^<]+)<\/loc>/g)].map((m) => m[1]));
    const rows: { id: string; status: string }[] = [];
    for (let after: string | null = null; ;) {
      const page = await read((r) => r.publications.scanPublic(after, 1000));
      rows.push(...page);
      if (page.length < 1000) break;
      after = page[page.length - 1]!.id;
    }
    const published = rows.filter((r) => r.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(200 * DEMO_UNITS.length);
    for (const r of published) expect(locs.has(r.id), r.id).toBe(true);
    const withdrawn = rows.filter((r) => r.status === 'withdrawn');
    expect(withdrawn.length).toBeGreaterThan(0);
    for (const r of withdrawn) expect(locs.has(r.id)).toBe(false);
  });

  it("computes last year's annual report of 市发改局 without rule errors, with applications, cases, channels and figures", async () => {
    const year = Number(beijingDate(Date.parse(t.rt.deps.clock.now())).slice(0, 4)) - 1;
    const unitId = await t.unitId('fgj');
    const { doc } = await read((r) => computeAnnualReport(r, t.rt.deps, unitId, year));
    const result = validateAnnualReport(doc);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    const cells = doc.tables as Record<string, Record<string, Record<string, number | null>>>;
    expect(cells.applications!.received!.total).toBeGreaterThan(10);
    expect(cells.applications!.carriedForward!.total).toBeGreaterThan(0);
    expect(cells.applications!.carriedOver!.total).toBeGreaterThan(0);
    const reviews = Object.values(cells.reviews ?? {}).reduce((s, row) => s + Number(row.total ?? 0), 0);
    expect(reviews).toBeGreaterThan(0);
    const channels = await read((r) => r.offlinePublications.countByChannel([unitId], `${year}-01-01`, `${year}-12-31`));
    expect(channels.length).toBeGreaterThan(1);
    const entries = await read((r) => r.manualEntries.list({ unitIds: [unitId], years: [year] }));
    expect(entries.map((e) => e.kind).sort()).toEqual(['enforcement', 'fees', 'licensing', 'penalty']);
    expect(entries.every((e) => e.sourceNote.length > 5)).toBe(true);
  });
});
