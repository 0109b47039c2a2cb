/**
 * 主动公开 on the portal as a citizen meets it: the disclosure home, a column with paging, an item with the metadata
 * table, the correction and withdrawal notices, attachment downloads that never render, feeds that parse as XML
 * with the right items, and a sitemap of every published item and no withdrawn one — on both engines.
 */
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';
import { patchItem, seedItem, seedLink } from '../support/portal-seed.js';
import { listen } from '../support/browser.js';

const ENGINES = await testEngines();
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&'));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Strict XML 1.0 well-formedness (saxes throws on any error); returns the text of every element named `tag`. */
function parseXml(text: string, tag: string): string[] {
  const found: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let inside = 0;
  let buf = '';
  parser.on('opentag', (t) => {
    if (t.local === tag) {
      inside++;
      buf = '';
    }
  });
  parser.on('text', (s) => {
    if (inside) buf += s;
  });
  parser.on('closetag', (t) => {
    if (t.local === tag) {
      inside--;
      found.push(buf);
    }
  });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(text).close();
  return found;
}

describe.each(ENGINES)('主动公开 portal on %s', (engine) => {
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const ids: Record<string, string> = {};
  let attachmentId = '';
  let evilAttachmentId = '';
  let listening: Promise<string> | null = null;
  const socket = () => (listening ??= listen(t.app));

  beforeAll(async () => {
    t = await buildTestApp(engine);
    // 45 notices in jyj's 通知公告, one a day, newest last.
    for (let n = 1; n <= 45; n++) {
      const day = new Date(Date.UTC(2025, 0, n, 2)).toISOString();
      const it = await seedItem(t.rt, { slug: 'jyj', column: 'tzgg', title: `关于第${n}批教育资助名单的公示`, publishedAt: day, docNumber: n % 2 ? `安教〔2025〕${n}号` : null });
      ids[`n${n}`] = it.id;
    }
    const policy = await seedItem(t.rt, {
      slug: 'jyj', column: 'zcwj', title: '安澜市学前教育资助管理办法', docNumber: '安教规〔2025〕1号', validity: 'inForce', keywords: ['学前教育', '资助'],
      publishedAt: '2025-03-01T02:00:00.000Z', attachments: [{ filename: '资助申请表 2025.pdf', mime: 'application/pdf', data: PDF }, { filename: '"><img src=x onerror=alert(1)>.html', mime: 'text/html', data: Buffer.from('<script>alert(1)</script>') }],
      correctedAt: '2025-03-05T03:00:00.000Z', correctionNote: '第三条资助标准数字有误，已更正',
    });
    ids.policy = policy.id;
    attachmentId = policy.attachmentIds[0] as string;
    evilAttachmentId = policy.attachmentIds[1] as string;
    const jd = await seedItem(t.rt, { slug: 'jyj', column: 'zcjd', title: '一图读懂《安澜市学前教育资助管理办法》', publishedAt: '2025-03-02T02:00:00.000Z' });
    ids.jd = jd.id;
    await seedLink(t.rt, jd.id, policy.id, 'interprets');
    const gone = await seedItem(t.rt, { slug: 'jyj', column: 'gzdt', title: '已撤回的工作动态', status: 'withdrawn', withdrawnAt: '2025-04-01T01:00:00.000Z', withdrawalReason: '信息重复发布', attachments: [{ filename: 'x.pdf', mime: 'application/pdf', data: PDF }] });
    ids.gone = gone.id;
    ids.goneAttachment = gone.attachmentIds[0] as string;
    ids.draft = (await seedItem(t.rt, { slug: 'jyj', column: 'gzdt', title: '尚未发布的草稿', status: 'draft' })).id;
  });
  afterAll(async () => t?.close());

  it('the disclosure home lists the standard columns and the latest notices, and the unit home links to it', async () => {
    const home = await get('/u/jyj/');
    expect(hrefs(home.body)).toContain('/u/jyj/xxgk/');
    const res = await get('/u/jyj/xxgk/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>安澜市教育局政府信息公开</h1>');
    for (const code of ['xxgkzn', 'xxgkzd', 'fdzdgknr', 'gknb', 'tzgg', 'gzdt', 'zcwj', 'zcjd', 'fd20-01']) expect(hrefs(res.body), code).toContain(`/u/jyj/c/${code}/`);
    // Latest notices, newest first; the draft is nowhere.
    expect(res.body.indexOf('第45批')).toBeGreaterThan(0);
    expect(res.body.indexOf('第45批')).toBeLessThan(res.body.indexOf('第44批'));
    expect(res.body).not.toContain('尚未发布的草稿');
    expect(res.body).not.toContain('已撤回的工作动态');
  });

  it('a column lists 20 items a page, newest first, with the total, page links and feed links', async () => {
    const p1 = await get('/u/jyj/c/tzgg/');
    expect(p1.statusCode).toBe(200);
    expect(p1.body).toContain('共 45 条');
    const titles = [...p1.body.matchAll(/关于第(\d+)批教育资助名单的公示/g)].map((m) => Number(m[1]));
    expect(titles).toEqual(Array.from({ length: 20 }, (_, i) => 45 - i));
    expect(p1.body).toContain('<span class="vh">文号：</span>安教〔2025〕45号');
    expect(p1.body).toContain('<time datetime="2025-02-14">2025-02-14</time>');
    expect(p1.body).toMatch(/<a href="\/u\/jyj\/c\/tzgg\/" aria-current="page">/);
    expect(hrefs(p1.body)).toContain('/u/jyj/c/tzgg/?page=3');
    expect(p1.body).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(p1.body).toContain('href="/u/jyj/c/tzgg/atom.xml"');
    const p3 = await get('/u/jyj/c/tzgg/?page=3');
    expect(p3.statusCode).toBe(200);
    expect([...p3.body.matchAll(/关于第(\d+)批/g)].map((m) => Number(m[1]))).toEqual([5, 4, 3, 2, 1]);
    expect(p3.body).toMatch(/<a href="\/u\/jyj\/c\/tzgg\/\?page=3" aria-current="page">/);
    expect(p3.body).toContain('rel="prev"');
    expect(p3.body).not.toContain('rel="next"');
    expect((await get('/u/jyj/c/tzgg/?page=4')).statusCode).toBe(404);
    const bad = await get('/u/jyj/c/tzgg/?page=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('页码应为正整数');
    expect((await get('/u/jyj/c/nosuch/')).statusCode).toBe(404);
  });

  it('over a socket, page 2 is not answered with the cached page 1 (the fast path keys on the whole URL)', async () => {
    const base = await socket();
    const first = await (await fetch(`${base}/u/jyj/c/tzgg/`)).text();
    const second = await (await fetch(`${base}/u/jyj/c/tzgg/?page=2`)).text();
    expect(first).toContain('第45批');
    expect(second).not.toContain('第45批');
    expect(second).toContain('第25批');
  });

  it('an item page shows the metadata table, the correction notice, the attachments and the interpretation link', async () => {
    const res = await get(`/u/jyj/i/${ids.policy}`);
    expect(res.statusCode).toBe(200);
    const row = (k: string) => new RegExp(`<th scope="row">${k}</th><td[^>]*>([^]*?)</td>`).exec(res.body)?.[1];
    expect(row('索引号')).toMatch(/^TEST\d{6}\/2025-\d{5}$/);
    expect(row('发布机构')).toBe('安澜市教育局');
    expect(row('文号')).toBe('安教规〔2025〕1号');
    expect(row('生成日期')).toContain('2025-03-01');
    expect(row('主题分类')).toBe('综合政务\\政务公开');
    expect(row('体裁分类')).toBe('通知');
    expect(row('公开方式')).toBe('主动公开');
    expect(row('公开时限')).toBe('常年公开');
    expect(row('公开范围')).toBe('面向全社会');
    expect(row('有效性')).toBe('现行有效');
    expect(row('发布日期')).toContain('2025-03-01');
    expect(row('浏览次数')).toMatch(/^\d+<span class="hint-inline">（截至昨日）<\/span>$/);
    expect(row('关键词')).toBe('学前教育；资助');
    expect(res.body).toContain('本文于 <time datetime="2025-03-05">2025-03-05</time> 更正：第三条资助标准数字有误，已更正');
    expect(res.body).toContain(`<a href="/u/jyj/i/${ids.policy}/files/${attachmentId}" download>资助申请表 2025.pdf</a><span class="file-meta">（PDF，`);
    expect(res.body).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.html');
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).toContain(`<h3>政策解读</h3><ul><li><a href="/u/jyj/i/${ids.jd}">一图读懂《安澜市学前教育资助管理办法》</a>`);
    expect(res.body).toContain(`href="/u/jyj/i/${ids.policy}?print=1"`);
    expect(res.body).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="手机扫码访问本页"/);
    // Breadcrumb: unit › 信息公开 › 政策文件 › 正文
    expect(res.body).toContain('<li><a href="/u/jyj/xxgk/">信息公开</a></li><li><a href="/u/jyj/c/zcwj/">政策文件</a></li><li aria-current="page">正文</li>');
    const back = await get(`/u/jyj/i/${ids.jd}`);
    expect(back.body).toContain(`<h3>解读的政策</h3><ul><li><a href="/u/jyj/i/${ids.policy}">安澜市学前教育资助管理办法</a>`);
    const print = await get(`/u/jyj/i/${ids.policy}?print=1`);
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain('<article class="print-view">');
    expect(print.body).toContain('<meta name="robots" content="noindex">');
  });

  it('a withdrawn item answers 410 with the date and reason; drafts and other units answer 404', async () => {
    const res = await get(`/u/jyj/i/${ids.gone}`);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('本信息已于 <time datetime="2025-04-01">2025-04-01</time> 撤回。撤回原因：信息重复发布');
    expect(res.body).toContain('已撤回的工作动态');
    expect(res.body).not.toContain('/files/');
    expect((await get(`/u/jyj/i/${ids.draft}`)).statusCode).toBe(404);
    expect((await get(`/u/fgj/i/${ids.policy}`)).statusCode).toBe(404);
    expect((await get(`/u/jyj/i/${ids.gone}/files/${ids.goneAttachment}`)).statusCode).toBe(404);
  });

  it('attachments download as attachments with the exact name, never rendered as HTML', async () => {
    const res = await get(`/u/jyj/i/${ids.policy}/files/${attachmentId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="_____ 2025.pdf"; filename*=UTF-8''${encodeURIComponent('资助申请表 2025.pdf')}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.rawPayload.equals(PDF)).toBe(true);
    const evil = await get(`/u/jyj/i/${ids.policy}/files/${evilAttachmentId}`);
    expect(evil.statusCode).toBe(200);
    expect(evil.headers['content-type']).toBe('application/octet-stream');
    expect(evil.headers['content-disposition']).toMatch(/^attachment; filename="__&gt;|^attachment; filename="_&gt;|^attachment; filename="/);
    expect(evil.headers['content-disposition']).not.toMatch(/filename="[^"]*"[^;]/);
    // Another item's id in the URL does not reach this file.
    expect((await get(`/u/jyj/i/${ids.jd}/files/${attachmentId}`)).statusCode).toBe(404);
  });

  it('RSS and Atom parse as XML and carry the column\'s latest items with absolute links', async () => {
    const rss = await get('/u/jyj/c/tzgg/rss.xml');
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const titles = parseXml(rss.body, 'title');
    expect(titles[0]).toBe('通知公告 - 安澜市教育局');
    expect(titles.slice(1)).toEqual(Array.from({ length: 20 }, (_, i) => `关于第${45 - i}批教育资助名单的公示`));
    expect(parseXml(rss.body, 'link').filter(Boolean)[1]).toBe(`${t.rt.config.publicUrl}/u/jyj/i/${ids.n45}`);
    const atom = await get('/u/jyj/c/tzgg/atom.xml');
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(parseXml(atom.body, 'id').slice(1, 3)).toEqual([`${t.rt.config.publicUrl}/u/jyj/i/${ids.n45}`, `${t.rt.config.publicUrl}/u/jyj/i/${ids.n44}`]);
    // Control characters pasted into a title cannot break the XML.
    const odd = await seedItem(t.rt, { slug: 'jyj', column: 'gzdt', title: '含控制字符\u0001的标题 & <b>标记</b>' });
    const gz = await get('/u/jyj/c/gzdt/atom.xml');
    expect(parseXml(gz.body, 'title')).toContain('含控制字符的标题 & <b>标记</b>');
    expect(parseXml(gz.body, 'title')).not.toContain('已撤回的工作动态');
    expect(odd.id).toBeTruthy();
  });

  it('sitemap.xml lists every published item and no withdrawn or draft one', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    const locs = parseXml(res.body, 'loc');
    const base = t.rt.config.publicUrl;
    const published = await t.rt.deps.store.read(async (r) => {
      const out: string[] = [];
      for (let after: string | null = null; ;) {
        const page = await r.publications.scanPublic(after, 1000);
        for (const i of page) if (i.status === 'published') out.push(i.id);
        if (page.length < 1000) break;
        after = page[page.length - 1]!.id;
      }
      return out;
    });
    expect(published.length).toBeGreaterThanOrEqual(47);
    for (const id of published) expect(locs, id).toContain(`${base}/u/jyj/i/${id}`);
    expect(locs).not.toContain(`${base}/u/jyj/i/${ids.gone}`);
    expect(locs).not.toContain(`${base}/u/jyj/i/${ids.draft}`);
    expect(locs).toContain(`${base}/u/jyj/c/tzgg/`);
    expect(locs).toContain(`${base}/u/jyj/xxgk/`);
  });

  it('every link on the new pages leads somewhere', async () => {
    const seen = new Set<string>();
    for (const p of ['/u/jyj/xxgk/', '/u/jyj/c/tzgg/', '/u/jyj/c/fdzdgknr/', `/u/jyj/i/${ids.policy}`]) {
      for (const href of hrefs((await get(p)).body)) {
        if (!href.startsWith('/') || href.startsWith('/prefs') || seen.has(href)) continue;
        seen.add(href);
        expect((await get(href.split('#')[0] as string)).statusCode, `${p} → ${href}`).toBeLessThan(400);
      }
    }
  });

  it('views are counted without cookies, saved in batches, and shown from the next day', async () => {
    const base = await socket();
    const fresh = await seedItem(t.rt, { slug: 'jyj', column: 'gzdt', title: '浏览次数测试' });
    const url = `${base}/u/jyj/i/${fresh.id}`;
    const ua = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120' };
    for (let i = 0; i < 5; i++) {
      const r = await fetch(url, { headers: ua });
      expect(r.status).toBe(200);
      expect(r.headers.get('set-cookie')).toBeNull();
    }
    await fetch(url, { headers: { 'user-agent': 'Googlebot/2.1' } }); // crawlers are not readers
    await t.app.close(); // flushes what is pending
    const total = await t.rt.deps.store.read((r) => r.itemViews.total(fresh.id));
    expect(total).toBe(5);
  });
});

describe('sitemap files and the view counter, without a server', () => {
  it('over the per-file limit, /sitemap.xml becomes an index of files that together list every URL once', async () => {
    const { sitemapFiles } = await import('../../src/http/portal/sitemap.js');
    const unit = { id: 'u1', slug: 'fgj', status: 'active', updatedAt: '2025-01-01T00:00:00.000Z' } as never;
    const items = Array.from({ length: 25 }, (_, i) => ({ id: `item${i}`, unitId: 'u1', status: i === 3 ? 'withdrawn' : 'published', updatedAt: '2025-02-01T00:00:00.000Z' }));
    const files = sitemapFiles({ units: [unit], columns: [], lastByColumn: new Map(), items }, 'https://gk.example', undefined, 10);
    expect(parseXml(files[0] as string, 'loc')).toEqual(['https://gk.example/sitemap-1.xml', 'https://gk.example/sitemap-2.xml', 'https://gk.example/sitemap-3.xml']);
    const locs = files.slice(1).flatMap((f) => parseXml(f, 'loc'));
    expect(files.slice(1).every((f) => parseXml(f, 'loc').length <= 10)).toBe(true);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.filter((l) => l.includes('/i/'))).toHaveLength(24);
    expect(locs).not.toContain('https://gk.example/u/fgj/i/item3');
  });

  it('counts per Beijing day, keeps counts when a write fails, and announces the day change', async () => {
    const { ViewCounter } = await import('../../src/http/portal/view-counter.js');
    let now = Date.parse('2025-03-01T15:59:00.000Z'); // 23:59 in Beijing
    const saved: { itemId: string; day: string; count: number }[] = [];
    let fail = true;
    const store = {
      read: async () => { throw new Error('unused'); },
      write: async (fn: (r: never) => Promise<unknown>, opts?: { publicContent?: boolean }) => {
        expect(opts).toEqual({ publicContent: false });
        if (fail) throw new Error('database busy');
        return fn({ itemViews: { add: async (b: typeof saved) => void saved.push(...b) } } as never);
      },
    };
    const c = new ViewCounter({ store: store as never, now: () => now });
    c.hit('a', 'Mozilla/5.0');
    c.hit('a', 'Mozilla/5.0');
    c.hit('a', undefined); // no User-Agent: not a browser
    c.hit('a', 'Baiduspider/2.0');
    expect(c.today()).toBe('2025-03-01');
    now += 2 * 60_000; // 00:01 next day in Beijing
    c.hit('a', 'Mozilla/5.0');
    expect(c.today()).toBe('2025-03-02');
    await c.flush(); // fails: kept for the next attempt
    fail = false;
    await c.flush();
    expect(saved.sort((x, y) => x.day.localeCompare(y.day))).toEqual([{ itemId: 'a', day: '2025-03-01', count: 2 }, { itemId: 'a', day: '2025-03-02', count: 1 }]);
  });
});
