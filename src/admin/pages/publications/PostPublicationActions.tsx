/**
 * After publication (rules.md §2): request a withdrawal (撤稿) or a correction (更正) with a reason; the final
 * stage's role approves or rejects it. A withdrawn URL shows the notice; a corrected item shows when and why.
 */
import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { formatTime } from '../../app/format';
import { RichEditor } from './RichEditor';
import type { ItemDetail } from './types';

export function PendingCard({ detail, onDone }: { detail: ItemDetail; onDone: (what: string) => void }) {
  const { message } = App.useApp();
  const p = detail.item.pending;
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  if (!p) return null;
  const kind = p.kind === 'withdraw' ? '撤稿' : '更正';
  const decide = async (approve: boolean) => {
    setBusy(true);
    try {
      await api.post(`/publications/items/${detail.item.id}/${p.kind === 'withdraw' ? 'withdrawal' : 'correction'}/${approve ? 'approve' : 'reject'}`, { comment: comment || undefined });
      const done = approve ? `已批准${kind}` : `已驳回${kind}申请`;
      message.success(done);
      onDone(done);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const changes = p.changes ?? {};
  return (
    <Card size="small" title={<Space><Tag color="warning">待批准</Tag>{kind}申请</Space>}>
      <Descriptions size="small" column={1} items={[
        { key: 'who', label: '申请人', children: `${p.requestedByName}（${formatTime(p.requestedAt)}）` },
        { key: 'why', label: p.kind === 'withdraw' ? '撤稿理由' : '更正说明', children: p.reason },
        ...Object.keys(changes).length ? [{
          key: 'what', label: '更正内容', children: (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {changes.title !== undefined && <li>标题改为：{changes.title}</li>}
              {changes.summary !== undefined && <li>内容概述改为：{changes.summary}</li>}
              {changes.bodyHtml !== undefined && <li>正文已修改</li>}
              {Object.keys(changes).filter((k) => !['title', 'summary', 'bodyHtml'].includes(k)).map((k) => <li key={k}>{k} 已修改</li>)}
            </ul>
          ),
        }] : [],
      ]} />
      {detail.can.decidePending ? (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea aria-label="批准意见" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="意见（可选）" />
          <Space wrap>
            <Button type="primary" danger={p.kind === 'withdraw'} loading={busy} onClick={() => void decide(true)}>批准{kind}</Button>
            <Button loading={busy} onClick={() => void decide(false)}>驳回申请</Button>
          </Space>
        </Space>
      ) : <Typography.Text type="secondary">等待终审环节人员批准。</Typography.Text>}
    </Card>
  );
}

export function RequestChangeCard({ detail, onDone }: { detail: ItemDetail; onDone: (what: string) => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<'withdraw' | 'correct' | null>(null);
  const [form] = Form.useForm<{ reason: string; title: string; summary: string; bodyHtml: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const i = detail.item;

  const send = async () => {
    setError(null);
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      if (open === 'withdraw') await api.post(`/publications/items/${i.id}/withdrawal`, { reason: v.reason });
      else {
        const changes: Record<string, string> = {};
        if (v.title !== i.title) changes.title = v.title;
        if (v.summary !== i.summary) changes.summary = v.summary;
        if (v.bodyHtml !== i.bodyHtml) changes.bodyHtml = v.bodyHtml;
        await api.post(`/publications/items/${i.id}/correction`, { reason: v.reason, changes });
      }
      const done = open === 'withdraw' ? '撤稿申请已提交' : '更正申请已提交';
      message.success(done);
      setOpen(null);
      onDone(done);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const start = (k: 'withdraw' | 'correct') => {
    form.setFieldsValue({ reason: '', title: i.title, summary: i.summary, bodyHtml: i.bodyHtml });
    setError(null);
    setOpen(k);
  };

  return (
    <Card size="small" title="撤稿与更正">
      <Typography.Paragraph type="secondary">已发布的信息须经终审环节批准才能撤稿或更正；索引号和发布日期不变，原网址显示撤稿说明或更正记录。</Typography.Paragraph>
      <Space wrap>
        <Button danger onClick={() => start('withdraw')}>申请撤稿</Button>
        <Button onClick={() => start('correct')}>申请更正</Button>
      </Space>
      <Modal open={open !== null} title={open === 'withdraw' ? '申请撤稿' : '申请更正'} onCancel={() => setOpen(null)} onOk={() => void send()}
        okText="提交申请" cancelText="取消" confirmLoading={busy} width={open === 'correct' ? 860 : 520} forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={open === 'withdraw' ? '撤稿理由' : '更正说明'} rules={[{ required: true, whitespace: true, message: open === 'withdraw' ? '请填写撤稿理由' : '请填写更正说明' }]}
            extra="将在原网址公开显示">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          {open === 'correct' && (
            <>
              <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}><Input maxLength={200} /></Form.Item>
              <Form.Item name="summary" label="内容概述"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
              <Form.Item name="bodyHtml" label="正文"><RichEditor label="更正后的正文" /></Form.Item>
            </>
          )}
        </Form>
        {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
      </Modal>
    </Card>
  );
}
