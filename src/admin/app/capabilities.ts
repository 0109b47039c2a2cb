import type { Role, SessionInfo } from '../api/types';

/**
 * Which menu sections to offer. The server decides every request (src/domain/policy/policy.ts, ROLE_GRANTS);
 * this mirrors only which roles may read accounts and the audit log, so nobody is shown an empty page.
 */
const READS_ACCOUNTS_AND_AUDIT: ReadonlySet<Role> = new Set<Role>(['sysAdmin', 'officeAdmin', 'supervisor']);

export function capabilities(session: SessionInfo) {
  const roles = session.roles.map((r) => r.role);
  const oversight = roles.some((r) => READS_ACCOUNTS_AND_AUDIT.has(r));
  return {
    accounts: oversight,
    audit: oversight,
    sysAdmin: roles.includes('sysAdmin'),
  };
}
