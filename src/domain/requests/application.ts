/** An application for disclosure (Art. 27–29) as the domain sees it, and the input a registration takes. */
import { z } from 'zod';
import type { CivilDate } from '../calendar/civil-date.js';
import { isCivilDate } from '../calendar/civil-date.js';
import { APPLICANT_TYPES, ID_DOCUMENT_TYPES, mobileProblem, residentIdProblem, type ApplicantType } from './applicant.js';
import { CHANNELS, type Channel } from './deadline.js';
import type { Outcome } from './outcome.js';
import type { Status } from './status.js';
import { unitCodeProblem, normaliseUnitCode } from '../units/codes.js';

/** Art. 29(三): the form of the information and how to obtain it. */
export const PROVISION_FORMS = { paper: '纸质', email: '电子邮件', disc: '光盘/移动存储介质', viewing: '当场查阅' } as const;
export const DELIVERY_METHODS = { post: '邮寄', inPerson: '当面领取', email: '电子邮件', fax: '传真' } as const;
export type ProvisionForm = keyof typeof PROVISION_FORMS;
export type DeliveryMethod = keyof typeof DELIVERY_METHODS;

/** What is sealed: everything that identifies or reaches a person. */
export interface ApplicantPersonalData {
  name: string;
  idType?: keyof typeof ID_DOCUMENT_TYPES | undefined;
  idNumber?: string | undefined;
  orgCode?: string | undefined;
  contactPerson?: string | undefined;
  phone: string;
  email?: string | undefined;
  address?: string | undefined;
  postcode?: string | undefined;
}

export interface Application {
  id: string;
  unitId: string;
  receiptNo: string;
  queryCodeHash: string;
  status: Status;
  outcome: Outcome | null;
  applicantType: ApplicantType;
  applicantSealed: string;
  applicantMasked: string;
  applicantKey: string;
  description: string;
  documentNo: string | null;
  provisionForm: ProvisionForm;
  deliveryMethod: DeliveryMethod;
  channel: Channel;
  receiptEvidence: string | null;
  receivedOn: CivilDate | null;
  correctionRequestedOn: CivilDate | null;
  correctionReceivedOn: CivilDate | null;
  replyDue: CivilDate | null;
  replyDueProvisional: boolean;
  calendarVersion: string | null;
  repliedOn: CivilDate | null;
  servedOn: CivilDate | null;
  serviceMethod: string | null;
  handlerId: string | null;
  duplicateOf: string | null;
  transferredTo: string | null;
  transferredFrom: string | null;
  reply: ReplyRecord | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReplyRecord {
  outcome: Outcome;
  /** Art. 37: for partial disclosure, what was withheld and on which ground. */
  withheld?: { what: string; ground: Outcome }[] | undefined;
  /** Art. 36(五): the competent agency, when known. */
  competentAgency?: string | undefined;
  /** Art. 36(一): where the information was already published. */
  publishedAt?: string | undefined;
  remarks?: string | undefined;
}

export interface ApplicationEvent {
  id: string;
  applicationId: string;
  seq: number;
  action: string;
  fromStatus: Status | null;
  toStatus: Status;
  effectiveOn: CivilDate | null;
  at: string;
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown> | null;
}

const trimmed = (max: number, label: string) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const optionalTrimmed = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().max(max, `${label}不能超过${max}个字`).optional());
export const civilDate = (label: string) => z.string({ error: `请填写${label}` }).refine(isCivilDate, `${label}应为有效日期（YYYY-MM-DD）`);

export const applicantInput = z
  .object({
    type: z.enum(Object.keys(APPLICANT_TYPES) as [ApplicantType], { error: '请选择申请人类型' }),
    name: trimmed(100, '申请人姓名或名称'),
    idType: z.enum(Object.keys(ID_DOCUMENT_TYPES) as [keyof typeof ID_DOCUMENT_TYPES]).optional(),
    idNumber: optionalTrimmed(40, '证件号码'),
    orgCode: optionalTrimmed(20, '统一社会信用代码'),
    contactPerson: optionalTrimmed(30, '联系人'),
    phone: trimmed(30, '联系电话'),
    email: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.email('电子邮箱格式不正确').optional()),
    address: optionalTrimmed(200, '通信地址'),
    postcode: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().regex(/^\d{6}$/, '邮政编码应为6位数字').optional()),
  })
  .superRefine((a, ctx) => {
    const phone = mobileProblem(a.phone);
    if (phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: phone });
    if (a.type === 'natural') {
      // Art. 29(一): proof of identity. A resident ID is checked digit by digit.
      if (!a.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '请填写身份证件号码' });
      else if ((a.idType ?? 'residentId') === 'residentId') {
        const p = residentIdProblem(a.idNumber);
        if (p) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: p });
      }
    } else {
      if (!a.orgCode) ctx.addIssue({ code: 'custom', path: ['orgCode'], message: '请填写统一社会信用代码' });
      else {
        const p = unitCodeProblem(normaliseUnitCode(a.orgCode));
        if (p) ctx.addIssue({ code: 'custom', path: ['orgCode'], message: p.replace('单位代码', '统一社会信用代码') });
      }
      if (!a.contactPerson) ctx.addIssue({ code: 'custom', path: ['contactPerson'], message: '请填写联系人姓名' });
    }
    if (a.email === undefined && !a.address) ctx.addIssue({ code: 'custom', path: ['address'], message: '请至少填写通信地址或电子邮箱，以便送达' });
  });
export type ApplicantInput = z.input<typeof applicantInput>;

export const registerFields = z.object({
  unitId: z.string().min(1, '请选择受理单位'),
  applicant: applicantInput,
  description: trimmed(4000, '所需政府信息的名称或内容描述'),
  documentNo: optionalTrimmed(100, '文号'),
  provisionForm: z.enum(Object.keys(PROVISION_FORMS) as [ProvisionForm], { error: '请选择信息的提供形式' }),
  deliveryMethod: z.enum(Object.keys(DELIVERY_METHODS) as [DeliveryMethod], { error: '请选择获取信息的方式' }),
  channel: z.enum(Object.keys(CHANNELS) as [Channel], { error: '请选择申请渠道' }),
  /** For channels whose receipt date is known at entry (in person, registered post, e-mail): Art. 31. */
  receivedOn: civilDate('收到申请日期').optional(),
  receiptEvidence: optionalTrimmed(500, '收件凭证'),
});

/** Art. 29(三): the way of obtaining must be one the office can actually use. */
export function deliveryCheck(v: { deliveryMethod: DeliveryMethod; applicant: { email?: string | undefined; address?: string | undefined } }, ctx: z.RefinementCtx): void {
  if (v.deliveryMethod === 'email' && !v.applicant.email) ctx.addIssue({ code: 'custom', path: ['applicant', 'email'], message: '选择通过电子邮件获取时，请填写电子邮箱' });
  if (v.deliveryMethod === 'post' && !v.applicant.address) ctx.addIssue({ code: 'custom', path: ['applicant', 'address'], message: '选择邮寄时，请填写通信地址' });
}

// Zod 4 refuses .omit() on a refined object: routes derive from registerFields and re-apply the check.
export const registerInput = registerFields.superRefine(deliveryCheck);
export type RegisterInput = z.input<typeof registerInput>;
