import { Tag, Tooltip } from 'antd';
import { URGENCY, type Urgency } from './codes';

const HELP: Record<Urgency, string> = {
  overdue: '已超过答复期限',
  dueSoon: '距答复期限不超过3个工作日',
  stopped: '待确认收到、待补正、征求意见或待缴费期间，答复期限暂停计算',
  normal: '在答复期限内',
  closed: '已办结',
};

/** The urgency as words in a coloured tag, never colour alone. */
export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const u = URGENCY[urgency];
  return (
    <Tooltip title={HELP[urgency]}>
      <Tag color={u.color} className={`gk-urgency gk-urgency-${urgency}`}>{u.label}</Tag>
    </Tooltip>
  );
}

/** The reply due date, with 临时 when a year's holiday arrangement is not loaded yet. */
export function DueDate({ due, provisional, stopped }: { due: string | null; provisional: boolean; stopped?: boolean }) {
  if (!due) return <span>{stopped ? '暂停计时' : '—'}</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {due}
      {provisional && (
        <Tooltip title="所涉年份的节假日安排尚未载入，暂按周一至周五推算，载入后自动重新计算">
          <Tag color="gold" style={{ marginInlineStart: 6 }}>临时</Tag>
        </Tooltip>
      )}
    </span>
  );
}
