/**
 * Broken internal links (国办秘函〔2019〕19号 grades a site on broken links): links in the body to this
 * platform's item pages `/u/<slug>/i/<itemId>` — relative, or absolute with the portal's public base URL — whose
 * item does not exist, is not published or belongs to another unit than the slug says (warn: the target may
 * be published before this item is), and links to attachment downloads `/u/<slug>/i/<itemId>/files/<id>`
 * whose attachment does not exist or is not the item's (block: a reader would get an error page).
 */
import type { HtmlLink } from './html-text.js';

export interface InternalLink {
  link: HtmlLink;
  slug: string;
  itemId: string;
  attachmentId: string | null;
}

const PATH = /^\/u\/([a-z0-9-]+)\/i\/([A-Za-z0-9_-]+)(?:\/files\/([A-Za-z0-9_-]+))?\/?(?:[?#].*)?$/;

/** The links that point at this platform's items; `publicUrl` is the portal's base URL (may be ''). */
export function internalLinks(links: readonly HtmlLink[], publicUrl: string): InternalLink[] {
  const base = publicUrl.replace(/\/+$/, '');
  let baseHost: string | null = null;
  try {
    baseHost = base ? new URL(base).host : null;
  } catch {
    baseHost = null;
  }
  const out: InternalLink[] = [];
  for (const link of links) {
    let path: string | null = null;
    const href = link.href.trim();
    if (href.startsWith('/') && !href.startsWith('//')) path = href;
    else if (/^(https?:)?\/\//i.test(href) && baseHost) {
      try {
        const u = new URL(href, base);
        if (u.host === baseHost) path = u.pathname + u.search;
      } catch {
        path = null;
      }
    }
    if (!path) continue;
    const m = PATH.exec(path);
    if (m) out.push({ link, slug: m[1] as string, itemId: m[2] as string, attachmentId: m[3] ?? null });
  }
  return out;
}
