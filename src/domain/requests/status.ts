/**
 * The application workflow as an explicit transition table (rules.md §3). Status is the process position;
 * the outcome (outcome.ts) is what the reply decided; "overdue" is derived from the clock, never stored.
 * A transition is applied in one transaction with its event row, conditional on the status read (see
 * src/storage: UPDATE … WHERE id = ? AND status = ?), so of two concurrent transitions only one wins.
 */
import { DomainError } from '../errors.js';

export const STATUSES = {
  registered: '待确认收到',
  received: '已收到',
  correctionRequested: '待补正',
  inProgress: '办理中',
  consulting: '征求意见中',
  extensionRequested: '延期待批准',
  feeNoticeIssued: '待缴费',
  replied: '已答复',
  served: '已送达',
  archived: '已归档',
  withdrawn: '已撤回',
  transferred: '已转办',
} as const;
export type Status = keyof typeof STATUSES;

export const ACTIONS = {
  confirmReceipt: '确认收到申请',
  requestCorrection: '告知补正',
  receiveCorrection: '收到补正',
  accept: '受理办理',
  startConsultation: '征求第三方/其他机关意见',
  receiveConsultationAnswer: '收到意见',
  requestExtension: '申请延期',
  approveExtension: '批准延期',
  rejectExtension: '不批准延期',
  issueFeeNotice: '发出收费通知',
  recordPayment: '登记缴费',
  waiveFee: '减免费用',
  reply: '作出答复',
  serve: '送达答复',
  archive: '归档',
  withdraw: '申请人撤回',
  transfer: '转其他单位办理',
} as const;
export type Action = keyof typeof ACTIONS;

/** from status → action → to status. Anything not listed is refused. */
export const TRANSITIONS: Record<Status, Partial<Record<Action, Status>>> = {
  registered: { confirmReceipt: 'received', withdraw: 'withdrawn' },
  received: { requestCorrection: 'correctionRequested', accept: 'inProgress', reply: 'replied', transfer: 'transferred', withdraw: 'withdrawn' },
  // Art. 30: no correction in time → replied with otherNoCorrection; still unclear → unavailableStillUnclear.
  correctionRequested: { receiveCorrection: 'inProgress', reply: 'replied', withdraw: 'withdrawn' },
  inProgress: {
    startConsultation: 'consulting', requestExtension: 'extensionRequested', issueFeeNotice: 'feeNoticeIssued',
    reply: 'replied', transfer: 'transferred', withdraw: 'withdrawn',
  },
  consulting: { receiveConsultationAnswer: 'inProgress', startConsultation: 'consulting', reply: 'replied', withdraw: 'withdrawn' },
  extensionRequested: { approveExtension: 'inProgress', rejectExtension: 'inProgress', withdraw: 'withdrawn' },
  // Fee notice: paid or waived → back to work; not paid in 20 working days → replied with otherFeeUnpaid.
  feeNoticeIssued: { recordPayment: 'inProgress', waiveFee: 'inProgress', reply: 'replied', withdraw: 'withdrawn' },
  replied: { serve: 'served' },
  served: { archive: 'archived' },
  archived: {},
  withdrawn: { archive: 'archived' },
  transferred: { archive: 'archived' },
};

export function nextStatus(from: Status, action: Action): Status {
  const to = TRANSITIONS[from][action];
  if (!to) {
    const allowed = Object.keys(TRANSITIONS[from]) as Action[];
    throw new DomainError('INVALID_STATE', `申请当前为“${STATUSES[from]}”，不能“${ACTIONS[action]}”${allowed.length ? `；可进行的操作：${allowed.map((a) => ACTIONS[a]).join('、')}` : '；该申请已办结'}`);
  }
  return to;
}

/** Open = still counted as pending at year end (carried over into next year's table 三 row 二). */
export const OPEN_STATUSES: Status[] = ['registered', 'received', 'correctionRequested', 'inProgress', 'consulting', 'extensionRequested', 'feeNoticeIssued'];
export const isOpen = (s: Status) => OPEN_STATUSES.includes(s);
