/**
 * The outcome of a closed application is exactly one of the result rows of annual-report table 三
 * (国办公开办函〔2021〕30号; the keys disclosed … otherOther of annual-report-format.md — 21 keys, though the
 * spec's prose says 22), so the annual report is a GROUP BY. Labels are the table's own; `article` is the
 * provision a reply notice cites.
 */
export const OUTCOMES = {
  disclosed: { group: 'disclose', label: '予以公开', article: '《条例》第三十六条第（二）项' },
  partiallyDisclosed: { group: 'disclose', label: '部分公开', article: '《条例》第三十七条' },
  withheldStateSecret: { group: 'withhold', label: '不予公开：属于国家秘密', article: '《条例》第十四条' },
  withheldLawProhibited: { group: 'withhold', label: '不予公开：其他法律行政法规禁止公开', article: '《条例》第十四条' },
  withheldSecurityStability: { group: 'withhold', label: '不予公开：危及“三安全一稳定”', article: '《条例》第十四条' },
  withheldThirdParty: { group: 'withhold', label: '不予公开：保护第三方合法权益', article: '《条例》第十五条' },
  withheldInternalAffairs: { group: 'withhold', label: '不予公开：属于三类内部事务信息', article: '《条例》第十六条第一款' },
  withheldProcessInfo: { group: 'withhold', label: '不予公开：属于四类过程性信息', article: '《条例》第十六条第二款' },
  withheldEnforcementFile: { group: 'withhold', label: '不予公开：属于行政执法案卷', article: '《条例》第十六条第二款' },
  withheldQueryMatter: { group: 'withhold', label: '不予公开：属于行政查询事项', article: '《条例》第三十六条第（七）项' },
  unavailableNotHeld: { group: 'unavailable', label: '无法提供：本机关不掌握相关政府信息', article: '《条例》第三十六条第（四）项、第（五）项' },
  unavailableNeedsCreation: { group: 'unavailable', label: '无法提供：没有现成信息需要另行制作', article: '《条例》第三十八条' },
  unavailableStillUnclear: { group: 'unavailable', label: '无法提供：补正后申请内容仍不明确', article: '《条例》第三十条' },
  notProcessedPetition: { group: 'notProcessed', label: '不予处理：信访举报投诉类申请', article: '《条例》第三十九条第一款' },
  notProcessedRepeated: { group: 'notProcessed', label: '不予处理：重复申请', article: '《条例》第三十六条第（六）项' },
  notProcessedPublication: { group: 'notProcessed', label: '不予处理：要求提供公开出版物', article: '《条例》第三十九条第二款' },
  notProcessedExcessive: { group: 'notProcessed', label: '不予处理：无正当理由大量反复申请', article: '《条例》第三十五条' },
  notProcessedConfirmation: { group: 'notProcessed', label: '不予处理：要求行政机关确认或重新出具已获取信息', article: '《条例》第三十九条第二款' },
  otherNoCorrection: { group: 'other', label: '其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', article: '《条例》第三十条' },
  otherFeeUnpaid: { group: 'other', label: '其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', article: '《政府信息公开信息处理费管理办法》第八条' },
  otherOther: { group: 'other', label: '其他处理：其他', article: '' },
  // Art. 36(一): already published — the 2021 table counts it under 予以公开 (the applicant is told where).
} as const;

export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_CODES = Object.keys(OUTCOMES) as Outcome[];
export type OutcomeGroup = (typeof OUTCOMES)[Outcome]['group'];

export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  disclose: '公开',
  withhold: '不予公开',
  unavailable: '无法提供',
  notProcessed: '不予处理',
  other: '其他处理',
};
