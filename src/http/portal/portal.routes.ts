/**
 * Public portal: server-rendered HTML that needs no JavaScript (the portal CSP is script-src 'none').
 * Pages are rendered once per (path, preference variant), kept as ready bytes and served from memory
 * until the next committed write; a cache hit touches neither the database nor the template code.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getPublicUnitPage } from '../../domain/units/unit-queries.js';
import type { HttpContext } from '../context.js';
import { PORTAL_HEADERS } from '../plugins/security-headers.js';
import { registerApplyRoutes } from './apply.routes.js';
import { itemIdOfUrl } from './publication-links.js';
import { registerPublicationRoutes } from './publication-routes.js';
import { ViewCounter } from './view-counter.js';
import { installFastPath } from './fast-path.js';
import { renderHome } from './home-page.js';
import { h } from './html.js';
import { renderPage } from './layout.js';
import { etagMatches, PageCache, pickEncoding, type CachedPage, type Rendered } from './page-cache.js';
import { PORTAL_CSS_BODIES, PORTAL_CSS_PATH } from './portal-css.js';
import { DEFAULT_PREFS, parsePrefs, prefsCookie, prefsValue, safeBack, updatePrefs, type Prefs } from './prefs.js';
import { loadSite, type PageEnv } from './site.js';
import { renderGonePage, renderUnitPage, type UnitPageKind } from './unit-pages.js';
import { registerReportPages } from './report-pages.js';
import { registerSearchPage } from './search-page.js';

const TITLES: Record<number, string> = {
  400: '请求有误', 403: '无权访问', 404: '页面不存在', 405: '请求方式不正确', 410: '页面已停用', 413: '提交的内容过大',
  415: '不支持的请求格式', 429: '访问过于频繁', 500: '服务器内部错误', 503: '服务暂不可用',
};

/** Same rule as unit-input.ts: lower-case letters, digits and inner hyphens. Anything else cannot be a unit. */
const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;

function errorHtml(siteName: string, status: number, message: string, prefs: Prefs, path: string): string {
  const title = TITLES[status] ?? '出错了';
  const main = h`<h1>${title}</h1>
<p>${message}</p>
<p class="meta">错误代码：${status}</p>
<ul><li><a href="/">返回首页</a></li></ul>`;
  return renderPage({ siteName, path, prefs, title, crumbs: [{ label: '首页', href: '/' }, { label: title }], main });
}

/** Used by the global error and not-found handlers (src/http/plugins/errors.ts) for every non-API URL. */
export const renderErrorPage = (ctx: HttpContext) => (status: number, message: string): string =>
  errorHtml(ctx.config.siteName, status, message, DEFAULT_PREFS, '/');

const CSS_HEADERS = Object.fromEntries([
  ...PORTAL_HEADERS,
  ['content-type', 'text/css; charset=utf-8'],
  // The hash in the file name changes with the content, so the file itself never needs revalidating.
  ['cache-control', 'public, max-age=31536000, immutable'],
  ['vary', 'Accept-Encoding'],
]);

const cacheable = (status: number) => status === 200 || status === 410;

function send(req: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  if (page.status === 200 && etagMatches(req.headers['if-none-match'], page.etag)) {
    return reply.code(304).headers(page.notModified).send();
  }
  const enc = pickEncoding(req.headers['accept-encoding']);
  return reply.code(page.status).headers(page.headers[enc]).send(page.bodies[enc]);
}

export async function registerPortal(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  const { deps, config } = ctx;
  const cache = new PageCache();
  ctx.onWrite(() => cache.invalidate());
  // 浏览次数 (view-counter.ts): counted in memory, written in batches; pages show totals up to yesterday,
  // so the cache is cleared once a day after midnight and stays valid in between.
  const counter = new ViewCounter({ store: deps.store, onError: (e) => app.log.warn({ err: e }, 'view counts not saved; retrying') });
  counter.onDayChange(() => cache.invalidate());
  counter.start();
  app.addHook('onClose', async () => counter.stop());
  const onHit = (url: string, req: { headers: Record<string, string | string[] | undefined> }) => {
    const id = itemIdOfUrl(url);
    if (id) counter.hit(id, req.headers['user-agent'] as string | undefined);
  };
  // Cache hits bypass Fastify (see fast-path.ts) unless requests are being logged.
  if (config.logLevel !== 'debug' && config.logLevel !== 'trace') installFastPath(app.server, cache, { hsts: true, trustProxy: config.trustProxy, onHit });
  const env = (path: string, prefs: Prefs): PageEnv => ({ siteName: config.siteName, publicUrl: config.publicUrl, path, prefs });
  const serve = async (req: FastifyRequest, reply: FastifyReply, path: string, render: (prefs: Prefs) => Promise<Rendered>) => {
    const prefs = parsePrefs(req.headers.cookie);
    const key = `${path}|${prefsValue(prefs)}`; // the same key fast-path.ts looks up
    const page = cache.peek(key) ?? (await cache.get(key, () => render(prefs), cacheable));
    return send(req, reply, page);
  };

  app.get(PORTAL_CSS_PATH, async (req, reply) => {
    const enc = pickEncoding(req.headers['accept-encoding']);
    reply.headers(CSS_HEADERS);
    if (enc !== 'identity') reply.header('content-encoding', enc);
    return reply.send(PORTAL_CSS_BODIES[enc]);
  });

  // 适老化 preferences without JavaScript: a link sets the cookie and comes straight back (303 See Other).
  app.get('/prefs', async (req, reply) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const prefs = updatePrefs(parsePrefs(req.headers.cookie), query);
    return reply
      .code(303)
      .header('set-cookie', prefsCookie(prefs, req.protocol === 'https'))
      .header('cache-control', 'no-store')
      .header('location', safeBack(query.back))
      .send();
  });

  app.get('/', async (req, reply) =>
    serve(req, reply, '/', async (prefs) => ({ status: 200, html: await renderHome(env('/', prefs), await loadSite(deps)) })));

  app.get('/u/:slug', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    if (!SLUG_RE.test(slug)) return reply.callNotFound();
    return reply.code(301).header('location', `/u/${slug}/`).send();
  });

  const unitPage = (kind: UnitPageKind) => async (req: FastifyRequest, reply: FastifyReply) => {
    const { slug } = req.params as { slug: string };
    const prefs = parsePrefs(req.headers.cookie);
    const path = `/u/${slug}/${kind === 'home' ? '' : kind}`;
    if (!SLUG_RE.test(slug)) return reply.code(404).type('text/html; charset=utf-8').send(errorHtml(config.siteName, 404, '您访问的页面不存在', prefs, '/'));
    return serve(req, reply, path, async (p): Promise<Rendered> => {
      const [data, site] = await Promise.all([getPublicUnitPage(deps, slug), loadSite(deps)]);
      if (!data) return { status: 404, html: errorHtml(config.siteName, 404, '未找到该单位：请检查网址，或从首页选择单位。', p, path) };
      if (data.unit.status !== 'active') return { status: 410, html: await renderGonePage(env(path, p), site, data) };
      return { status: 200, html: await renderUnitPage(env(path, p), site, data, kind) };
    });
  };
  app.get('/u/:slug/', unitPage('home'));
  app.get('/u/:slug/guide', unitPage('guide'));
  app.get('/u/:slug/about', unitPage('about'));
  // 主动公开: disclosure home, columns, items, downloads, feeds, sitemap (publication-routes.ts).
  await registerPublicationRoutes(app, ctx, {
    serve, env, counter, slugOk: (slug) => SLUG_RE.test(slug),
    errorHtml: (status, message, prefs, path) => errorHtml(config.siteName, status, message, prefs, path),
  });
  // 政府信息公开年报: published annual reports and their downloads (report-pages.ts).
  registerReportPages(app, ctx, { serve, env, errorPage: (status, message, prefs, path) => errorHtml(config.siteName, status, message, prefs, path) });
  // 站内搜索: rendered per request, outside the page cache (search-page.ts).
  registerSearchPage(app, ctx, env);
  // 依申请公开: per-user pages, outside the page cache (apply.routes.ts).
  await registerApplyRoutes(app, ctx);
}
