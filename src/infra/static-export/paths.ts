/**
 * Where each portal URL lives in the static copy, so that any file server (nginx, a CDN, object storage) can
 * serve it with no rewrite rules: pages are directories with index.html, feeds and sitemaps keep their names,
 * attachments get an extension from their checked type (never .html or .svg).
 * Pages that need the server (application form, search, reading preferences) link to the dynamic portal.
 */
export interface StaticLinks {
  /** Absolute base of the dynamic portal for pages that cannot be static ('' leaves them relative). */
  dynamicBase: string;
  /** Extension of each attachment id on the page being rewritten. */
  fileExt: (attachmentId: string) => string | undefined;
}

const PAGE_RE = /^\/u\/([a-z0-9-]+)\/c\/([a-z0-9_-]+)\/\?page=([1-9]\d*)$/;
const ITEM_RE = /^\/u\/([a-z0-9-]+)\/i\/([A-Za-z0-9_-]+)(\?print=1)?$/;
const FILE_RE = /^\/u\/([a-z0-9-]+)\/i\/([A-Za-z0-9_-]+)\/files\/([A-Za-z0-9_-]+)$/;
const STATIC_AS_IS = [
  /^\/$/, /^\/assets\/portal\.[0-9a-f]+\.css$/, /^\/sitemap(-\d+)?\.xml$/, /^\/u\/[a-z0-9-]+\/(xxgk\/)?$/,
  /^\/u\/[a-z0-9-]+\/c\/[a-z0-9_-]+\/((rss|atom)\.xml)?$/,
];

/** The static URL of a portal URL (site-relative), or an absolute URL of the dynamic portal. */
export function staticHref(url: string, links: StaticLinks): string {
  const hash = url.indexOf('#');
  const frag = hash === -1 ? '' : url.slice(hash);
  const u = hash === -1 ? url : url.slice(0, hash);
  if (!u) return url; // "#main"
  if (STATIC_AS_IS.some((re) => re.test(u))) return u + frag;
  let m = PAGE_RE.exec(u);
  if (m) return (m[3] === '1' ? `/u/${m[1]}/c/${m[2]}/` : `/u/${m[1]}/c/${m[2]}/page/${m[3]}/`) + frag;
  m = ITEM_RE.exec(u);
  // The print view is the page itself: the stylesheet's print rules give the same printed result.
  if (m) return `/u/${m[1]}/i/${m[2]}/` + frag;
  m = FILE_RE.exec(u);
  if (m) {
    const ext = links.fileExt(m[3] as string);
    if (ext) return `/u/${m[1]}/i/${m[2]}/files/${m[3]}.${ext}`;
  }
  if (/^\/u\/[a-z0-9-]+\/(guide|about)$/.test(u)) return `${u}/${frag}`;
  return links.dynamicBase + url;
}

/** The file (relative to the export root) that serves a static URL. */
export function fileOf(staticUrl: string): string {
  const p = staticUrl.replace(/^\//, '');
  return p === '' || p.endsWith('/') ? `${p}index.html` : p;
}

const ATTR_RE = /\s(href|src)="(\/[^"]*)"/g;
const TOOLS_RE = /<nav class="tools" aria-label="阅读辅助">[\s\S]*?<\/nav>/;

/**
 * Turns a rendered portal page into its static copy: every site-relative link and image rewritten, the reading
 * preference switch removed (it needs the server's cookie), and a CSP meta tag so that the copy forbids scripts
 * even where the file server sends no CSP header.
 */
export function staticPage(html: string, links: StaticLinks): string {
  return html
    .replace(TOOLS_RE, '')
    .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self' ${links.dynamicBase ? links.dynamicBase.replace(/"/g, '') : ''}">`)
    .replace(ATTR_RE, (_all, attr: string, url: string) => ` ${attr}="${staticHref(url.replace(/&amp;/g, '&'), links).replace(/&/g, '&amp;')}"`);
}
