/**
 * Rendered portal pages, kept in memory as ready-to-send bytes (identity, gzip, brotli) with their headers,
 * keyed by path and preference variant. Every committed write clears the whole cache (HttpContext.onWrite):
 * the pages are few and cheap to rebuild, and whole-cache invalidation cannot miss a dependency (a unit's
 * rename shows on its parent's and children's pages too).
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { PORTAL_HEADERS } from '../plugins/security-headers.js';

export interface Rendered {
  status: number;
  html: string;
  /** Content-Type when not an HTML page (feeds, sitemap). */
  type?: string | undefined;
}

export type Encoding = 'identity' | 'gzip' | 'br';
type Headers = Record<string, string>;

export interface CachedPage {
  status: number;
  etag: string;
  bodies: Record<Encoding, Buffer>;
  headers: Record<Encoding, Headers>;
  /** Headers for a 304 answer (no content headers). */
  notModified: Headers;
}

const MAX_ENTRIES = 5000;
/** Headers every portal page carries, built once: security headers first so the onSend hook skips them. */
const COMMON: Headers = {
  ...Object.fromEntries(PORTAL_HEADERS),
  // Public pages may be stored but must be revalidated, so an edit shows at once (ETag makes that cheap).
  'cache-control': 'no-cache',
  vary: 'Cookie, Accept-Encoding',
};

export function buildPage(r: Rendered): CachedPage {
  const identity = Buffer.from(r.html, 'utf8');
  const etag = `W/"${createHash('sha1').update(identity).digest('base64url').slice(0, 20)}"`;
  const bodies: Record<Encoding, Buffer> = {
    identity,
    gzip: gzipSync(identity, { level: 6 }),
    // Quality 5: most of brotli's gain on Chinese text at a fraction of quality 11's cost per cache fill.
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
  };
  const base = { ...COMMON, etag, 'content-type': r.type ?? 'text/html; charset=utf-8' };
  return {
    status: r.status,
    etag,
    bodies,
    headers: {
      identity: { ...base, 'content-length': String(identity.length) },
      gzip: { ...base, 'content-encoding': 'gzip', 'content-length': String(bodies.gzip.length) },
      br: { ...base, 'content-encoding': 'br', 'content-length': String(bodies.br.length) },
    },
    notModified: { ...COMMON, etag },
  };
}

/** Picks br, then gzip, from Accept-Encoding; an explicit q=0 refuses a coding. */
export function pickEncoding(accept: string | undefined): Encoding {
  if (!accept) return 'identity';
  const ok = (name: string) => {
    const m = new RegExp(`(?:^|,)\\s*${name}\\s*(?:;\\s*q\\s*=\\s*([0-9.]+))?\\s*(?:,|$)`, 'i').exec(accept);
    return !!m && (m[1] === undefined || Number(m[1]) > 0);
  };
  if (accept.includes('br') && ok('br')) return 'br';
  if (accept.includes('gzip') && ok('gzip')) return 'gzip';
  return 'identity';
}

/** Weak comparison (RFC 9110 §13.1.2): any listed tag equal to ours, or "*". */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const ours = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === ours);
}

export class PageCache {
  private pages = new Map<string, CachedPage>();
  private pending = new Map<string, Promise<CachedPage>>();
  /** Bumped on every write: a render that started before the write must not be stored after it. */
  private generation = 0;

  invalidate(): void {
    this.generation++;
    this.pages.clear();
    this.pending.clear();
  }

  get size(): number {
    return this.pages.size;
  }

  peek(key: string): CachedPage | undefined {
    return this.pages.get(key);
  }

  /**
   * The cached page, or one rendering shared by concurrent requests for the same key. Only `cacheable`
   * results are kept (not 404s for made-up slugs, which would let anyone fill memory).
   */
  get(key: string, render: () => Promise<Rendered>, cacheable: (status: number) => boolean): Promise<CachedPage> {
    const hit = this.pages.get(key);
    if (hit) return Promise.resolve(hit);
    const inflight = this.pending.get(key);
    if (inflight) return inflight;
    const generation = this.generation;
    const p = render().then((r) => {
      const page = buildPage(r);
      if (generation === this.generation && cacheable(page.status)) {
        if (this.pages.size >= MAX_ENTRIES) this.pages.clear();
        this.pages.set(key, page);
      }
      return page;
    });
    this.pending.set(key, p);
    const forget = () => {
      if (this.pending.get(key) === p) this.pending.delete(key);
    };
    p.then(forget, forget);
    return p;
  }
}
