/**
 * Who is logged in, the code tables from /meta, and what happens when the session ends.
 * The server ends an idle session (idleMinutes); the app notices on the next call or by its own idle check
 * and goes back to the login page with "登录已超时". Typing in a long form counts as activity and keeps
 * the session alive, so a long guide edit is not lost at the save.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, setApiListeners, setCsrfToken } from '../api/client';
import type { Meta, SessionInfo } from '../api/types';

export const SESSION_EXPIRED_NOTICE = '登录已超时，请重新登录';

interface SessionContextValue {
  session: SessionInfo | null;
  meta: Meta;
  /** Why the user was sent to the login page ("登录已超时"), until the next login. */
  notice: string | null;
  /** The user logged out on purpose (the next login starts from the home page). */
  loggedOut: boolean;
  /** Re-reads /auth/session (after login, a password change, TOTP changes). Returns null when logged out. */
  refresh(): Promise<SessionInfo | null>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The logged-in session; only for pages under RequireSession. */
export function useCurrentSession(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('no session');
  return session;
}

async function readSession(): Promise<SessionInfo | null> {
  try {
    const s = await api.get<SessionInfo>('/auth/session');
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function SessionProvider({ meta, initial, children }: { meta: Meta; initial: SessionInfo | null; children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null>(initial);
  const [notice, setNotice] = useState<string | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);
  const navigate = useNavigate();
  const lastApiCall = useRef(Date.now());
  const sessionRef = useRef(session);
  sessionRef.current = session;

  // Leaving the page is the route guards' job (RequireSession, the password page): they see session === null.
  const sessionLost = useCallback(() => {
    setCsrfToken(null);
    if (sessionRef.current !== null) setNotice(SESSION_EXPIRED_NOTICE);
    sessionRef.current = null;
    setSession(null);
  }, []);

  const refresh = useCallback(async () => {
    const s = await readSession();
    if (s) {
      setNotice(null);
      setLoggedOut(false);
    }
    setSession(s);
    return s;
  }, []);

  useEffect(() => {
    setApiListeners({
      sessionLost,
      // The fresh session says mustChangePassword, and RequireSession sends the user to the password page.
      passwordChangeRequired: () => void refresh().catch(() => undefined),
      activity: () => {
        lastApiCall.current = Date.now();
      },
    });
  }, [refresh, sessionLost]);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      setCsrfToken(null);
      setNotice(null);
      setLoggedOut(true);
      setSession(null);
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  // Idle check and keep-alive while the user works in the page without calling the API.
  const idleMinutes = session?.idleMinutes;
  useEffect(() => {
    if (!idleMinutes) return;
    const idleMs = idleMinutes * 60_000;
    let lastInput = Date.now();
    let pinging = false;
    const ping = async () => {
      if (pinging) return;
      pinging = true;
      try {
        if ((await readSession()) === null) sessionLost();
        else lastApiCall.current = Date.now();
      } catch {
        // Network trouble: try again at the next input or tick.
      } finally {
        pinging = false;
      }
    };
    const onInput = () => {
      lastInput = Date.now();
      if (Date.now() - lastApiCall.current > Math.min(2 * 60_000, idleMs / 2)) void ping();
    };
    const timer = setInterval(() => {
      // Past the server's idle limit with no input: ask the server, which will say the session is gone.
      if (Date.now() - Math.max(lastInput, lastApiCall.current) > idleMs + 30_000) void ping();
    }, 30_000);
    window.addEventListener('keydown', onInput);
    window.addEventListener('pointerdown', onInput);
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', onInput);
      window.removeEventListener('pointerdown', onInput);
    };
  }, [idleMinutes, sessionLost]);

  const value = useMemo(() => ({ session, meta, notice, loggedOut, refresh, logout }), [session, meta, notice, loggedOut, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export async function loadBoot(): Promise<{ meta: Meta; session: SessionInfo | null }> {
  const [meta, session] = await Promise.all([api.getPublic<Meta>('/meta'), readSession()]);
  return { meta, session };
}
