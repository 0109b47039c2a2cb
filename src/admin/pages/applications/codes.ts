/**
 * Code lists of 依申请公开 as the server defines them (src/domain/requests/applicant.ts, application.ts,
 * deadline.ts CHANNELS, outcome.ts OUTCOMES, notices/notice-model.ts NOTICE_KINDS). GET /meta does not carry
 * them, so the admin app keeps this copy; the server validates every value it receives.
 */

export const APPLICANT_TYPES = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal: '法律服务机构',
  other: '其他',
} as const;
export type ApplicantType = keyof typeof APPLICANT_TYPES;

export const ID_DOCUMENT_TYPES = {
  residentId: '居民身份证',
  passport: '护照',
  hkMacaoPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  foreignPermanent: '外国人永久居留身份证',
  other: '其他有效身份证件',
} as const;

export const PROVISION_FORMS = { paper: '纸质', email: '电子邮件', disc: '光盘/移动存储介质', viewing: '当场查阅' } as const;
export const DELIVERY_METHODS = { post: '邮寄', inPerson: '当面领取', email: '电子邮件', fax: '传真' } as const;

export const CHANNELS = {
  inPerson: '当面提交',
  registeredPost: '邮政挂号/特快专递',
  ordinaryLetter: '平常信函',
  online: '互联网在线申请',
  fax: '传真',
  email: '电子邮件',
} as const;
export type Channel = keyof typeof CHANNELS;

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

export type OutcomeGroup = 'disclose' | 'withhold' | 'unavailable' | 'notProcessed' | 'other';

/** The result rows of annual-report table 三, grouped as the table groups them. */
export const OUTCOMES = {
  disclosed: { group: 'disclose', label: '予以公开' },
  partiallyDisclosed: { group: 'disclose', label: '部分公开' },
  withheldStateSecret: { group: 'withhold', label: '不予公开：属于国家秘密' },
  withheldLawProhibited: { group: 'withhold', label: '不予公开：其他法律行政法规禁止公开' },
  withheldSecurityStability: { group: 'withhold', label: '不予公开：危及“三安全一稳定”' },
  withheldThirdParty: { group: 'withhold', label: '不予公开：保护第三方合法权益' },
  withheldInternalAffairs: { group: 'withhold', label: '不予公开：属于三类内部事务信息' },
  withheldProcessInfo: { group: 'withhold', label: '不予公开：属于四类过程性信息' },
  withheldEnforcementFile: { group: 'withhold', label: '不予公开：属于行政执法案卷' },
  withheldQueryMatter: { group: 'withhold', label: '不予公开：属于行政查询事项' },
  unavailableNotHeld: { group: 'unavailable', label: '无法提供：本机关不掌握相关政府信息' },
  unavailableNeedsCreation: { group: 'unavailable', label: '无法提供：没有现成信息需要另行制作' },
  unavailableStillUnclear: { group: 'unavailable', label: '无法提供：补正后申请内容仍不明确' },
  notProcessedPetition: { group: 'notProcessed', label: '不予处理：信访举报投诉类申请' },
  notProcessedRepeated: { group: 'notProcessed', label: '不予处理：重复申请' },
  notProcessedPublication: { group: 'notProcessed', label: '不予处理：要求提供公开出版物' },
  notProcessedExcessive: { group: 'notProcessed', label: '不予处理：无正当理由大量反复申请' },
  notProcessedConfirmation: { group: 'notProcessed', label: '不予处理：要求行政机关确认或重新出具已获取信息' },
  otherNoCorrection: { group: 'other', label: '其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  otherFeeUnpaid: { group: 'other', label: '其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  otherOther: { group: 'other', label: '其他处理：其他' },
} as const satisfies Record<string, { group: OutcomeGroup; label: string }>;
export type Outcome = keyof typeof OUTCOMES;

export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  disclose: '公开',
  withhold: '不予公开',
  unavailable: '无法提供',
  notProcessed: '不予处理',
  other: '其他处理',
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
