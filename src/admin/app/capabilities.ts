import type { SessionInfo } from '../api/types';

/** Which menu sections to offer: the server's policy module computes them (GET /api/v1/auth/session → can). */
export function capabilities(session: SessionInfo) {
  return {
    accounts: session.can.readAccounts,
    audit: session.can.readAudit,
    sysAdmin: session.can.sysAdmin,
    readRequests: session.can.readRequests,
    handleRequests: session.can.handleRequests,
    /** Every role except 案件经办人 reads publications (ROLE_GRANTS in src/domain/policy/policy.ts). */
    publications: session.roles.some((r) => r.role !== 'caseHandler'),
    /** 主动公开 (ROLE_GRANTS): 信息员 drafts, 审核员 and 公开办管理员 review, 公开办管理员 manages the catalogue. */
    draftPublications: session.roles.some((r) => r.role === 'infoOfficer'),
    reviewPublications: session.roles.some((r) => r.role === 'reviewer' || r.role === 'officeAdmin'),
    managePublications: session.roles.some((r) => r.role === 'officeAdmin'),
    readReports: session.can.readReports,
    calendar: session.can.sysAdmin || session.can.manageUnits,
  };
}
