/** 办理记录 (every event, oldest first) and 内部备注 (notes the applicant never sees). */
import { App, Button, Card, Form, Input, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { formatTime } from '../../app/format';
import { applyServerErrors } from '../../components/form-errors';
import { eventDetails } from './event-text';
import type { ApplicationDetail } from './types';

const COLOR: Record<string, string> = { note: 'gray', assign: 'gray', recomputeDeadline: 'orange', reply: 'green', serve: 'green' };

export function HistoryCard({ detail, nameOf }: { detail: ApplicationDetail; nameOf: (id: string | null) => string }) {
  return (
    <Card title="办理记录" size="small">
      <Timeline
        items={detail.events.map((e) => ({
          key: e.id,
          color: COLOR[e.action] ?? 'blue',
          content: (
            <div className="gk-event">
              <div>
                <Typography.Text strong>{e.actionLabel}</Typography.Text>
                {e.fromStatus !== e.toStatus && <Typography.Text type="secondary">（→ {e.toStatusLabel}）</Typography.Text>}
              </div>
              <div>
                {e.effectiveOn && <span>办理日期 {e.effectiveOn} · </span>}
                <span>{e.actorName ?? '系统'}</span>
                <Typography.Text type="secondary"> · 记录于 {formatTime(e.at)}</Typography.Text>
              </div>
              {eventDetails(e, nameOf).map((t, i) => (
                <div key={i} className="gk-event-detail">{t}</div>
              ))}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

export function NotesCard({ detail, onAdded }: { detail: ApplicationDetail; onAdded: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const [saving, setSaving] = useState(false);
  const notes = detail.events.filter((e) => e.action === 'note');
  const submit = async (v: { text: string }) => {
    setSaving(true);
    try {
      await api.post(`/applications/${detail.id}/notes`, { text: v.text });
      form.resetFields();
      message.success('备注已添加');
      onAdded();
    } catch (e) {
      const rest = applyServerErrors(form, e);
      if (rest.length) message.error(rest.join('；'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="内部备注" size="small" extra={<Typography.Text type="secondary">申请人不可见</Typography.Text>}>
      {notes.length === 0 && <Typography.Paragraph type="secondary">暂无备注。</Typography.Paragraph>}
      {notes.map((n) => (
        <div key={n.id} className="gk-note">
          <div className="gk-note-text">{String(n.data?.text ?? '')}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{n.actorName ?? '系统'} · {formatTime(n.at)}</Typography.Text>
        </div>
      ))}
      {detail.canHandle && (
        <Form form={form} layout="vertical" name="note" onFinish={(v) => void submit(v)} style={{ marginTop: 8 }}>
          <Form.Item name="text" label="新备注" rules={[{ required: true, whitespace: true, message: '请填写备注内容' }]} style={{ marginBottom: 8 }}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Button htmlType="submit" loading={saving}>添加备注</Button>
        </Form>
      )}
    </Card>
  );
}
