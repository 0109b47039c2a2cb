/** 答复期限: the due date, why it is what it is (every step of the computation), and the other due dates. */
import { Alert, Card, Descriptions, Typography } from 'antd';
import type { ApplicationDetail } from './types';
import { DueDate } from './UrgencyTag';

const PAUSE: Record<string, string> = { thirdParty: '征求第三方意见', coAgency: '征求其他机关意见', consultation: '征求意见', fee: '收费通知待缴费' };

function dueText(d: ApplicationDetail): string {
  if (!d.clock) return d.status === 'registered' ? '尚未确认收到申请，确认后起算（《条例》第三十一条）' : '—';
  if (d.clock.replyDue) return d.clock.replyDue;
  if (d.clock.suspended) return `计时暂停：${PAUSE[d.clock.suspended.kind] ?? '暂停'}（自 ${d.clock.suspended.since}）`;
  if (d.correctionRequestedOn && !d.correctionReceivedOn) return '待补正：收到补正后重新起算';
  return '—';
}

export function ClockCard({ detail }: { detail: ApplicationDetail }) {
  const c = detail.clock;
  const closed = ['replied', 'served', 'archived', 'withdrawn', 'transferred'].includes(detail.status);
  return (
    <Card title="答复期限" size="small">
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={closed ? '答复期限（办结时）' : '答复期限'}>
          {c?.replyDue ? <DueDate due={c.replyDue} provisional={c.provisional} /> : <Typography.Text strong data-testid="reply-due">{dueText(detail)}</Typography.Text>}
        </Descriptions.Item>
        {c?.replyDue && <Descriptions.Item label="期限起算日">{c.periodStart}</Descriptions.Item>}
        {c && <Descriptions.Item label="补正告知期限">{c.correctionNoticeDue}</Descriptions.Item>}
        {c?.replyDueBeforeExtension && c.replyDueBeforeExtension !== c.replyDue && (
          <Descriptions.Item label="延期前的期限">{c.replyDueBeforeExtension}</Descriptions.Item>
        )}
        {c?.consultationDue.map((x) => (
          <Descriptions.Item key={`${x.kind}:${x.from}`} label={`${PAUSE[x.kind] ?? '征求意见'}答复期限`}>{x.due}（{x.from} 发出）</Descriptions.Item>
        ))}
        {c?.feePaymentDue && <Descriptions.Item label="缴费期限">{c.feePaymentDue}</Descriptions.Item>}
        {detail.repliedOn && <Descriptions.Item label="答复日期">{detail.repliedOn}</Descriptions.Item>}
      </Descriptions>
      {c?.provisional && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0' }}
          title={`期限为临时结果：${c.provisionalYears.join('、')}年的节假日安排尚未载入`}
          description="国务院办公厅公布该年安排后，请在“工作日历”中导入；导入后系统自动重新计算所有在办申请的期限。"
        />
      )}
      {c && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 12 }}>期限计算说明</Typography.Title>
          <ol className="gk-steps" aria-label="期限计算说明">
            {c.steps.map((s, i) => (
              <li key={`${s.code}:${i}`} className={`gk-step-${s.code}`}>{s.text}</li>
            ))}
          </ol>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>日历版本：{c.calendarVersion}</Typography.Text>
        </>
      )}
    </Card>
  );
}
