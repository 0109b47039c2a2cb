/**
 * Code lists of 依申请公开. The statutory ones come straight from the server's pure domain modules (bundled into
 * the app), so labels cannot drift; what is only screen help (receipt rules with instructions, urgency) is here.
 */
import { APPLICANT_TYPES, ID_DOCUMENT_TYPES, type ApplicantType } from '../../../domain/requests/applicant.js';
import { CHANNELS as CHANNEL_RULES, type Channel } from '../../../domain/requests/deadline.js';
import { OUTCOME_GROUP_LABELS, OUTCOMES, type Outcome, type OutcomeGroup } from '../../../domain/requests/outcome.js';

export { APPLICANT_TYPES, ID_DOCUMENT_TYPES, OUTCOME_GROUP_LABELS, OUTCOMES, type ApplicantType, type Channel, type Outcome, type OutcomeGroup };

export const PROVISION_FORMS = { paper: '纸质', email: '电子邮件', disc: '光盘/移动存储介质', viewing: '当场查阅' } as const;
export const DELIVERY_METHODS = { post: '邮寄', inPerson: '当面领取', email: '电子邮件', fax: '传真' } as const;

export const CHANNELS = Object.fromEntries(Object.entries(CHANNEL_RULES).map(([k, v]) => [k, v.label])) as Record<Channel, string>;

/** Channels staff enter (online applications come from the portal). */
export const ENTRY_CHANNELS: Channel[] = ['inPerson', 'registeredPost', 'ordinaryLetter', 'fax', 'email'];
/** Art. 31 / 国办公开办函〔2015〕207号: the receipt date is known at entry for these channels. */
export const RECEIVED_AT_ENTRY: ReadonlySet<Channel> = new Set<Channel>(['inPerson', 'registeredPost', 'email']);

export const RECEIPT_RULES: Record<Channel, string> = {
  inPerson: '当面提交的，以提交之日为收到申请之日（《条例》第三十一条第（一）项）。',
  registeredPost: '以邮政挂号或特快专递提交的，以本机关签收之日为收到申请之日（《条例》第三十一条第（二）项）。',
  ordinaryLetter: '以平常信函提交的，以本机关于收到当日与申请人确认之日为收到申请之日（《条例》第三十一条第（二）项）：登记后在详情页“确认收到申请”。',
  online: '通过互联网提交的，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项）。',
  fax: '通过传真提交的，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项）：登记后在详情页“确认收到申请”。',
  email: '通过公布的电子邮箱提交的，以电子邮件系统收到之日为收到申请之日（国办公开办函〔2015〕207号）。',
};

/** Grouped options for a Select: 公开 / 不予公开 / 无法提供 / 不予处理 / 其他处理. */
export function outcomeOptions(filter: (o: Outcome) => boolean = () => true) {
  return (Object.keys(OUTCOME_GROUP_LABELS) as OutcomeGroup[]).map((g) => ({
    label: OUTCOME_GROUP_LABELS[g],
    title: OUTCOME_GROUP_LABELS[g],
    options: (Object.keys(OUTCOMES) as Outcome[])
      .filter((o) => OUTCOMES[o].group === g && filter(o))
      .map((o) => ({ value: o, label: OUTCOMES[o].label })),
  })).filter((g) => g.options.length > 0);
}

export const SERVICE_METHODS = { direct: '直接送达（当面签收）', post: '邮寄送达（中国邮政）', email: '电子邮件', fax: '传真', online: '在线平台' } as const;

export const NOTICE_KINDS = {
  receipt: '登记回执',
  correction: '补正告知书',
  extension: '延期答复告知书',
  thirdParty: '征求第三方意见书',
  fee: '收费通知书',
  reply: '答复告知书',
} as const;
export type NoticeKind = keyof typeof NOTICE_KINDS;

export const URGENCY = {
  overdue: { label: '已逾期', color: 'red' },
  dueSoon: { label: '3个工作日内到期', color: 'orange' },
  stopped: { label: '计时暂停', color: 'blue' },
  normal: { label: '正常', color: 'green' },
  closed: { label: '已办结', color: 'default' },
} as const;
export type Urgency = keyof typeof URGENCY;
