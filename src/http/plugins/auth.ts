/**
 * Session cookie authentication and CSRF protection for the JSON API.
 * - Cookie `gk_session`: HttpOnly, SameSite=Strict, Secure over https; the database keeps only its SHA-256.
 * - Every state-changing request (POST/PUT/PATCH/DELETE) with a session must carry the session's CSRF token
 *   in `X-CSRF-Token`, and a cross-site Origin is refused outright (this also covers the login form).
 * - An account that must change its password can do only that (and log out) until it has.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, type AuthContext } from '../../domain/accounts/authenticate.js';
import { DomainError } from '../../domain/errors.js';
import type { Deps } from '../../domain/ports.js';
import type { Config } from '../../config.js';

export const SESSION_COOKIE = 'gk_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    /** Why a presented session was not accepted (timed out, account disabled), to tell the user. */
    authProblem: string | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// The forced password-change page needs the session and the code lists (password policy) to render.
const PASSWORD_CHANGE_ALLOWED = new Set(['/api/v1/auth/password', '/api/v1/auth/logout', '/api/v1/auth/session', '/api/v1/meta']);

export function cookieSecure(config: Config, req: FastifyRequest): boolean {
  return config.cookieSecure === 'auto' ? req.protocol === 'https' : config.cookieSecure;
}

export function setSessionCookie(config: Config, req: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: cookieSecure(config, req) });
}

export function clearSessionCookie(config: Config, req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: cookieSecure(config, req) });
}

export function registerAuth(app: FastifyInstance, deps: Deps, config: Config): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('authProblem', null);
  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    if (UNSAFE.has(req.method)) checkOrigin(req, config);
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    try {
      req.auth = await authenticate(deps, token, req.ip);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'UNAUTHENTICATED') {
        req.authProblem = e.message; // treated as anonymous; routes that need a login say why
        return;
      }
      throw e;
    }
    if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== req.auth.session.csrfToken) {
      throw new DomainError('CSRF', '页面已过期或请求来源不可信，请刷新页面后重试');
    }
    const path = req.url.split('?')[0] as string;
    if (req.auth.account.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(path)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', '首次登录或密码被重置后，请先修改密码');
    }
  });
}

function checkOrigin(req: FastifyRequest, config: Config): void {
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') throw new DomainError('CSRF', '请求来源不可信');
  if (!origin || origin === 'null') return;
  const host = req.headers.host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new DomainError('CSRF', '请求来源不可信');
  }
  if (originHost !== host && origin !== config.publicUrl) throw new DomainError('CSRF', '请求来源不可信');
}

export function requireAuth(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new DomainError('UNAUTHENTICATED', req.authProblem ?? '请先登录');
  return req.auth;
}
