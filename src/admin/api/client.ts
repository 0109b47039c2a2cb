/**
 * The one way the admin app talks to the server: same-origin fetch with the session cookie, the CSRF token
 * on every state-changing request, and the error body {error:{code,message,fields,details}} turned into ApiError.
 */

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details: Record<string, unknown> | undefined = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const API_BASE = '/api/v1';

type Listener = (error: ApiError) => void;

let csrfToken: string | null = null;
let onSessionLost: Listener | null = null;
let onPasswordChangeRequired: Listener | null = null;
let onActivity: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Hooks set once by the session provider: a lost session sends the user back to the login page. */
export function setApiListeners(l: { sessionLost: Listener; passwordChangeRequired: Listener; activity: () => void }): void {
  onSessionLost = l.sessionLost;
  onPasswordChangeRequired = l.passwordChangeRequired;
  onActivity = l.activity;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Login answers 401 for a wrong password or a missing TOTP code: that is not a lost session.
const NO_SESSION_HOOK = new Set(['/auth/login', '/auth/session']);

export async function request<T>(method: string, path: string, body?: unknown, opts: { anonymous?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (UNSAFE.has(method) && method !== 'DELETE') {
    headers['content-type'] = 'application/json';
    payload = '{}';
  }
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(API_BASE + path, { method, headers, body: payload, credentials: opts.anonymous ? 'omit' : 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  onActivity?.();
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (res.ok) return data as T;

  const e = (data as { error?: { code?: string; message?: string; fields?: FieldError[]; details?: Record<string, unknown> } } | null)?.error;
  const error = new ApiError(
    res.status,
    e?.code ?? `HTTP_${res.status}`,
    e?.message ?? (res.status >= 500 ? '服务器内部错误，请稍后重试' : `请求失败（${res.status}）`),
    e?.fields ?? [],
    e?.details,
  );
  const route = path.split('?')[0] ?? path;
  if (error.code === 'UNAUTHENTICATED' && !NO_SESSION_HOOK.has(route)) onSessionLost?.(error);
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired?.(error);
  throw error;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
  /**
   * Public data (the code tables of /meta) fetched without the session cookie: the server refuses every
   * call but the password change to an account that must change its password, and this page still needs them.
   */
  getPublic: <T>(path: string) => request<T>('GET', path, undefined, { anonymous: true }),
};

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : '操作失败，请重试');

/** Errors the app already handles by leaving the page (session ended, password change first): no toast for them. */
export const isHandledByRedirect = (e: unknown): boolean =>
  e instanceof ApiError && (e.code === 'UNAUTHENTICATED' || e.code === 'PASSWORD_CHANGE_REQUIRED');
