import type { SessionInfo } from '../api/types';

/** Which menu sections to offer: the server's policy module computes them (GET /api/v1/auth/session → can). */
export function capabilities(session: SessionInfo) {
  return {
    accounts: session.can.readAccounts,
    audit: session.can.readAudit,
    sysAdmin: session.can.sysAdmin,
    readRequests: session.can.readRequests,
    handleRequests: session.can.handleRequests,
    calendar: session.can.sysAdmin || session.can.manageUnits,
  };
}
