/**
 * The publication workflow as an explicit transition table (Art. 17: review before publication; rules.md §2:
 * 三审三校, corrections and withdrawals through their own request-and-approve flow). Each use case looks up its
 * action here and writes the item conditionally on the status (and stage) it read.
 *
 *   draft --submit--> inReview(1) --approve--> inReview(2) … --approve(last)--> published | scheduled
 *   inReview(n) --return--> draft          scheduled --publish (scheduler)--> published
 *   scheduled --unschedule--> draft        published --approveWithdraw--> withdrawn
 *   published --approveCorrection--> published (corrected)
 */
import { DomainError } from '../errors.js';
import { ITEM_STATUS_LABELS, type EventAction, type ItemStatus } from './model.js';

export const TRANSITIONS: Record<Exclude<EventAction, 'create' | 'delete'>, { from: ItemStatus[]; to: ItemStatus[] }> = {
  update: { from: ['draft'], to: ['draft'] },
  submit: { from: ['draft'], to: ['inReview'] },
  approve: { from: ['inReview'], to: ['inReview', 'published', 'scheduled'] },
  return: { from: ['inReview'], to: ['draft'] },
  schedule: { from: ['inReview'], to: ['scheduled'] },
  publish: { from: ['scheduled', 'inReview'], to: ['published'] },
  unschedule: { from: ['scheduled'], to: ['draft'] },
  requestWithdraw: { from: ['published'], to: ['published'] },
  approveWithdraw: { from: ['published'], to: ['withdrawn'] },
  rejectWithdraw: { from: ['published'], to: ['published'] },
  requestCorrection: { from: ['published'], to: ['published'] },
  approveCorrection: { from: ['published'], to: ['published'] },
  rejectCorrection: { from: ['published'], to: ['published'] },
};

export const EVENT_LABELS: Record<EventAction, string> = {
  create: '新建', update: '修改', submit: '提交审核', approve: '审核通过', return: '退回修改', schedule: '定时发布', publish: '发布',
  unschedule: '取消定时发布', requestWithdraw: '申请撤稿', approveWithdraw: '批准撤稿', rejectWithdraw: '驳回撤稿申请',
  requestCorrection: '申请更正', approveCorrection: '批准更正', rejectCorrection: '驳回更正申请', delete: '删除草稿',
};

/** Throws a Chinese INVALID_STATE error when `action` is not allowed from `status`. */
export function assertTransition(action: keyof typeof TRANSITIONS, status: ItemStatus, to?: ItemStatus): void {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status) || (to && !t.to.includes(to))) {
    throw new DomainError('INVALID_STATE', `信息当前状态为“${ITEM_STATUS_LABELS[status]}”，不能${EVENT_LABELS[action]}`);
  }
}

export const CONCURRENT_CHANGE = () => new DomainError('CONFLICT', '该信息刚被其他人处理过，请刷新后重试');
