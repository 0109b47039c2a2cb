import { Space, Tag, Typography } from 'antd';
import type { StatusRow } from './types';
import { STATUS_COLORS } from './types';

/** Status in words and colour, "已逾期" as its own tag (colour is never the only cue). */
export function StatusTag({ row }: { row: Pick<StatusRow, 'status' | 'statusLabel' | 'late'> }) {
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[row.status]}>{row.statusLabel.replace('（已逾期）', '')}</Tag>
      {row.late && <Tag color="red">已逾期</Tag>}
    </Space>
  );
}

export function DueText({ row }: { row: Pick<StatusRow, 'due' | 'daysLeft' | 'status' | 'dueBasis'> }) {
  const left = row.status === 'published' ? '' : row.daysLeft >= 0 ? `（剩余 ${row.daysLeft} 天）` : `（逾期 ${-row.daysLeft} 天）`;
  return (
    <span title={row.dueBasis}>
      {row.due}
      <Typography.Text type={row.daysLeft < 0 && row.status !== 'published' ? 'danger' : 'secondary'}>{left}</Typography.Text>
    </span>
  );
}
