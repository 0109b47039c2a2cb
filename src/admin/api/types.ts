/** Shapes of the JSON API (/api/v1) as the admin app uses them; see src/http/api/*.routes.ts. */
// Types the API shares with the domain (src/domain): type-only imports, one definition, nothing of the server is bundled.
import type { Role, UnitLevel, UnitType } from '../../domain/glossary';
import type { InternalBody, Leader, Unit } from '../../domain/ports';

export type { Role, UnitLevel, UnitType };

export interface Meta {
  /** Labels of the audit log's object types. */
  entityTypes: Record<string, string>;
  siteName: string;
  roles: Record<Role, string>;
  unitTypes: Record<UnitType, string>;
  unitLevels: Record<UnitLevel, string>;
  accountStatus: Record<'active' | 'disabled', string>;
  auditActions: Record<string, string>;
  guideSections: { key: string; title: string }[];
  passwordMinLength: number;
}

export interface AccountSnapshot {
  id: string;
  unitId: string;
  username: string;
  displayName: string;
  email: string | null;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  totpEnabled: boolean;
  locked: boolean;
  roles?: RoleAssignment[];
}

export interface RoleAssignment {
  unitId: string;
  role: Role;
}

export interface SessionInfo {
  account: AccountSnapshot & { unitName: string };
  roles: (RoleAssignment & { roleLabel: string; unitName: string })[];
  csrfToken: string;
  mustChangePassword: boolean;
  idleMinutes: number;
  /** What the user may do somewhere in their scope (computed by the server's policy module). */
  can: {
    manageUnits: boolean;
    readAccounts: boolean;
    manageAccounts: boolean;
    readAudit: boolean;
    exportAudit: boolean;
    editGuide: boolean;
    readRequests: boolean;
    handleRequests: boolean;
    readReports: boolean;
    sysAdmin: boolean;
  };
}

export interface LoginResponse {
  account: AccountSnapshot;
  csrfToken: string;
  mustChangePassword: boolean;
}

export type { InternalBody, Leader, Unit };

export interface UnitPermissions {
  update: boolean;
  createChild: boolean;
  move: boolean;
  deactivate: boolean;
  editGuide: boolean;
  manageAccounts: boolean;
}

export type UnitWithPermissions = Unit & { can: UnitPermissions };

/** The editable fields of a unit, as sent to POST /units and PATCH /units/:id. */
export type UnitInput = Omit<Unit, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'deactivatedAt'>;

export interface ImportProblem {
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  dryRun: boolean;
  created: { row: number; id: string; name: string; parentName: string | null }[];
  problems: ImportProblem[];
  ignoredColumns?: string[];
}

export interface AccountRow extends AccountSnapshot {
  roles: RoleAssignment[];
  lastLoginAt: string | null;
  createdAt: string;
  canManage: boolean;
}

export interface GuideSection {
  key: string;
  title: string;
  text: string;
  edited: boolean;
}

export interface Guide {
  unitId: string;
  sections: GuideSection[];
  updatedAt: string | null;
}

export interface AuditItem {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  unitId: string | null;
  unitName: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  hash: string;
}

export interface AuditPage {
  items: AuditItem[];
  nextBeforeSeq: number | null;
}

export interface TotpSetup {
  uri: string;
  secret: string;
  qrSvg: string;
}
