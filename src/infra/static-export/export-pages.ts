/**
 * Renders the static copy's pages with the portal's own renderers (same HTML, links rewritten by paths.ts):
 * the site home and a unit's pages, a column's pages and feeds, and items in batches.
 */
import type { Deps, Repos } from '../../domain/ports.js';
import type { CatalogueColumn } from '../../domain/publications/model.js';
import { getPublicUnitPage } from '../../domain/units/unit-queries.js';
import { atomFeed, rssFeed } from '../../http/portal/feeds.js';
import { renderHome } from '../../http/portal/home-page.js';
import { DEFAULT_PREFS } from '../../http/portal/prefs.js';
import { catalogueOf, loadItems, type UnitCatalogue } from '../../http/portal/publication-data.js';
import { renderItemPage, renderWithdrawnPage } from '../../http/portal/publication-item-page.js';
import { columnHref, columnPath, FEED_SIZE, feedHref, itemHref, PAGE_SIZE, safeExtension, xxgkHref } from '../../http/portal/publication-links.js';
import { LATEST, pageCount, renderColumnPage, renderXxgkHome, type RenderOptions } from '../../http/portal/publication-pages.js';
import type { PageEnv, Site } from '../../http/portal/site.js';
import { renderUnitPage } from '../../http/portal/unit-pages.js';
import { fastQrDataUri } from './fast-qr.js';
import { fileOf, staticHref, staticPage, type StaticLinks } from './paths.js';
import type { SiteWriter } from './site-writer.js';

export interface ExportContext {
  deps: Deps;
  site: Site;
  siteName: string;
  baseUrl: string;
  dynamicBase: string;
  writer: SiteWriter;
  /** Published items per column id (from the scan), for the counts the pages show. */
  counts: Map<string, number>;
  catalogues: Map<string, UnitCatalogue>;
}

const RENDER: RenderOptions = { qr: fastQrDataUri };
const noFiles = () => undefined;

function links(x: ExportContext, fileExt: StaticLinks['fileExt'] = noFiles): StaticLinks {
  return { dynamicBase: x.dynamicBase, fileExt };
}
const env = (x: ExportContext, staticUrl: string): PageEnv => ({ siteName: x.siteName, publicUrl: x.baseUrl, path: staticUrl, prefs: DEFAULT_PREFS });

function writePage(x: ExportContext, url: string, html: string, l = links(x)): void {
  const s = staticHref(url, l);
  x.writer.write(fileOf(s), staticPage(html, l));
}

export async function exportHome(x: ExportContext): Promise<void> {
  writePage(x, '/', await renderHome(env(x, '/'), x.site));
}

/** A unit's home, guide, about and disclosure home. */
export async function exportUnit(x: ExportContext, r: Repos, unitId: string): Promise<void> {
  const cat = x.catalogues.get(unitId);
  if (!cat) return;
  const unit = cat.unit;
  const data = await getPublicUnitPage(x.deps, unit.slug);
  if (data) {
    for (const kind of ['home', 'guide', 'about'] as const) {
      const url = `/u/${unit.slug}/${kind === 'home' ? '' : kind}`;
      writePage(x, url, await renderUnitPage(env(x, staticHref(url, links(x))), x.site, data, kind));
    }
  }
  const latest = [];
  for (const code of LATEST) {
    const column = cat.byCode.get(code);
    if (!column) continue;
    latest.push({ column, rows: (await r.publications.listPublished({ columnId: column.id, offset: 0, limit: 6 })).items });
  }
  const url = xxgkHref(unit.slug);
  writePage(x, url, await renderXxgkHome(env(x, url), x.site, { cat, counts: x.counts, latest }, RENDER));
}

/** Every page of a column, and its RSS and Atom feeds (item links point at the static item directories). */
export async function exportColumn(x: ExportContext, r: Repos, column: CatalogueColumn): Promise<void> {
  const cat = x.catalogues.get(column.unitId);
  if (!cat) return;
  const slug = cat.unit.slug;
  const rows = await r.portal.publishedOfColumn(column.id);
  const path = columnPath(cat.byId, column);
  const pages = pageCount(rows.length);
  for (let page = 1; page <= pages; page++) {
    const url = columnHref(slug, column.code, page);
    const slice = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const html = await renderColumnPage(env(x, staticHref(url, links(x))), x.site, { cat, column, path, page, total: rows.length, rows: slice, counts: x.counts }, RENDER);
    writePage(x, url, html);
  }
  const { items } = await r.publications.listPublished({ columnId: column.id, offset: 0, limit: FEED_SIZE });
  const input = {
    baseUrl: x.baseUrl, siteName: x.siteName, unit: cat.unit, column,
    items: items.map((i) => ({ id: i.id, title: i.title, summary: i.summary, docNumber: i.docNumber, publishedAt: i.publishedAt ?? i.updatedAt, updatedAt: i.updatedAt })),
  };
  const itemUrl = new RegExp(`(${x.baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/u/[a-z0-9-]+/i/[A-Za-z0-9_-]+)(?=[<"])`, 'g');
  const toStatic = (feed: string) => feed.replace(itemUrl, '$1/');
  x.writer.write(fileOf(feedHref(slug, column.code, 'rss')), toStatic(rssFeed(input)));
  x.writer.write(fileOf(feedHref(slug, column.code, 'atom')), toStatic(atomFeed(input)));
}

/** Item pages (a withdrawn item's page is its withdrawal notice) and the files of published items. */
export async function exportItems(x: ExportContext, r: Repos, ids: string[]): Promise<number> {
  const slugOf = (unitId: string) => (x.catalogues.get(unitId) ? x.catalogues.get(unitId)!.unit.slug : null);
  const loaded = await loadItems(r, ids, slugOf);
  let n = 0;
  for (const data of loaded) {
    const cat = x.catalogues.get(data.item.unitId);
    const column = cat?.byId.get(data.item.columnId);
    if (!cat || !column) continue;
    const slug = cat.unit.slug;
    const exts = new Map(data.attachments.map((a) => [a.id, safeExtension(a.mime)]));
    const l = links(x, (id) => exts.get(id));
    const url = itemHref(slug, data.item.id);
    const input = { cat, column, path: columnPath(cat.byId, column), data, views: null };
    const e = env(x, staticHref(url, l));
    const html = data.item.status === 'withdrawn' ? await renderWithdrawnPage(e, x.site, input, RENDER) : await renderItemPage(e, x.site, input, RENDER);
    writePage(x, url, html, l);
    for (const a of data.attachments) {
      const rel = fileOf(staticHref(`${url}/files/${a.id}`, l));
      const hash = `sha256:${a.sha256}`;
      if (x.writer.current(rel, hash)) {
        x.writer.keep(rel);
        continue;
      }
      const bytes = await x.deps.blobs.get(a.sha256);
      if (bytes) x.writer.write(rel, bytes, hash);
    }
    n++;
  }
  return n;
}

export function catalogues(site: Site, columns: CatalogueColumn[]): Map<string, UnitCatalogue> {
  const byUnit = new Map<string, CatalogueColumn[]>();
  for (const c of columns) byUnit.set(c.unitId, [...(byUnit.get(c.unitId) ?? []), c]);
  const out = new Map<string, UnitCatalogue>();
  for (const u of site.units) if (u.status === 'active') out.set(u.id, catalogueOf(u, byUnit.get(u.id) ?? []));
  return out;
}
