import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session';

/**
 * Pages behind a login; an account that must change its password can only do that. After a timeout or from
 * a bookmarked link the login page leads back to the page asked for; after a deliberate logout, to the home page.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session, loggedOut } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={loggedOut ? {} : { from: location.pathname + location.search }} />;
  if (session.mustChangePassword) return <Navigate to="/change-password" replace />;
  return children;
}
