import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response, precomputed once (no per-request work on the hot portal path).
 * Portal pages run no script at all; the admin app loads only its own bundle. Ant Design injects <style>
 * elements at run time, hence 'unsafe-inline' for styles only in the admin CSP.
 */
const BASE: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
export const PORTAL_CSP = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
export const ADMIN_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const PORTAL_HEADERS = Object.entries({ ...BASE, 'content-security-policy': PORTAL_CSP });

export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }): void {
  const admin = Object.entries({ ...BASE, 'content-security-policy': ADMIN_CSP });
  const api = Object.entries({ ...BASE, 'content-security-policy': API_CSP, 'cache-control': 'no-store' });
  const hsts = opts.hsts ? 'max-age=31536000' : null;
  app.addHook('onSend', async (req, reply, payload) => {
    const url = req.url;
    // The OpenAPI browser sets its own CSP with hashes for its inline bootstrap.
    if (url.startsWith('/api/docs')) {
      for (const [k, v] of Object.entries(BASE)) reply.header(k, v);
      return payload;
    }
    const set = url.startsWith('/api/') ? api : url.startsWith('/admin') ? admin : PORTAL_HEADERS;
    for (const [k, v] of set) if (!reply.hasHeader(k)) reply.header(k, v);
    if (hsts && req.protocol === 'https') reply.header('strict-transport-security', hsts);
    return payload;
  });
}
