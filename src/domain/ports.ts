/**
 * The interfaces the domain needs from the outside world. Implementations live in src/storage and src/infra.
 * Use cases receive a Store and run their reads and writes through it; a write runs in one transaction,
 * and the audit entry for the change is appended inside that same transaction.
 */
import type { AccountStatus, Role, UnitLevel, UnitType } from './glossary.js';

export interface Clock {
  /** Current instant as an ISO-8601 UTC string. */
  now(): string;
}

export interface Leader {
  name: string;
  title: string;
  duties?: string | undefined;
}
export interface InternalBody {
  name: string;
  duties?: string | undefined;
  phone?: string | undefined;
}

export interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  code: string | null;
  slug: string;
  type: UnitType;
  level: UnitLevel;
  sortOrder: number;
  status: 'active' | 'inactive';
  officeName: string | null;
  address: string | null;
  officeHours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  postcode: string | null;
  functions: string | null;
  leaders: Leader[];
  internalBodies: InternalBody[];
  createdAt: string;
  updatedAt: string;
  deactivatedAt: string | null;
}

export interface Account {
  id: string;
  unitId: string;
  username: string;
  displayName: string;
  email: string | null;
  status: AccountStatus;
  passwordHash: string;
  mustChangePassword: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  totpSecretEnc: string | null;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RoleAssignment {
  id: string;
  accountId: string;
  unitId: string;
  role: Role;
  createdAt: string;
}

export interface Session {
  id: string;
  accountId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntryInput {
  actorId: string | null;
  actorName: string | null;
  unitId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  unitId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  ip: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditQuery {
  unitIds?: string[] | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

export interface GuideSections {
  [key: string]: string;
}

export interface Attachment {
  id: string;
  sha256: string;
  filename: string;
  mime: string;
  size: number;
  unitId: string | null;
  ownerType: string;
  ownerId: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface UnitRepository {
  get(id: string): Promise<Unit | undefined>;
  getBySlug(slug: string): Promise<Unit | undefined>;
  getByCode(code: string): Promise<Unit | undefined>;
  list(): Promise<Unit[]>;
  /** Only the tree's shape: cheap enough for a permission check on every request. */
  listTree(): Promise<{ id: string; parentId: string | null }[]>;
  insert(unit: Unit): Promise<void>;
  update(unit: Unit): Promise<void>;
  countRecords(id: string): Promise<number>;
  delete(id: string): Promise<void>;
}

export interface AccountRepository {
  get(id: string): Promise<Account | undefined>;
  getByUsername(username: string): Promise<Account | undefined>;
  listByUnits(unitIds: string[]): Promise<Account[]>;
  insert(a: Account): Promise<void>;
  update(a: Account): Promise<void>;
}

export interface RoleRepository {
  listForAccount(accountId: string): Promise<RoleAssignment[]>;
  listForAccounts(accountIds: string[]): Promise<RoleAssignment[]>;
  replaceForAccount(accountId: string, roles: RoleAssignment[]): Promise<void>;
}

export interface SessionRepository {
  get(id: string): Promise<Session | undefined>;
  insert(s: Session): Promise<void>;
  touch(id: string, lastSeenAt: string): Promise<void>;
  delete(id: string): Promise<void>;
  deleteForAccount(accountId: string): Promise<void>;
  deleteForAccountExcept(accountId: string, keepId: string): Promise<void>;
  /** Removes sessions past their absolute end or idle since before `idleCutoff`. */
  purgeExpired(now: string, idleCutoff: string): Promise<void>;
}

export interface AuditRepository {
  append(entry: AuditEntryInput, at: string): Promise<AuditEntry>;
  list(q: AuditQuery): Promise<AuditEntry[]>;
  /** Every row in sequence order, in pages, for verification and export. */
  scan(fromSeq: number, limit: number): Promise<AuditEntry[]>;
}

export interface GuideRepository {
  get(unitId: string): Promise<{ sections: GuideSections; updatedAt: string; updatedBy: string | null } | undefined>;
  put(unitId: string, sections: GuideSections, updatedAt: string, updatedBy: string | null): Promise<void>;
  delete(unitId: string): Promise<void>;
}

export interface AttachmentRepository {
  get(id: string): Promise<Attachment | undefined>;
  insert(a: Attachment): Promise<void>;
  listForOwner(ownerType: string, ownerId: string): Promise<Attachment[]>;
  delete(id: string): Promise<void>;
}

export interface ApplicationQueueQuery {
  unitIds: string[];
  statuses?: string[] | undefined;
  handlerId?: string | undefined;
  dueBefore?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  /** Keyset paging by (reply_due, id). */
  after?: { replyDue: string | null; id: string } | undefined;
  limit: number;
}

export interface ApplicationRepository {
  get(id: string): Promise<import('./requests/application.js').Application | undefined>;
  getByReceiptNo(receiptNo: string): Promise<import('./requests/application.js').Application | undefined>;
  insert(a: import('./requests/application.js').Application): Promise<void>;
  /** Writes the application only if its status is still `expectedStatus`; false when another change won. */
  updateIfStatus(a: import('./requests/application.js').Application, expectedStatus: string): Promise<boolean>;
  /** Unconditional update of derived fields (due dates) after a calendar change. */
  updateDerived(id: string, replyDue: string | null, provisional: boolean, calendarVersion: string): Promise<void>;
  appendEvent(e: import('./requests/application.js').ApplicationEvent): Promise<void>;
  events(applicationId: string): Promise<import('./requests/application.js').ApplicationEvent[]>;
  queue(q: ApplicationQueueQuery): Promise<import('./requests/application.js').Application[]>;
  findByApplicantKey(unitId: string, key: string): Promise<import('./requests/application.js').Application[]>;
  countForUnitYear(unitId: string, year: number): Promise<number>;
  openIds(limitAfterId: string | null, limit: number): Promise<{ id: string; unitId: string }[]>;
}

export interface CalendarOverride {
  id: string;
  unitId: string | null;
  date: string;
  /** off / work: a special day. year: marks the year of `date` as having a loaded official arrangement. */
  kind: 'off' | 'work' | 'year';
  name: string;
  createdAt: string;
  createdBy: string | null;
}

export interface CalendarOverrideRepository {
  list(): Promise<CalendarOverride[]>;
  insert(o: CalendarOverride): Promise<void>;
  delete(id: string): Promise<void>;
}

/** A message to an applicant, queued in the transaction of the change it reports (see notifications.ts). */
export interface OutboxMessage {
  id: string;
  applicationId: string | null;
  /** The recipient address, sealed with SecretBox: it is personal data. */
  toSealed: string;
  subject: string;
  bodyText: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  /** Never personal data: addresses are removed before it is stored. */
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

export interface OutboxRepository {
  insert(m: OutboxMessage): Promise<void>;
  /** Queued rows due at `now`, oldest first. */
  due(now: string, limit: number): Promise<OutboxMessage[]>;
  /**
   * Takes a due row for one attempt: counts the attempt and pushes next_attempt_at to `leaseUntil`, only if the
   * row is still as read (so two senders never both take it). A sender that dies leaves the row queued.
   */
  claim(id: string, seenNextAttemptAt: string | null, attempts: number, leaseUntil: string): Promise<boolean>;
  markSent(id: string, at: string): Promise<void>;
  /** After a failed attempt: queued again at `nextAttemptAt`, or failed for good when it is null. */
  markFailedAttempt(id: string, error: string, nextAttemptAt: string | null): Promise<void>;
  listForApplication(applicationId: string): Promise<OutboxMessage[]>;
}

/** Page views of published items per civil day (浏览次数), added in batches by the portal's in-memory counter. */
export interface ItemViewsRepository {
  /** Adds each count to the item's row for that day (created when missing). */
  add(batch: { itemId: string; day: string; count: number }[]): Promise<void>;
  /** All views of an item, or only those on days before `beforeDay` ('YYYY-MM-DD', exclusive). */
  total(itemId: string, beforeDay?: string): Promise<number>;
  totals(itemIds: string[], beforeDay?: string): Promise<Map<string, number>>;
}

/** Published and withdrawn items only; drafts are never returned. */
export interface PortalQueries {
  publicItems(ids: string[]): Promise<import('./publications/model.js').PublicationItem[]>;
  /** Attachments of each item, by item id, oldest first. */
  attachmentsOf(itemIds: string[]): Promise<Map<string, Attachment[]>>;
  /** Links from or to any of the items. */
  linksOf(itemIds: string[]): Promise<import('./publications/model.js').ItemLink[]>;
  itemHeads(ids: string[]): Promise<{ id: string; unitId: string; title: string; docNumber: string | null; status: import('./publications/model.js').ItemStatus; publishedOn: string | null }[]>;
  allColumns(): Promise<import('./publications/model.js').CatalogueColumn[]>;
  publishedCounts(): Promise<{ columnId: string; count: number; lastUpdatedAt: string | null }[]>;
  /** A column's published items newest first, list fields only (static export). */
  publishedOfColumn(columnId: string): Promise<{ id: string; title: string; docNumber: string | null; publishedOn: string; publishedAt: string; updatedAt: string }[]>;
  /** Items of any status changed at or after `since` (ISO), for incremental exports. */
  changedSince(since: string): Promise<{ id: string; unitId: string; columnId: string; status: import('./publications/model.js').ItemStatus; updatedAt: string }[]>;
  /** A unit's published items (id, updatedAt), for its sitemap. */
  publishedHeadsOfUnit(unitId: string): Promise<{ id: string; unitId: string; status: 'published'; updatedAt: string }[]>;
  /** Public items in id order, `limit` items of any status examined per call; `last` continues the scan (null: done). */
  scanPublicHeads(afterId: string | null, limit: number): Promise<{
    rows: { id: string; unitId: string; columnId: string; status: import('./publications/model.js').ItemStatus; updatedAt: string; publishedOn: string | null }[];
    last: string | null;
  }>;
}

export interface Repos {
  units: UnitRepository;
  accounts: AccountRepository;
  roles: RoleRepository;
  sessions: SessionRepository;
  audit: AuditRepository;
  guides: GuideRepository;
  attachments: AttachmentRepository;
  applications: ApplicationRepository;
  calendarOverrides: CalendarOverrideRepository;
  outbox: OutboxRepository;
  /** 主动公开 items, their events, links and 索引号 counters (src/domain/publications/model.ts). */
  publications: import('./publications/model.js').PublicationRepository;
  /** 主动公开 catalogue columns, workflow settings, code lists. */
  catalogue: import('./publications/model.js').CatalogueRepository;
  itemViews: ItemViewsRepository;
  /** The public search index (src/storage/search-repository.ts); publication upserts/removes in its transaction. */
  searchIndex: import('./search/search-document.js').SearchIndexRepository;
  /** Batch reads of public items for the portal, sitemap and static export (src/storage/portal-queries.ts). */
  portal: PortalQueries;
  annualReports: import('./annual-report/workflow-record.js').AnnualReportRepository;
  /** 历史年报导入: uploaded report files under review (src/domain/imports/review/model.ts). */
  reportImports: import('./imports/review/model.js').ReportImportRepository;
  /** Reconsideration and litigation register (annual-report table 四). */
  reviewCases: import('./reviews/review-case.js').ReviewCaseRepository;
  /** Annual-report figures kept in other systems (table 二 decisions, fees). */
  manualEntries: import('./annual-report/manual-entries.js').ManualEntryRepository;
  /** The grouped queries the annual report is computed from. */
  reportData: import('./annual-report/compute-sources.js').ReportDataRepository;
  /** Wording dictionary and personal-data settings of the checks before publication. */
  publicationChecks: import('./publications/checks/model.js').PublicationChecksRepository;
  /** Information published through other channels (Art. 23–25). */
  offlinePublications: import('./publications/offline/model.js').OfflinePublicationRepository;
}

export interface Store {
  /** Reads outside a transaction. */
  read<T>(fn: (r: Repos) => Promise<T>): Promise<T>;
  /**
   * One transaction: everything in fn commits together or not at all. `publicContent: false` says the write
   * cannot change anything the public portal shows (sessions, login counters), so cached pages stay valid.
   */
  write<T>(fn: (r: Repos) => Promise<T>, opts?: { publicContent?: boolean }): Promise<T>;
}

/** Content-addressed store for attachment bytes. An S3-compatible implementation can replace the file system one. */
export interface BlobStore {
  put(data: Buffer): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Buffer | undefined>;
  has(sha256: string): Promise<boolean>;
  list(): AsyncIterable<string>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
  /** Keyed hash (blind index): equal inputs give equal outputs, nothing about the input is revealed. */
  mac(value: string): string;
  /** Bytes sealed the same way (for files that are personal data, e.g. a copy of an ID card). */
  sealBytes(plain: Buffer): Buffer;
  openBytes(sealed: Buffer): Buffer;
}

export interface TotpService {
  newSecret(): string;
  /** The 30-second time step the token belongs to, or null when it is not valid at `at` (±1 step). */
  matchStep(secret: string, token: string, at: number): number | null;
  uri(secret: string, label: string): string;
}

export interface Deps {
  store: Store;
  /** The official holiday arrangements (src/infra/official-calendar.ts) and the statutory periods. */
  officialCalendar: import('./calendar/working-calendar.js').CalendarData;
  deadlineRules: import('./requests/deadline.js').DeadlineRules;
  clock: Clock;
  hasher: PasswordHasher;
  secrets: SecretBox;
  totp: TotpService;
  blobs: BlobStore;
  newId(): string;
  settings: SecuritySettings;
  /** The portal's public base URL (GONGKAI_PUBLIC_URL): links in messages to applicants. */
  publicUrl: string;
}

export interface SecuritySettings {
  maxFailedLogins: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  passwordMinLength: number;
}

/** Who is acting: a logged-in account, or the system (CLI, migrations). */
export interface Actor {
  accountId: string | null;
  name: string;
  unitId: string | null;
  roles: { unitId: string; role: Role }[];
  ip?: string | null;
  /** The CLI acts with full rights on the local installation. */
  system?: boolean;
}
