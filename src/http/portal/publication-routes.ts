/**
 * Routes of the 主动公开 portal (issue 4 contract): /u/<slug>/xxgk/, /u/<slug>/c/<code>/?page=N (+ rss.xml, atom.xml),
 * /u/<slug>/i/<id> (?print=1), /u/<slug>/i/<id>/files/<attachmentId> and /sitemap.xml. Pages go through the
 * portal's page cache under their canonical URL (the fast path serves repeat hits); downloads do not.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Unit } from '../../domain/ports.js';
import type { HttpContext } from '../context.js';
import { PORTAL_HEADERS } from '../plugins/security-headers.js';
import { ATOM_TYPE, atomFeed, RSS_TYPE, rssFeed } from './feeds.js';
import type { Rendered } from './page-cache.js';
import { parsePrefs, type Prefs } from './prefs.js';
import { loadCatalogue, loadItems } from './publication-data.js';
import { renderItemPage, renderWithdrawnPage } from './publication-item-page.js';
import { COLUMN_CODE_RE, columnHref, columnPath, contentDisposition, downloadType, FEED_SIZE, feedHref, ID_RE, itemHref, PAGE_SIZE, printHref, xxgkHref } from './publication-links.js';
import { LATEST, pageCount, renderColumnPage, renderXxgkHome } from './publication-pages.js';
import { loadSite, type PageEnv, type Site } from './site.js';
import { buildSitemaps, SITEMAP_TYPE } from './sitemap.js';
import type { ViewCounter } from './view-counter.js';
import { annualReportColumnList } from './report-pages.js';

export interface PortalKit {
  serve(req: FastifyRequest, reply: FastifyReply, key: string, render: (prefs: Prefs) => Promise<Rendered>): Promise<FastifyReply>;
  env(path: string, prefs: Prefs): PageEnv;
  errorHtml(status: number, message: string, prefs: Prefs, path: string): string;
  counter: ViewCounter;
  slugOk(slug: string): boolean;
}

type Found = { unit: Unit; site: Site } | Rendered;

export async function registerPublicationRoutes(app: FastifyInstance, ctx: HttpContext, kit: PortalKit): Promise<void> {
  const { deps, config } = ctx;
  const read = deps.store.read.bind(deps.store);

  /** The active unit of the slug, or the page to answer instead (404 unknown, 410 closed). */
  const findUnit = async (slug: string, prefs: Prefs, path: string): Promise<Found> => {
    const site = await loadSite(deps);
    const unit = site.units.find((u) => u.slug === slug);
    if (unit && unit.status === 'active') return { unit, site };
    const gone = !unit && (await read((r) => r.units.getBySlug(slug)));
    if (gone || unit) return { status: 410, html: kit.errorHtml(410, '该单位已撤销或停用，本单位栏目不再更新。', prefs, path) };
    return { status: 404, html: kit.errorHtml(404, '未找到该单位：请检查网址，或从首页选择单位。', prefs, path) };
  };
  const notFound = (prefs: Prefs, path: string, what: string): Rendered => ({ status: 404, html: kit.errorHtml(404, what, prefs, path) });
  const badSlug = (req: FastifyRequest, reply: FastifyReply) =>
    reply.code(404).type('text/html; charset=utf-8').send(kit.errorHtml(404, '您访问的页面不存在', parsePrefs(req.headers.cookie), '/'));
  const slugOf = (site: Site) => (unitId: string) => site.byId.get(unitId)?.slug ?? null;

  // Without the trailing slash: one canonical URL per page.
  for (const p of ['/u/:slug/xxgk', '/u/:slug/c/:code']) {
    app.get(p, async (req, reply) => reply.code(301).header('location', `${req.url.split('?')[0]}/`).send());
  }

  app.get('/u/:slug/xxgk/', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    if (!kit.slugOk(slug)) return badSlug(req, reply);
    const path = xxgkHref(slug);
    return kit.serve(req, reply, path, async (prefs) => {
      const found = await findUnit(slug, prefs, path);
      if (!('unit' in found)) return found;
      const { unit, site } = found;
      const [cat, counts] = await read(async (r) => [await loadCatalogue(r, unit), await r.publications.countPublishedByColumn(unit.id)] as const);
      const latest = [];
      for (const code of LATEST) {
        const column = cat.byCode.get(code);
        if (!column) continue;
        const { items } = await read((r) => r.publications.listPublished({ columnId: column.id, offset: 0, limit: 6 }));
        latest.push({ column, rows: items });
      }
      const html = await renderXxgkHome(kit.env(path, prefs), site, { cat, counts: new Map(counts.map((c) => [c.columnId, c.count])), latest });
      return { status: 200, html };
    });
  });

  app.get('/u/:slug/c/:code/', async (req, reply) => {
    const { slug, code } = req.params as { slug: string; code: string };
    if (!kit.slugOk(slug) || !COLUMN_CODE_RE.test(code)) return badSlug(req, reply);
    const raw = (req.query as Record<string, unknown>).page;
    if (raw !== undefined && (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw))) {
      const prefs = parsePrefs(req.headers.cookie);
      return reply.code(400).type('text/html; charset=utf-8').send(kit.errorHtml(400, '页码应为正整数，例如 ?page=2。', prefs, columnHref(slug, code)));
    }
    const page = raw ? Number(raw) : 1;
    const path = columnHref(slug, code, page);
    return kit.serve(req, reply, path, async (prefs) => {
      const found = await findUnit(slug, prefs, path);
      if (!('unit' in found)) return found;
      const { unit, site } = found;
      const cat = await read((r) => loadCatalogue(r, unit));
      const column = cat.byCode.get(code);
      if (!column) return notFound(prefs, path, '本单位没有这个栏目：请从信息公开目录选择栏目。');
      const [{ total, items }, counts] = await read(async (r) => [
        await r.publications.listPublished({ columnId: column.id, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
        await r.publications.countPublishedByColumn(unit.id),
      ] as const);
      if (page > pageCount(total)) return notFound(prefs, path, `该栏目共 ${pageCount(total)} 页，没有第 ${page} 页。`);
      const html = await renderColumnPage(kit.env(path, prefs), site, {
        cat, column, path: columnPath(cat.byId, column), page, total, rows: items, counts: new Map(counts.map((c) => [c.columnId, c.count])),
        extra: column.code === 'gknb' && page === 1 ? await annualReportColumnList(deps, unit) : undefined,
      });
      return { status: 200, html };
    });
  });

  for (const kind of ['rss', 'atom'] as const) {
    app.get(`/u/:slug/c/:code/${kind}.xml`, async (req, reply) => {
      const { slug, code } = req.params as { slug: string; code: string };
      if (!kit.slugOk(slug) || !COLUMN_CODE_RE.test(code)) return badSlug(req, reply);
      const path = feedHref(slug, code, kind);
      return kit.serve(req, reply, path, async (prefs) => {
        const found = await findUnit(slug, prefs, path);
        if (!('unit' in found)) return found;
        const column = await read((r) => r.catalogue.columnByCode(found.unit.id, code));
        if (!column) return notFound(prefs, path, '本单位没有这个栏目。');
        const { items } = await read((r) => r.publications.listPublished({ columnId: column.id, offset: 0, limit: FEED_SIZE }));
        const input = {
          baseUrl: config.publicUrl, siteName: config.siteName, unit: found.unit, column,
          items: items.map((i) => ({ id: i.id, title: i.title, summary: i.summary, docNumber: i.docNumber, publishedAt: i.publishedAt ?? i.updatedAt, updatedAt: i.updatedAt })),
        };
        return kind === 'rss' ? { status: 200, html: rssFeed(input), type: RSS_TYPE } : { status: 200, html: atomFeed(input), type: ATOM_TYPE };
      });
    });
  }

  app.get('/u/:slug/i/:id', async (req, reply) => {
    const { slug, id } = req.params as { slug: string; id: string };
    if (!kit.slugOk(slug) || !ID_RE.test(id)) return badSlug(req, reply);
    const print = (req.query as Record<string, unknown>).print === '1';
    const path = print ? printHref(slug, id) : itemHref(slug, id);
    const res = await kit.serve(req, reply, path, async (prefs) => {
      const found = await findUnit(slug, prefs, path);
      if (!('unit' in found)) return found;
      const { unit, site } = found;
      const loaded = await read(async (r) => {
        const [data] = await loadItems(r, [id], slugOf(site));
        if (!data || data.item.unitId !== unit.id) return null;
        return { data, cat: await loadCatalogue(r, unit), views: await r.itemViews.total(id, kit.counter.today()) };
      });
      if (!loaded) return notFound(prefs, path, '未找到该信息：它可能尚未发布。请从栏目列表查找。');
      const column = loaded.cat.byId.get(loaded.data.item.columnId);
      if (!column) return notFound(prefs, path, '未找到该信息所在的栏目。');
      const input = { cat: loaded.cat, column, path: columnPath(loaded.cat.byId, column), data: loaded.data, views: loaded.views, print };
      // 410 Gone: the information was published and deliberately taken down; crawlers drop it, people read why.
      if (loaded.data.item.status === 'withdrawn') return { status: 410, html: await renderWithdrawnPage(kit.env(path, prefs), site, input) };
      return { status: 200, html: await renderItemPage(kit.env(path, prefs), site, input) };
    });
    if (reply.statusCode === 200 || reply.statusCode === 304) kit.counter.hit(id, req.headers['user-agent']);
    return res;
  });

  app.get('/u/:slug/i/:id/files/:attachmentId', async (req, reply) => {
    const { slug, id, attachmentId } = req.params as { slug: string; id: string; attachmentId: string };
    const prefs = parsePrefs(req.headers.cookie);
    const missing = () => reply.code(404).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(kit.errorHtml(404, '附件不存在，或所属信息已撤回。', prefs, kit.slugOk(slug) && ID_RE.test(id) ? itemHref(slug, id) : '/'));
    if (!kit.slugOk(slug) || !ID_RE.test(id) || !ID_RE.test(attachmentId)) return missing();
    const found = await read(async (r) => {
      const unit = await r.units.getBySlug(slug);
      const [item] = await r.portal.publicItems([id]);
      // Files are public only while the item is published by an active unit.
      if (!unit || unit.status !== 'active' || !item || item.unitId !== unit.id || item.status !== 'published') return null;
      return (await r.portal.attachmentsOf([id])).get(id)?.find((a) => a.id === attachmentId) ?? null;
    });
    if (!found) return missing();
    const data = await deps.blobs.get(found.sha256);
    if (!data) return missing();
    const etag = `"${found.sha256}"`;
    reply.headers(Object.fromEntries(PORTAL_HEADERS));
    reply
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('x-content-type-options', 'nosniff')
      // Revalidated each time (cheap: ETag is the content hash), so a withdrawal stops downloads at once.
      .header('cache-control', 'no-cache')
      .header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(downloadType(found.mime)).header('content-disposition', contentDisposition(found.filename)).send(data);
  });

  let sitemaps: Promise<string[]> | null = null;
  ctx.onWrite(() => {
    sitemaps = null;
  });
  const sitemapFiles = () => (sitemaps ??= loadSite(deps).then((site) => read((r) => buildSitemaps(r, site, config.publicUrl))).catch((e: unknown) => {
    sitemaps = null;
    throw e;
  }));
  app.get('/sitemap.xml', async (req, reply) => kit.serve(req, reply, '/sitemap.xml', async () => ({ status: 200, html: (await sitemapFiles())[0] as string, type: SITEMAP_TYPE })));
  app.get('/sitemap-:n(^\\d{1,4}).xml', async (req, reply) => {
    const n = Number((req.params as { n: string }).n);
    return kit.serve(req, reply, `/sitemap-${n}.xml`, async (prefs) => {
      const files = await sitemapFiles();
      const file = files.length > 1 ? files[n] : undefined;
      return file ? { status: 200, html: file, type: SITEMAP_TYPE } : notFound(prefs, '/', '没有这个站点地图文件。');
    });
  });
}
