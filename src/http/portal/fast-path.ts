/**
 * Serves cache hits for portal pages straight from node:http, before Fastify's routing and hooks.
 *
 * Why: measured with wrk on the 2-core reference machine (bench/portal-throughput.mjs), Fastify's
 * reply path tops out near 13k req/s for the guide page while node:http writing a pre-built header array
 * reaches ~20k; the requirement is half of nginx serving the same bytes from disk (~37k).
 *
 * What this skips, deliberately: routing, hooks and request logging (installed only when the log level
 * does not log requests). It answers exactly what the Fastify route would for the same cached page —
 * same bytes, status, security headers (PORTAL_HEADERS are part of the cached headers; HSTS is added like
 * the onSend hook does) — and everything else (misses, other paths, other methods) goes to Fastify.
 * test/api/portal.test.ts compares both paths over a real socket.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { etagMatches, pickEncoding, type CachedPage, type Encoding, type PageCache } from './page-cache.js';
import { parsePrefs, prefsValue } from './prefs.js';

type Flat = string[];
interface FlatHeaders {
  body: Record<Encoding, Flat>;
  notModified: Flat;
}

const HSTS = ['strict-transport-security', 'max-age=31536000'];
const flatten = (h: Record<string, string>, hsts: boolean): Flat => [...Object.entries(h).flat(), ...(hsts ? HSTS : [])];

/** Array headers skip node's per-header object bookkeeping: ~20 % more requests per second in the trial. */
function flatHeaders(page: CachedPage, hsts: boolean): FlatHeaders {
  return {
    body: { identity: flatten(page.headers.identity, hsts), gzip: flatten(page.headers.gzip, hsts), br: flatten(page.headers.br, hsts) },
    notModified: flatten(page.notModified, hsts),
  };
}

export interface FastPathOptions {
  /** Whether responses over https carry HSTS (mirrors registerSecurityHeaders). */
  hsts: boolean;
  /** Mirrors Fastify's trustProxy: then X-Forwarded-Proto decides whether the request was https. */
  trustProxy: boolean;
  /** Called for every 200 answer (and its 304) with the request URL: the item view counter (view-counter.ts). */
  onHit?: ((url: string, req: IncomingMessage) => void) | undefined;
}

export function installFastPath(server: Server, cache: PageCache, opts: FastPathOptions): boolean {
  const listeners = server.listeners('request');
  // Fastify registers exactly one handler; anything else is a setup we do not understand: leave it alone.
  if (listeners.length !== 1) return false;
  const next = listeners[0] as (req: IncomingMessage, res: ServerResponse) => void;
  const plain = new WeakMap<CachedPage, FlatHeaders>();
  const secure = new WeakMap<CachedPage, FlatHeaders>();

  const isHttps = (req: IncomingMessage): boolean => {
    if ((req.socket as TLSSocket).encrypted) return true;
    if (!opts.trustProxy) return false;
    const proto = req.headers['x-forwarded-proto'];
    if (typeof proto !== 'string') return false;
    const last = proto.slice(proto.lastIndexOf(',') + 1).trim();
    return last === 'https';
  };

  const tryServe = (req: IncomingMessage, res: ServerResponse): boolean => {
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD') return false;
    const url = req.url;
    if (!url || url.charCodeAt(0) !== 47 /* "/" */) return false;
    if (url.length > 1 && url.charCodeAt(1) !== 117 /* "u" */) return false;
    // The whole URL is the key: pages with a query (?page=2, ?print=1) are cached under their canonical URL, and
    // any other spelling misses here and goes to its route, which knows which parameters matter.
    const page = cache.peek(`${url}|${prefsValue(parsePrefs(req.headers.cookie))}`);
    if (!page) return false;
    if (page.status === 200 && opts.onHit && method === 'GET') opts.onHit(url, req);
    const hsts = opts.hsts && isHttps(req);
    const store = hsts ? secure : plain;
    let flat = store.get(page);
    if (!flat) store.set(page, (flat = flatHeaders(page, hsts)));
    if (page.status === 200 && etagMatches(req.headers['if-none-match'], page.etag)) {
      res.writeHead(304, flat.notModified);
      res.end();
      return true;
    }
    const enc = pickEncoding(req.headers['accept-encoding']);
    res.writeHead(page.status, flat.body[enc]);
    if (method === 'HEAD') res.end();
    else res.end(page.bodies[enc]);
    return true;
  };

  server.removeListener('request', next);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!tryServe(req, res)) next.call(server, req, res);
  });
  return true;
}
