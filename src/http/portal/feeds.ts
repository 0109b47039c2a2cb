/**
 * RSS 2.0 and Atom (RFC 4287) feeds of a column's latest published items, with absolute links. Text is escaped
 * for XML and characters XML 1.0 forbids (control characters a paste may carry) are dropped, so a feed always parses.
 */
import type { CatalogueColumn } from '../../domain/publications/model.js';
import type { Unit } from '../../domain/ports.js';
import { columnHref, feedHref, itemHref } from './publication-links.js';

export interface FeedItem {
  id: string;
  title: string;
  summary: string;
  docNumber: string | null;
  publishedAt: string;
  updatedAt: string;
}

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const XML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const xml = (s: string): string => s.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => XML_ESC[c] as string);

/** RFC 822 date as RSS 2.0 wants it, in GMT. */
const rfc822 = (iso: string): string => new Date(iso).toUTCString();
const latest = (items: FeedItem[], fallback: string): string => items.reduce((m, i) => (i.updatedAt > m ? i.updatedAt : m), items[0]?.updatedAt ?? fallback);

export interface FeedInput {
  baseUrl: string;
  siteName: string;
  unit: Unit;
  column: CatalogueColumn;
  items: FeedItem[];
}

const description = (i: FeedItem) => (i.docNumber ? `${i.docNumber}　${i.summary}` : i.summary);

export function rssFeed(f: FeedInput): string {
  const slug = f.unit.slug;
  const channelUrl = f.baseUrl + columnHref(slug, f.column.code);
  const items = f.items.map((i) => {
    const url = f.baseUrl + itemHref(slug, i.id);
    return `<item><title>${xml(i.title)}</title><link>${xml(url)}</link><guid isPermaLink="true">${xml(url)}</guid><pubDate>${rfc822(i.publishedAt)}</pubDate><description>${xml(description(i))}</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xml(`${f.column.name} - ${f.unit.name}`)}</title>
<link>${xml(channelUrl)}</link>
<description>${xml(`${f.unit.name}${f.column.name}栏目最新发布的政府信息（${f.siteName}）`)}</description>
<language>zh-CN</language>
<atom:link href="${xml(f.baseUrl + feedHref(slug, f.column.code, 'rss'))}" rel="self" type="application/rss+xml"/>
<lastBuildDate>${rfc822(latest(f.items, f.column.updatedAt))}</lastBuildDate>
${items.join('\n')}
</channel>
</rss>
`;
}

export function atomFeed(f: FeedInput): string {
  const slug = f.unit.slug;
  const self = f.baseUrl + feedHref(slug, f.column.code, 'atom');
  const entries = f.items.map((i) => {
    const url = f.baseUrl + itemHref(slug, i.id);
    return `<entry><title>${xml(i.title)}</title><link rel="alternate" type="text/html" href="${xml(url)}"/><id>${xml(url)}</id><published>${xml(i.publishedAt)}</published><updated>${xml(i.updatedAt)}</updated><summary>${xml(description(i))}</summary></entry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>${xml(`${f.column.name} - ${f.unit.name}`)}</title>
<subtitle>${xml(`${f.unit.name}${f.column.name}栏目最新发布的政府信息`)}</subtitle>
<link rel="self" type="application/atom+xml" href="${xml(self)}"/>
<link rel="alternate" type="text/html" href="${xml(f.baseUrl + columnHref(slug, f.column.code))}"/>
<id>${xml(self)}</id>
<updated>${xml(latest(f.items, f.column.updatedAt))}</updated>
<author><name>${xml(f.unit.name)}</name></author>
${entries.join('\n')}
</feed>
`;
}

export const RSS_TYPE = 'application/rss+xml; charset=utf-8';
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
