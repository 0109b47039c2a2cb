/**
 * Reading preferences (适老化: large font and high contrast), chosen with plain links and kept in a
 * cookie so they work without JavaScript. GET /prefs sets the cookie and 303-redirects back.
 */

export type FontSize = 's' | 'm' | 'l';
export interface Prefs {
  fs: FontSize;
  hc: boolean;
}

export const PREFS_COOKIE = 'gk_prefs';
export const DEFAULT_PREFS: Prefs = { fs: 'm', hc: false };
export const FONT_SIZES: { value: FontSize; label: string }[] = [
  { value: 'l', label: '大' },
  { value: 'm', label: '中' },
  { value: 's', label: '小' },
];
const ONE_YEAR_S = 365 * 24 * 3600;

/** Cookie value: font size letter + contrast digit, e.g. "l1". Anything else means the defaults. */
export const prefsValue = (p: Prefs): string => `${p.fs}${p.hc ? '1' : '0'}`;

const COOKIE_RE = /(?:^|;)\s*gk_prefs=([sml])([01])\s*(?:;|$)/;
export function parsePrefs(cookieHeader: string | undefined): Prefs {
  if (!cookieHeader) return DEFAULT_PREFS;
  const m = COOKIE_RE.exec(cookieHeader);
  return m ? { fs: m[1] as FontSize, hc: m[2] === '1' } : DEFAULT_PREFS;
}

/** Classes on <html>: the stylesheet scales rem units from there, so the whole page follows. */
export const htmlClass = (p: Prefs): string => `fs-${p.fs}${p.hc ? ' hc' : ''}`;

/** Applies ?fs= and ?hc= on top of the current preferences; unknown values are ignored. */
export function updatePrefs(current: Prefs, query: Record<string, unknown>): Prefs {
  const fs = query.fs;
  const hc = query.hc;
  return {
    fs: fs === 's' || fs === 'm' || fs === 'l' ? fs : current.fs,
    hc: hc === '1' ? true : hc === '0' ? false : current.hc,
  };
}

export function prefsCookie(p: Prefs, secure: boolean): string {
  return `${PREFS_COOKIE}=${prefsValue(p)}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax; HttpOnly${secure ? '; Secure' : ''}`;
}

const BASE = 'http://gongkai.invalid';
/**
 * `back` must be a path on this site. Anything that could leave it (https://…, //host, /\host, control
 * characters that browsers strip) falls back to the home page: no open redirect.
 */
export function safeBack(back: unknown): string {
  if (typeof back !== 'string' || back.length > 512 || !back.startsWith('/')) return '/';
  if (/[\\\u0000-\u001f\u007f]/.test(back) || back.startsWith('//')) return '/';
  try {
    const u = new URL(back, BASE);
    if (u.origin !== BASE) return '/';
    return u.pathname + u.search;
  } catch {
    return '/';
  }
}

export function prefsHref(path: string, change: { fs: FontSize } | { hc: boolean }): string {
  const q = 'fs' in change ? `fs=${change.fs}` : `hc=${change.hc ? '1' : '0'}`;
  return `/prefs?${q}&back=${encodeURIComponent(path)}`;
}
