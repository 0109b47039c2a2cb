/**
 * The application workflow as data, copied from the server's transition table in
 * src/domain/requests/status.ts (STATUSES, ACTIONS, TRANSITIONS, OPEN_STATUSES). The admin app cannot import
 * server code; this copy only decides which buttons to offer. The server checks every transition again and
 * answers in Chinese when one is not allowed, so a stale copy shows a refused button, never a wrong change.
 */

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

/** from status → action → to status (server: TRANSITIONS in src/domain/requests/status.ts). */
export const TRANSITIONS: Record<Status, Partial<Record<Action, Status>>> = {
  registered: { confirmReceipt: 'received', withdraw: 'withdrawn' },
  received: { requestCorrection: 'correctionRequested', accept: 'inProgress', reply: 'replied', transfer: 'transferred', withdraw: 'withdrawn' },
  correctionRequested: { receiveCorrection: 'inProgress', reply: 'replied', withdraw: 'withdrawn' },
  inProgress: {
    startConsultation: 'consulting', requestExtension: 'extensionRequested', issueFeeNotice: 'feeNoticeIssued',
    reply: 'replied', transfer: 'transferred', withdraw: 'withdrawn',
  },
  consulting: { receiveConsultationAnswer: 'inProgress', startConsultation: 'consulting', reply: 'replied', withdraw: 'withdrawn' },
  extensionRequested: { approveExtension: 'inProgress', rejectExtension: 'inProgress', withdraw: 'withdrawn' },
  feeNoticeIssued: { recordPayment: 'inProgress', waiveFee: 'inProgress', reply: 'replied', withdraw: 'withdrawn' },
  replied: { serve: 'served' },
  served: { archive: 'archived' },
  archived: {},
  withdrawn: { archive: 'archived' },
  transferred: { archive: 'archived' },
};

export const OPEN_STATUSES: Status[] = ['registered', 'received', 'correctionRequested', 'inProgress', 'consulting', 'extensionRequested', 'feeNoticeIssued'];

/** Actions that need the head of the disclosure office (Art. 33: 经政府信息公开工作机构负责人同意). */
export const APPROVAL_ACTIONS: ReadonlySet<Action> = new Set<Action>(['approveExtension', 'rejectExtension']);

/** The actions legal from a status, in the table's order. */
export function legalActions(status: Status): Action[] {
  return Object.keys(TRANSITIONS[status] ?? {}) as Action[];
}

/** Actions that end the case for this unit: shown as red buttons. */
export const DANGEROUS_ACTIONS: ReadonlySet<Action> = new Set<Action>(['withdraw', 'transfer']);
