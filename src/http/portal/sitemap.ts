/**
 * /sitemap.xml (sitemaps.org 0.9): every active unit's pages, every column page and every published item —
 * never a withdrawn one. Over 50,000 URLs (the protocol's limit per file) /sitemap.xml becomes a sitemap index
 * of /sitemap-1.xml, /sitemap-2.xml, …
 */
import type { Repos } from '../../domain/ports.js';
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

/** The sitemap files: files[0] is /sitemap.xml (an index when there is more than one file of URLs). */
export async function buildSitemaps(r: Repos, site: Site, baseUrl: string, maxUrls = SITEMAP_MAX_URLS): Promise<string[]> {
  const urls: Url[] = [{ loc: `${baseUrl}/` }];
  const active = new Map(site.units.filter((u) => u.status === 'active').map((u) => [u.id, u]));
  const columns = await r.portal.allColumns();
  const lastByColumn = new Map((await r.portal.publishedCounts()).map((c) => [c.columnId, c.lastUpdatedAt]));
  for (const u of active.values()) {
    urls.push({ loc: `${baseUrl}/u/${u.slug}/`, lastmod: u.updatedAt }, { loc: `${baseUrl}/u/${u.slug}/guide`, lastmod: u.updatedAt }, { loc: `${baseUrl}/u/${u.slug}/about`, lastmod: u.updatedAt }, { loc: baseUrl + xxgkHref(u.slug) });
  }
  for (const c of columns) {
    const u = active.get(c.unitId);
    if (u) urls.push({ loc: baseUrl + columnHref(u.slug, c.code), lastmod: lastByColumn.get(c.id) ?? null });
  }
  for (let after: string | null = null; ;) {
    const page = await r.portal.scanPublicHeads(after, 5000);
    for (const i of page) {
      const u = active.get(i.unitId);
      if (u && i.status === 'published') urls.push({ loc: baseUrl + itemHref(u.slug, i.id), lastmod: i.updatedAt });
    }
    if (page.length < 5000) break;
    after = page[page.length - 1]!.id;
  }
  if (urls.length <= maxUrls) return [urlset(urls)];
  const files: string[] = [];
  for (let i = 0; i < urls.length; i += maxUrls) files.push(urlset(urls.slice(i, i + maxUrls)));
  const index = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${files.map((_, n) => `<sitemap><loc>${xml(`${baseUrl}/sitemap-${n + 1}.xml`)}</loc></sitemap>`).join('\n')}
</sitemapindex>
`;
  return [index, ...files];
}
