/**
 * 主动公开: the information item, its catalogue column, the review workflow's records and the repositories the
 * domain needs for them. Portal, search, admin and report helpers read these types; storage implements them.
 */
import type { Validity } from '../search/search-document.js';

export type { Validity };

/** Workflow status. The transition table is in workflow.ts. */
export type ItemStatus = 'draft' | 'inReview' | 'scheduled' | 'published' | 'withdrawn';

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '草稿',
  inReview: '审核中',
  scheduled: '待发布（定时）',
  published: '已发布',
  withdrawn: '已撤稿',
};

export const VALIDITY_LABELS: Record<Validity, string> = { inForce: '现行有效', amended: '已修改', repealed: '已废止' };

/** A pending request on a published item (撤稿 / 更正) awaiting the final-stage approval. */
export interface PendingChange {
  kind: 'withdraw' | 'correct';
  reason: string;
  requestedBy: string | null;
  requestedByName: string;
  requestedAt: string;
  /** For a correction: the fields to change (title, summary, bodyHtml, metadata). */
  changes?: Partial<ItemContent> | undefined;
}

/** What the drafter edits. */
export interface ItemContent {
  columnId: string;
  title: string;
  summary: string;
  /** Sanitised HTML (sanitize.ts) — never stored unsanitised. */
  bodyHtml: string;
  /** 发布机构 */
  publisher: string;
  /** 文号, e.g. 安发改〔2024〕12号 */
  docNumber: string | null;
  /** 成文日期/生成日期: the day the information was formed or changed (Art. 26 counts from it). */
  createdOn: string;
  /** 主题分类 code, "一级\二级" */
  subject: string | null;
  /** 体裁分类 code */
  genre: string | null;
  keywords: string[];
  /** 公开方式 */
  disclosureMethod: string;
  /** 公开时限 */
  disclosurePeriod: string;
  /** 公开范围 */
  disclosureScope: string;
  /** 有效性, for rules and normative documents only. */
  validity: Validity | null;
  /** The day the document took effect (施行日期). */
  effectiveOn: string | null;
  /** The day it was amended or repealed. */
  validityChangedOn: string | null;
}

export interface PublicationItem extends ItemContent {
  id: string;
  unitId: string;
  status: ItemStatus;
  /** 1-based stage while inReview; null otherwise. */
  stage: number | null;
  /** 索引号: assigned once at publication, never changed or reused. */
  indexNumber: string | null;
  /** 发布日期: the instant of publication (ISO UTC), set by the system and immutable. */
  publishedAt: string | null;
  /** 发布日期 as a civil date in Beijing. */
  publishedOn: string | null;
  /** Scheduled publication instant (ISO UTC) chosen at the final approval. */
  publishAt: string | null;
  /** Art. 26: working days from createdOn to publishedOn, and the column's limit then. */
  workingDays: number | null;
  timeLimitDays: number | null;
  correctedAt: string | null;
  correctionNote: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  pending: PendingChange | null;
  createdBy: string | null;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
}

export type LinkKind = 'interprets' | 'amends' | 'repeals' | 'previousVersion';
export const LINK_LABELS: Record<LinkKind, { forward: string; backward: string }> = {
  interprets: { forward: '解读的政策', backward: '政策解读' },
  amends: { forward: '修改的文件', backward: '被以下文件修改' },
  repeals: { forward: '废止的文件', backward: '被以下文件废止' },
  previousVersion: { forward: '上一版本', backward: '新版本' },
};

/** item `fromId` <kind> item `toId`: an interpretation interprets a policy; a new rule amends/repeals an old one. */
export interface ItemLink {
  id: string;
  fromId: string;
  toId: string;
  kind: LinkKind;
  createdAt: string;
}

export type EventAction =
  | 'create' | 'update' | 'submit' | 'approve' | 'return' | 'schedule' | 'publish' | 'unschedule'
  | 'requestWithdraw' | 'approveWithdraw' | 'rejectWithdraw' | 'requestCorrection' | 'approveCorrection' | 'rejectCorrection'
  | 'delete';

/** One step of the workflow; with the stage and decision it is a row of the review ledger (审核发布台账). */
export interface PublicationEvent {
  id: string;
  itemId: string;
  unitId: string;
  seq: number;
  action: EventAction;
  fromStatus: ItemStatus | null;
  toStatus: ItemStatus;
  stage: number | null;
  stageName: string | null;
  at: string;
  actorId: string | null;
  actorName: string | null;
  comment: string | null;
  /** Art. 17: the reviewer confirmed the confidentiality review at this step. */
  confidentialityConfirmed: boolean;
  data: Record<string, unknown> | null;
}

export interface ReviewStage {
  name: string;
  /** Roles that may act at this stage, within their policy scope (e.g. officeAdmin of the government above). */
  roles: ('reviewer' | 'officeAdmin')[];
  /** Art. 17: this stage must confirm the confidentiality review. */
  confidentialityReview: boolean;
}

export interface PublicationSettings {
  unitId: string;
  stages: ReviewStage[];
  /** No person approves two stages of one item. */
  fourEyes: boolean;
  /** 索引号 prefix: the 18-char 统一社会信用代码 or the 9-char 组织机构代码 derived from it. */
  indexPrefixSource: 'creditCode' | 'orgCode';
  indexSerialWidth: number;
  updatedAt: string;
}

export interface CatalogueColumn {
  id: string;
  unitId: string;
  parentId: string | null;
  /** Stable ASCII code, unique per unit (portal URLs /u/<slug>/c/<code>/). */
  code: string;
  name: string;
  description: string | null;
  sortOrder: number;
  /** Art. 26: publish within this many working days of 生成日期 (default 20). */
  timeLimitDays: number;
  /** Monitoring (国办秘函〔2019〕19号): the column is stale when nothing was published for this many days. */
  freshnessDays: number | null;
  /** Template key when seeded from (or shared as) a level template column. */
  templateKey: string | null;
  /** Can items be published into it (false for pure grouping columns). */
  acceptsItems: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CodeEntry {
  id: string;
  list: 'subject' | 'genre';
  /** Full code as stored on items, e.g. 综合政务\政务公开 or 通知. */
  code: string;
  name: string;
  parentCode: string | null;
  sortOrder: number;
  active: boolean;
}

export interface AttachmentText {
  attachmentId: string;
  itemId: string;
  text: string;
}

/** Summary row for lists (no body). */
export type ItemSummary = Omit<PublicationItem, 'bodyHtml' | 'pending'> & { hasPending: boolean };

export interface ItemListQuery {
  unitIds?: string[] | undefined;
  columnId?: string | undefined;
  statuses?: ItemStatus[] | undefined;
  /** Items at these (unitId, stage) pairs — the inbox of a reviewer. */
  stages?: { unitId: string; stage: number }[] | undefined;
  createdBy?: string | undefined;
  hasPending?: boolean | undefined;
  q?: string | undefined;
  /** A civil-date range (inclusive) on 生成日期 or 发布日期; items without that date (drafts: no 发布日期) drop out. */
  dateField?: 'createdOn' | 'publishedOn' | undefined;
  fromOn?: string | undefined;
  toOn?: string | undefined;
  offset: number;
  limit: number;
}

/** Items (with body) for running the content checks in bulk, in pages by id. */
export interface CheckScanQuery {
  unitIds: string[];
  statuses: ItemStatus[];
  /** Range on 发布日期 (published items) or on 生成日期 (drafts and items in review). */
  dateField: 'createdOn' | 'publishedOn';
  fromOn?: string | undefined;
  toOn?: string | undefined;
  afterId: string | null;
  limit: number;
}

export interface PublishedPageQuery {
  columnId?: string | undefined;
  unitId?: string | undefined;
  offset: number;
  limit: number;
}

export interface LedgerQuery {
  unitIds: string[];
  itemId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
}

export interface PublicationRepository {
  get(id: string): Promise<PublicationItem | undefined>;
  insert(item: PublicationItem): Promise<void>;
  /** Writes the item only if its status (and stage) are still as read; false when another change won. */
  updateIf(item: PublicationItem, expected: { status: ItemStatus; stage: number | null }): Promise<boolean>;
  delete(id: string): Promise<void>;
  list(q: ItemListQuery): Promise<{ total: number; items: ItemSummary[] }>;
  appendEvent(e: PublicationEvent): Promise<void>;
  events(itemId: string): Promise<PublicationEvent[]>;
  ledger(q: LedgerQuery): Promise<{ total: number; rows: (PublicationEvent & { title: string; indexNumber: string | null })[] }>;
  /** Next 索引号 serial of a unit and year: a counter row updated in the caller's transaction. */
  nextSerial(unitId: string, year: number): Promise<number>;
  addLink(l: ItemLink): Promise<void>;
  removeLinks(fromId: string, kind?: LinkKind): Promise<void>;
  /** Links from and to the item. */
  links(itemId: string): Promise<ItemLink[]>;
  putAttachmentText(t: AttachmentText): Promise<void>;
  attachmentTexts(itemId: string): Promise<AttachmentText[]>;
  deleteAttachmentText(attachmentId: string): Promise<void>;
  /** Scheduled items whose time has come. */
  dueScheduled(now: string, limit: number): Promise<{ id: string; unitId: string }[]>;

  // Reads for the portal (published = status published; withdrawn items keep their URL).
  /** Published items of a column (or of a unit), newest first, with the total. */
  listPublished(q: PublishedPageQuery): Promise<{ total: number; items: ItemSummary[] }>;
  /** Published and withdrawn items in pages by id (sitemap, static export), with updatedAt. */
  scanPublic(afterId: string | null, limit: number): Promise<{ id: string; unitId: string; columnId: string; status: ItemStatus; updatedAt: string; publishedAt: string | null }[]>;
  /** Published items counted per column of a unit (annual report, monitoring). */
  countPublishedByColumn(unitId: string, fromOn?: string, toOn?: string): Promise<{ columnId: string; count: number; lastPublishedAt: string | null }[]>;
  /** Published counts per unit and month 'YYYY-MM' (admin charts, annual report channel 'website'). */
  countPublishedByMonth(unitIds: string[], fromOn: string, toOn: string): Promise<{ unitId: string; month: string; count: number; late: number }[]>;
  /** How many items a bulk check would read (the same filter as scanForChecks). */
  countForChecks(q: Omit<CheckScanQuery, 'afterId' | 'limit'>): Promise<number>;
  /** Full items (with body) in pages by id, for the wording-check report. */
  scanForChecks(q: CheckScanQuery): Promise<PublicationItem[]>;
  /** Extracted attachment texts of many items at once, with the file names (wording-check report). */
  attachmentTextsOf(itemIds: string[]): Promise<(AttachmentText & { filename: string })[]>;
  /** Items using each code of the code lists (all statuses): a code in use is never deleted or renamed. */
  codeUsage(): Promise<{ list: 'subject' | 'genre'; code: string; count: number }[]>;
  /** Items published later than their column's limit (Art. 26). */
  listLate(unitIds: string[], fromOn: string, toOn: string, offset: number, limit: number): Promise<{ total: number; items: ItemSummary[] }>;
}

export interface CatalogueRepository {
  columns(unitId: string): Promise<CatalogueColumn[]>;
  column(id: string): Promise<CatalogueColumn | undefined>;
  columnByCode(unitId: string, code: string): Promise<CatalogueColumn | undefined>;
  /** Columns of all units with this template key (a shared column). */
  columnsByTemplate(templateKey: string): Promise<CatalogueColumn[]>;
  insertColumn(c: CatalogueColumn): Promise<void>;
  updateColumn(c: CatalogueColumn): Promise<void>;
  deleteColumn(id: string): Promise<void>;
  countItems(columnId: string): Promise<number>;
  /** Removes a unit's (empty) catalogue and settings, when a unit created by mistake is deleted. */
  deleteForUnit(unitId: string): Promise<void>;
  settings(unitId: string): Promise<PublicationSettings | undefined>;
  putSettings(s: PublicationSettings): Promise<void>;
  codes(list?: 'subject' | 'genre'): Promise<CodeEntry[]>;
  code(id: string): Promise<CodeEntry | undefined>;
  insertCode(c: CodeEntry): Promise<void>;
  updateCode(c: CodeEntry): Promise<void>;
  deleteCode(id: string): Promise<void>;
}
