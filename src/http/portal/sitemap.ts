/**
 * /sitemap.xml (sitemaps.org 0.9): every active unit's pages, every column page and every published item —
 * never a withdrawn one. Over 50,000 URLs (the protocol's limit per file) /sitemap.xml becomes a sitemap index
 * of /sitemap-1.xml, /sitemap-2.xml, …
 */
import type { Repos, Unit } from '../../domain/ports.js';
import type { CatalogueColumn } from '../../domain/publications/model.js';
import { xml } from './feeds.js';
import { columnHref, itemHref, xxgkHref } from './publication-links.js';
import type { Site } from './site.js';

export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_TYPE = 'application/xml; charset=utf-8';

interface Url {
  loc: string;
  lastmod?: string | null | undefined;
}

const urlset = (urls: Url[]): string => `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<url><loc>${xml(u.loc)}</loc>${u.lastmod ? `<lastmod>${xml(u.lastmod)}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;

export interface SitemapSource {
  units: Unit[];
  columns: CatalogueColumn[];
  /** Last change of a column's published items. */
  lastByColumn: Map<string, string | null>;
  items: { id: string; unitId: string; status: string; updatedAt: string }[];
}

/** The sitemap files from loaded data: files[0] is /sitemap.xml (an index when there is more than one file of URLs). */
export function sitemapFiles(src: SitemapSource, baseUrl: string, href: (path: string) => string = (p) => p, maxUrls = SITEMAP_MAX_URLS, home = true): string[] {
  const urls: Url[] = home ? [{ loc: baseUrl + href('/') }] : [];
  const active = new Map(src.units.filter((u) => u.status === 'active').map((u) => [u.id, u]));
  for (const u of active.values()) {
    for (const page of ['', 'guide', 'about']) urls.push({ loc: baseUrl + href(`/u/${u.slug}/${page}`), lastmod: u.updatedAt });
    urls.push({ loc: baseUrl + href(xxgkHref(u.slug)) });
  }
  for (const c of src.columns) {
    const u = active.get(c.unitId);
    if (u) urls.push({ loc: baseUrl + href(columnHref(u.slug, c.code)), lastmod: src.lastByColumn.get(c.id) ?? null });
  }
  for (const i of src.items) {
    const u = active.get(i.unitId);
    // Withdrawn items keep their URL (it explains the withdrawal) but are not offered to crawlers.
    if (u && i.status === 'published') urls.push({ loc: baseUrl + href(itemHref(u.slug, i.id)), lastmod: i.updatedAt });
  }
  if (urls.length <= maxUrls) return [urlset(urls)];
  const files: string[] = [];
  for (let i = 0; i < urls.length; i += maxUrls) files.push(urlset(urls.slice(i, i + maxUrls)));
  return [sitemapIndex(files.map((_, n) => `${baseUrl}/sitemap-${n + 1}.xml`)), ...files];
}

export const sitemapIndex = (locs: string[]): string => `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${locs.map((l) => `<sitemap><loc>${xml(l)}</loc></sitemap>`).join('\n')}
</sitemapindex>
`;

export async function buildSitemaps(r: Repos, site: Site, baseUrl: string, maxUrls = SITEMAP_MAX_URLS): Promise<string[]> {
  const columns = await r.portal.allColumns();
  const lastByColumn = new Map((await r.portal.publishedCounts()).map((c) => [c.columnId, c.lastUpdatedAt]));
  const items: SitemapSource['items'] = [];
  for (let after: string | null = null; ;) {
    const page = await r.portal.scanPublicHeads(after, 5000);
    items.push(...page.rows);
    if (!page.last) break;
    after = page.last;
  }
  return sitemapFiles({ units: site.units, columns, lastByColumn, items }, baseUrl, undefined, maxUrls);
}
