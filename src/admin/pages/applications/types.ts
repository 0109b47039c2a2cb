/** Shapes of the 依申请公开 API (src/http/api/applications.routes.ts, notices.routes.ts, calendar.routes.ts). */
import type { Action, Status } from './workflow';
import type { ApplicantType, Channel, NoticeKind, Outcome, Urgency } from './codes';

export interface QueueItem {
  id: string;
  unitId: string;
  receiptNo: string;
  status: Status;
  statusLabel: string;
  outcome: Outcome | null;
  outcomeLabel: string | null;
  applicantType: ApplicantType;
  applicantTypeLabel: string;
  /** Masked: 欧*** for a person, the name of an organisation. */
  applicant: string;
  description: string;
  channel: Channel;
  channelLabel: string;
  receivedOn: string | null;
  replyDue: string | null;
  replyDueProvisional: boolean;
  urgency: Urgency;
  handlerId: string | null;
  duplicateOf: string | null;
}

export interface QueuePage {
  items: QueueItem[];
  next: { replyDue: string | null; id: string } | null;
}

export interface ClockStep {
  code: string;
  date?: string;
  text: string;
}

export interface Clock {
  receivedOn: string;
  periodStart: string;
  correctionNoticeDue: string;
  replyDue: string | null;
  replyDueBeforeExtension: string | null;
  consultationDue: { kind: string; from: string; due: string }[];
  feePaymentDue: string | null;
  suspended: { kind: string; since: string } | null;
  provisional: boolean;
  provisionalYears: number[];
  calendarVersion: string;
  steps: ClockStep[];
}

export interface ApplicationEvent {
  id: string;
  seq: number;
  action: Action | 'register' | 'note' | 'assign' | 'recomputeDeadline' | string;
  actionLabel: string;
  fromStatus: Status | null;
  toStatus: Status;
  toStatusLabel: string;
  effectiveOn: string | null;
  at: string;
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown> | null;
}

export interface ReplyRecord {
  outcome: Outcome;
  withheld?: { what: string; ground: Outcome }[];
  competentAgency?: string;
  publishedAt?: string;
  remarks?: string;
}

export interface ApplicationDetail extends QueueItem {
  documentNo: string | null;
  provisionForm: string;
  deliveryMethod: string;
  receiptEvidence: string | null;
  correctionRequestedOn: string | null;
  correctionReceivedOn: string | null;
  repliedOn: string | null;
  servedOn: string | null;
  serviceMethod: string | null;
  reply: ReplyRecord | null;
  transferredTo: string | null;
  transferredFrom: string | null;
  clock: Clock | null;
  events: ApplicationEvent[];
  canHandle: boolean;
  canApproveExtension: boolean;
}

export interface PersonalData {
  name: string;
  idType?: string;
  idNumber?: string;
  orgCode?: string;
  contactPerson?: string;
  phone: string;
  email?: string;
  address?: string;
  postcode?: string;
}

export interface RegisterResponse {
  application: QueueItem;
  queryCode: string;
  possibleDuplicates: { id: string; receiptNo: string; status: Status }[];
}

export interface NoticeFile {
  id: string;
  filename: string;
  mime: string;
  size: number;
  createdAt: string;
  url: string;
}

export interface GeneratedNotice {
  notice: { kind: NoticeKind; shortName: string; title: string; docNo: string; issuedOn: string };
  items: NoticeFile[];
}

export interface Stats {
  year: number;
  received: number;
  byChannel: Record<string, number>;
  byApplicantType: Record<string, number>;
  open: number;
  overdue: number;
  replied: number;
  onTimeRate: number | null;
  averageWorkingDaysToReply: number | null;
  overdueList: { id: string; receiptNo: string; replyDue: string }[];
}

export interface CalendarOverride {
  id: string;
  unitId: string | null;
  date: string;
  kind: 'off' | 'work' | 'year';
  name: string;
  createdAt: string;
}

export interface CalendarInfo {
  official: { version: string; years: number[]; days: { date: string; kind: 'off' | 'work'; name: string }[] };
  overrides: CalendarOverride[];
  effective: { version: string; loadedYears: number[] } | null;
}

export interface CalendarChangeResult {
  inserted: number;
  recomputed: { receiptNo: string; from: string | null; to: string | null }[];
}
