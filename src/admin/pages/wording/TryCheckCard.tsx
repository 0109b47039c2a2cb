/** Paste a text and see what the checks before publication find in it (the same checks as at submission). */
import { Alert, App, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import type { CheckFinding } from './types';

export function TryCheckCard({ unitId }: { unitId: string }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [result, setResult] = useState<CheckFinding[] | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const bodyHtml = text.split(/\n/).map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');
      setResult((await api.post<{ findings: CheckFinding[] }>('/publication-checks/check', { unitId, bodyHtml })).findings);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="试一试" size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.TextArea aria-label="要检查的文字" rows={4} value={text} onChange={(e) => setText(e.target.value)} placeholder="粘贴一段文字，查看按本单位词库和个人信息规则的检查结果" maxLength={20000} />
        <Button onClick={() => void run()} loading={busy} disabled={!text.trim()}>检查</Button>
        {result && result.length === 0 && <Alert type="success" showIcon title="未发现问题" />}
        {result && result.length > 0 && (
          <List size="small" dataSource={result} renderItem={(f) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <Space>
                  <Tag color={f.severity === 'block' ? 'red' : 'orange'}>{f.severity === 'block' ? '阻止发布' : '提示'}</Tag>
                  <Typography.Text>{f.message}</Typography.Text>
                </Space>
                <Typography.Text type="secondary">{f.excerpt}{f.start !== undefined ? `（第${f.start + 1}字起）` : ''}</Typography.Text>
              </Space>
            </List.Item>
          )} />
        )}
      </Space>
    </Card>
  );
}
