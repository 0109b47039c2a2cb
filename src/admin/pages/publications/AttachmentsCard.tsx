/**
 * Attachments of an item: upload (type judged by content on the server; a wrong type or a too large file is
 * shown with the file's name), download (always as a download), delete while the item is a draft.
 */
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import type { ItemAttachment } from './types';

/** Mirrors src/domain/publications/item-attachments.ts and the accepted types; the server decides by content. */
const MAX_BYTES = 50 * 1024 * 1024;
export const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.wps,.et,.ofd,.jpg,.jpeg,.png,.gif,.txt,.zip';

export const formatSize = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function AttachmentsCard({ itemId, attachments, editable, onChanged }: {
  itemId: string | null;
  attachments: ItemAttachment[];
  editable: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    if (!itemId) return;
    if (file.size > MAX_BYTES) {
      setErrors((e) => [...e, `“${file.name}”超过 50 MB，请压缩或拆分后上传`]);
      return;
    }
    setBusy(true);
    try {
      const fd = new FormData();
      fd.append('file', file, file.name);
      await api.post(`/publications/items/${itemId}/attachments`, fd);
      message.success(`已上传“${file.name}”`);
      onChanged();
    } catch (e) {
      setErrors((old) => [...old, `“${file.name}”未上传：${errorMessage(e)}`]);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (a: ItemAttachment) => {
    try {
      await api.del(`/publications/items/${itemId}/attachments/${a.id}`);
      message.success(`已删除“${a.filename}”`);
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card size="small" title="附件" extra={editable && itemId && (
      <Upload accept={ACCEPT} multiple showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }}>
        <Button icon={<UploadOutlined />} loading={busy}>上传附件</Button>
      </Upload>
    )}>
      {!itemId && <Typography.Text type="secondary">保存草稿后可上传附件（PDF、DOC/DOCX、XLS/XLSX、OFD、图片，单个不超过 50 MB）。</Typography.Text>}
      {errors.length > 0 && (
        <Alert type="error" showIcon role="alert" closable onClose={() => setErrors([])} style={{ marginBottom: 8 }} title="部分文件未上传"
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{errors.map((m, i) => <li key={i}>{m}</li>)}</ul>} />
      )}
      {itemId && (
        <List size="small" locale={{ emptyText: '暂无附件' }} dataSource={attachments} renderItem={(a) => (
          <List.Item actions={[
            <Button key="dl" type="link" size="small" icon={<DownloadOutlined />} href={a.url} aria-label={`下载 ${a.filename}`}>下载</Button>,
            editable && (
              <Popconfirm key="del" title={`删除附件“${a.filename}”？`} okText="删除" cancelText="取消" onConfirm={() => void remove(a)}>
                <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${a.filename}`}>删除</Button>
              </Popconfirm>
            ),
          ].filter(Boolean)}>
            <Space><PaperClipOutlined aria-hidden /><span>{a.filename}</span><Typography.Text type="secondary">{formatSize(a.size)}</Typography.Text></Space>
          </List.Item>
        )} />
      )}
    </Card>
  );
}
