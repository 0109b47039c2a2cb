/**
 * What a reviewer does with an item at their stage: approve (with the Art. 17 confidentiality confirmation where
 * the stage carries it; at the final stage optionally at a scheduled time) or return it with a comment. Also
 * cancels a scheduled publication (final-stage role).
 */
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import type { CheckFinding, ItemDetail, PublicationSettings } from './types';

export function ReviewActions({ detail, settings, findings, onDone }: {
  detail: ItemDetail;
  settings: PublicationSettings | null;
  findings: CheckFinding[] | null;
  onDone: (what: string) => void;
}) {
  const { message } = App.useApp();
  const { item } = detail;
  const [comment, setComment] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [at, setAt] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = item.stage ?? 1;
  const stage = settings?.stages[n - 1];
  const final = !!settings && n >= settings.stages.length;
  // Until the stage settings arrive it is unknown whether this stage needs the Art. 17 confirmation: no approval yet.
  const needsConfidentiality = !!stage?.confidentialityReview;
  const blocks = findings?.filter((f) => f.severity === 'block').length ?? 0;

  const act = async (kind: 'approve' | 'return') => {
    setError(null);
    if (kind === 'return' && !comment.trim()) {
      setError('请填写退回意见，说明需要修改的地方');
      return;
    }
    if (kind === 'approve' && when === 'later' && !at) {
      setError('请选择定时发布的时间');
      return;
    }
    setBusy(true);
    try {
      const body = kind === 'return' ? { comment, stage: n }
        : { comment: comment || undefined, stage: n, confidentialityConfirmed: needsConfidentiality ? confirmed : undefined, publishAt: final && when === 'later' && at ? at.toISOString() : undefined };
      await api.post(`/publications/items/${item.id}/${kind}`, body);
      const done = kind === 'return' ? '已退回修改' : final ? (when === 'later' ? '已通过，将按时发布' : '已通过并发布') : `已通过${stage?.name ?? ''}`;
      message.success(done);
      onDone(done);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={`审核：${stage?.name ?? detail.stageName ?? ''}（第${n}环节，共${settings?.stages.length ?? '—'}个环节）`}>
      <Form layout="vertical">
        <Form.Item label="审核意见" htmlFor="gk-review-comment" extra="退回时必填">
          <Input.TextArea id="gk-review-comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Form.Item>
        {needsConfidentiality && (
          <Form.Item>
            <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
              我已完成保密审查，确认不含国家秘密、工作秘密和不应公开的个人信息（《条例》第十七条）
            </Checkbox>
          </Form.Item>
        )}
        {final && (
          <Form.Item label="发布时间">
            <Radio.Group value={when} onChange={(e) => setWhen(e.target.value as 'now' | 'later')} options={[{ value: 'now', label: '通过后立即发布' }, { value: 'later', label: '定时发布' }]} />
            {when === 'later' && (
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" aria-label="定时发布时间" value={at} onChange={setAt} style={{ marginTop: 8 }}
                disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
            )}
          </Form.Item>
        )}
        {blocks > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`检查发现 ${blocks} 个阻止发布的问题，不能通过；请退回修改`} />}
        {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={error} />}
        <Space wrap>
          <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => void act('approve')}
            disabled={!settings || blocks > 0 || (needsConfidentiality && !confirmed)} aria-describedby="gk-approve-why">
            {final ? (when === 'later' ? '通过并定时发布' : '通过并发布') : '审核通过'}
          </Button>
          <Button danger icon={<RollbackOutlined />} loading={busy} onClick={() => void act('return')}>退回修改</Button>
        </Space>
        <Typography.Paragraph id="gk-approve-why" type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {!settings ? '正在读取审核环节设置…' : blocks > 0 ? '有阻止发布的问题时不能通过' : needsConfidentiality && !confirmed ? '请先确认已完成保密审查' : ''}
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}

export function UnscheduleAction({ itemId, onDone }: { itemId: string; onDone: (what: string) => void }) {
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  return (
    <Card size="small" title="定时发布">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.TextArea aria-label="取消定时发布的说明" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="说明（可选）" />
        <Button onClick={async () => {
          try {
            await api.post(`/publications/items/${itemId}/unschedule`, { comment: comment || undefined });
            message.success('已取消定时发布，信息回到草稿');
            onDone('已取消定时发布');
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}>取消定时发布</Button>
      </Space>
    </Card>
  );
}
