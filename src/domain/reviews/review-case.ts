/**
 * The register of administrative reconsideration and litigation cases about disclosure (Art. 51, rules.md §4):
 * annual-report table 四 counts them by kind and outcome. Each case is linked to the application whose reply
 * (or failure to reply) it challenges; a case without a conclusion at 31 December is 尚未审结 in that year.
 */
import { z } from 'zod';
import { isCivilDate, type CivilDate } from '../calendar/civil-date.js';

/** Table 四 rows. */
export const REVIEW_KINDS = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReconsideration: '行政诉讼（复议后起诉）',
} as const;
export type ReviewKind = keyof typeof REVIEW_KINDS;

/** Table 四 columns of a concluded case. */
export const REVIEW_OUTCOMES = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果' } as const;
export type ReviewOutcome = keyof typeof REVIEW_OUTCOMES;

export interface ReviewCase {
  id: string;
  unitId: string;
  applicationId: string | null;
  kind: ReviewKind;
  filedOn: CivilDate;
  /** 复议机关 or 法院 */
  body: string;
  caseNo: string | null;
  /** 文号 of the challenged reply or notice. */
  challengedNotice: string | null;
  outcome: ReviewOutcome | null;
  concludedOn: CivilDate | null;
  remarks: string | null;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
}

export interface ReviewCaseListQuery {
  unitIds: string[];
  /** Cases that belong to the year's table 四: concluded in it, or filed by its end and open at its end. */
  year?: number | undefined;
  kind?: ReviewKind | undefined;
  applicationId?: string | undefined;
  offset: number;
  limit: number;
}

export interface ReviewCaseRepository {
  get(id: string): Promise<ReviewCase | undefined>;
  insert(c: ReviewCase): Promise<void>;
  update(c: ReviewCase): Promise<void>;
  delete(id: string): Promise<void>;
  list(q: ReviewCaseListQuery): Promise<{ total: number; items: ReviewCase[] }>;
  countForApplication(applicationId: string): Promise<number>;
}

/** Pending (尚未审结) at the end of `year`: filed by 31 December and not concluded by then. */
export function pendingAtYearEnd(c: Pick<ReviewCase, 'filedOn' | 'concludedOn'>, year: number): boolean {
  const end = `${year}-12-31`;
  return c.filedOn <= end && (c.concludedOn === null || c.concludedOn > end);
}

/** The table 四 column a case falls in for `year`, or null when it does not belong to that year's report. */
export function reviewColumnFor(c: Pick<ReviewCase, 'filedOn' | 'concludedOn' | 'outcome'>, year: number): ReviewOutcome | 'pending' | null {
  if (pendingAtYearEnd(c, year)) return 'pending';
  if (c.concludedOn && c.outcome && c.concludedOn.startsWith(`${year}-`)) return c.outcome;
  return null;
}

const date = (label: string) => z.string({ error: `请填写${label}` }).refine(isCivilDate, `${label}应为有效日期（YYYY-MM-DD）`);
const optText = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : v), z.string().max(max, `${label}不能超过${max}个字`).nullable().optional());

export const reviewCaseFields = z.object({
  unitId: z.string().min(1).optional(),
  /** Link by 受理编号 (what staff see on the reply) or by id. */
  receiptNo: optText(60, '受理编号'),
  applicationId: z.string().min(1).nullable().optional(),
  kind: z.enum(Object.keys(REVIEW_KINDS) as [ReviewKind], { error: '请选择案件类型（行政复议、直接起诉或复议后起诉）' }),
  filedOn: date('立案（申请）日期'),
  body: z.string({ error: '请填写复议机关或法院' }).trim().min(2, '请填写复议机关或法院').max(100, '复议机关或法院名称不能超过100个字'),
  caseNo: optText(100, '案号'),
  challengedNotice: optText(100, '被复议/被诉答复文号'),
  outcome: z.enum(Object.keys(REVIEW_OUTCOMES) as [ReviewOutcome], { error: '审结结果只能是维持、纠正或其他' }).nullable().optional(),
  concludedOn: z.preprocess((v) => (v === '' ? null : v), date('审结日期').nullable().optional()),
  remarks: optText(2000, '备注'),
});
export type ReviewCaseInput = z.input<typeof reviewCaseFields>;

/** Date rules that do not need the database: conclusion after filing, outcome iff concluded, nothing in the future. */
export function reviewDateProblems(v: { filedOn: string; concludedOn?: string | null | undefined; outcome?: string | null | undefined }, today: CivilDate): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (v.filedOn > today) out.push({ path: 'filedOn', message: '立案（申请）日期不能晚于今天' });
  if (v.concludedOn) {
    if (v.concludedOn < v.filedOn) out.push({ path: 'concludedOn', message: '审结日期不能早于立案（申请）日期' });
    if (v.concludedOn > today) out.push({ path: 'concludedOn', message: '审结日期不能晚于今天' });
    if (!v.outcome) out.push({ path: 'outcome', message: '已审结的案件请选择审结结果（维持、纠正或其他）' });
  } else if (v.outcome) {
    out.push({ path: 'concludedOn', message: '填写了审结结果时请同时填写审结日期；尚未审结的案件不填结果' });
  }
  return out;
}

/** What the audit log keeps of a case (no personal data: the applicant is only referenced through the application). */
export const reviewCaseSnapshot = (c: ReviewCase) => ({ ...c });
