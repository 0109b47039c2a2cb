/**
 * 申请材料 (Art. 29(一) proof of identity): upload a scan or photo (PDF/JPG/PNG), list what is attached and open
 * it. The files are personal data: the server seals them, shows them to the unit's handlers only, and records
 * every opening in the audit log (said here, so nobody is surprised).
 */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { API_BASE, api, errorMessage } from '../../api/client';
import { formatTime } from '../../app/format';
import type { ApplicationDetail } from './types';

interface EvidenceFile {
  id: string;
  filename: string;
  mime: string;
  createdAt: string;
}

export function EvidenceCard({ detail }: { detail: ApplicationDetail }) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const base = `/applications/${encodeURIComponent(detail.id)}/evidence`;

  const load = useCallback(async () => {
    try {
      setFiles((await api.get<{ items: EvidenceFile[] }>(base)).items);
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [base, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const upload = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    setUploading(true);
    try {
      await api.post(base, body);
      message.success('已上传，材料已加密保存');
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Card title="申请材料" size="small">
      <Typography.Paragraph type="secondary">身份证明等材料仅本单位经办人可查看，每次打开均记入审计日志。</Typography.Paragraph>
      <List
        size="small"
        locale={{ emptyText: '尚无材料' }}
        dataSource={files}
        renderItem={(f) => (
          <List.Item>
            <Space>
              <PaperClipOutlined aria-hidden />
              <a href={`${API_BASE}${base}/${encodeURIComponent(f.id)}`}>{f.filename}</a>
              <Typography.Text type="secondary">{formatTime(f.createdAt)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <input
        ref={input}
        id={`evidence-${detail.id}`}
        type="file"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        className="visually-hidden"
        aria-label="选择要上传的材料（PDF、JPG 或 PNG）"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
        }}
      />
      <Button icon={<UploadOutlined />} loading={uploading} onClick={() => input.current?.click()}>
        上传材料
      </Button>
    </Card>
  );
}
