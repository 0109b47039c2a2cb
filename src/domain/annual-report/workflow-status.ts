/**
 * The annual report's workflow as an explicit transition table (rules.md §5, Art. 49): a department or township
 * drafts, submits to its supervising office (the 公开办 of the government it belongs to), which returns it with a
 * comment or accepts it; an accepted report is published on the portal. A government's own report has no office
 * above it for this purpose (Art. 49: its own 公开办 publishes it by 31 March), so its office 定稿 (finalize)
 * directly. Locked after submission: only a return reopens it. 'late' is derived from the clock, never stored.
 */
import { DomainError } from '../errors.js';

export const REPORT_STATUSES = {
  draft: '草稿',
  submitted: '已报送待审核',
  returned: '已退回修改',
  accepted: '已审核通过',
  published: '已公开',
} as const;
export type ReportStatus = keyof typeof REPORT_STATUSES;

export const REPORT_ACTIONS = {
  create: '生成草稿',
  refresh: '按最新数据重新计算',
  edit: '修改报告内容',
  submit: '报送上级公开办审核',
  finalize: '本级定稿',
  return: '退回修改',
  accept: '审核通过',
  publish: '发布到门户网站',
  import: '导入历史年报',
} as const;
export type ReportAction = keyof typeof REPORT_ACTIONS;

/** from → action → to. Anything not listed is refused. */
export const REPORT_TRANSITIONS: Record<ReportStatus, Partial<Record<ReportAction, ReportStatus>>> = {
  draft: { refresh: 'draft', edit: 'draft', submit: 'submitted', finalize: 'accepted' },
  returned: { refresh: 'returned', edit: 'returned', submit: 'submitted', finalize: 'accepted' },
  submitted: { return: 'returned', accept: 'accepted' },
  // The office can still reopen an accepted report before it is published.
  accepted: { return: 'returned', publish: 'published' },
  published: {},
};

/** Whose 公开办 decides: 'supervisor' actions need report.edit on the supervising unit, the rest on the unit itself. */
export const ACTION_SIDE: Record<ReportAction, 'unit' | 'supervisor'> = {
  create: 'unit', refresh: 'unit', edit: 'unit', submit: 'unit', finalize: 'unit', return: 'supervisor', accept: 'supervisor', publish: 'unit', import: 'unit',
};

export const EDITABLE: ReadonlySet<ReportStatus> = new Set<ReportStatus>(['draft', 'returned']);

export function nextReportStatus(from: ReportStatus, action: ReportAction): ReportStatus {
  const to = REPORT_TRANSITIONS[from][action];
  if (to) return to;
  if ((action === 'edit' || action === 'refresh') && !EDITABLE.has(from)) {
    throw new DomainError('INVALID_STATE', from === 'published'
      ? '年度报告已公开，不能再修改'
      : `年度报告${REPORT_STATUSES[from]}，已锁定不能修改；如需修改，请联系上级政府信息公开工作机构退回`);
  }
  const allowed = Object.keys(REPORT_TRANSITIONS[from]) as ReportAction[];
  throw new DomainError('INVALID_STATE', `年度报告当前为“${REPORT_STATUSES[from]}”，不能“${REPORT_ACTIONS[action]}”${allowed.length ? `；可进行的操作：${allowed.map((a) => REPORT_ACTIONS[a]).join('、')}` : ''}`);
}

/**
 * The unit whose 公开办 accepts or returns this unit's report: the unit it belongs to (its parent). A government's
 * own report, and a unit at the top of the tree, is decided by its own office (null = self).
 */
export function supervisingUnitId(unit: { type: string; parentId: string | null }): string | null {
  if (unit.type === 'government' || !unit.parentId) return null;
  return unit.parentId;
}
