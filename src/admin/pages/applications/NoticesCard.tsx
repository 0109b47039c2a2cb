/**
 * 告知书: generate each notice that applies to the application (DOCX to edit and seal, PDF for the applicant),
 * download the stored ones (plain links: same origin, the session cookie goes along) and open the print view.
 */
import { FileWordOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, List, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { API_BASE, api, errorMessage } from '../../api/client';
import { formatTime } from '../../app/format';
import { NOTICE_KINDS, type NoticeKind } from './codes';
import type { ApplicationDetail, GeneratedNotice, NoticeFile } from './types';

/** The notices whose facts exist: the server refuses the others with a message saying what is missing. */
export function applicableNotices(d: ApplicationDetail): NoticeKind[] {
  const has = (action: string, pred: (data: Record<string, unknown>) => boolean = () => true) => d.events.some((e) => e.action === action && pred(e.data ?? {}));
  const out: NoticeKind[] = [];
  if (d.receivedOn) out.push('receipt');
  if (has('requestCorrection')) out.push('correction');
  if (has('approveExtension')) out.push('extension');
  if (has('startConsultation', (x) => x.kind === 'thirdParty')) out.push('thirdParty');
  if (has('issueFeeNotice')) out.push('fee');
  if (d.repliedOn && d.reply) out.push('reply');
  return out;
}

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function NoticesCard({ detail }: { detail: ApplicationDetail }) {
  const { message, modal } = App.useApp();
  const [files, setFiles] = useState<NoticeFile[]>([]);
  const [busy, setBusy] = useState<NoticeKind | null>(null);
  const kinds = applicableNotices(detail);

  const load = useCallback(async () => {
    try {
      setFiles((await api.get<{ items: NoticeFile[] }>(`/applications/${detail.id}/notices`)).items);
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [detail.id, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const generate = async (kind: NoticeKind) => {
    setBusy(kind);
    try {
      const r = await api.post<GeneratedNotice>(`/applications/${detail.id}/notices`, { kind });
      message.success(`已生成${r.notice.shortName}（${r.notice.docNo}）`);
      await load();
    } catch (e) {
      modal.error({ title: `未能生成${NOTICE_KINDS[kind]}`, content: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const previewHref = (kind: NoticeKind) => `${API_BASE}/applications/${detail.id}/notices/preview?kind=${kind}`;

  return (
    <Card title="告知书" size="small">
      {kinds.length === 0 ? (
        <Typography.Paragraph type="secondary">登记并确认收到申请后，可生成登记回执；其他告知书在相应办理操作后生成。</Typography.Paragraph>
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {kinds.map((k) => (
            <Flex key={k} wrap gap={8} align="center" className="gk-notice-row">
              <Typography.Text strong style={{ minWidth: 120 }}>{NOTICE_KINDS[k]}</Typography.Text>
              <Button size="small" loading={busy === k} disabled={busy !== null && busy !== k} onClick={() => void generate(k)}>
                生成{NOTICE_KINDS[k]}
              </Button>
              <a href={previewHref(k)} target="_blank" rel="noopener" aria-label={`打印预览${NOTICE_KINDS[k]}（新窗口）`}>
                <PrinterOutlined /> 打印预览
              </a>
            </Flex>
          ))}
        </Space>
      )}
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>已生成的告知书</Typography.Title>
      <List<NoticeFile>
        size="small"
        dataSource={files}
        locale={{ emptyText: '尚未生成告知书' }}
        renderItem={(f) => {
          const pdf = f.filename.toLowerCase().endsWith('.pdf');
          return (
            <List.Item>
              <Flex wrap gap={8} align="center" style={{ width: '100%' }}>
                {pdf ? <FilePdfOutlined aria-hidden /> : <FileWordOutlined aria-hidden />}
                <a href={f.url} download={f.filename} aria-label={`下载 ${pdf ? 'PDF' : 'DOCX'}：${f.filename}`}>{f.filename}</a>
                <Typography.Text type="secondary">{pdf ? 'PDF' : 'DOCX'} · {sizeText(f.size)} · {formatTime(f.createdAt)}</Typography.Text>
              </Flex>
            </List.Item>
          );
        }}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        告知书载有申请人个人信息；生成、预览和下载均记入审计日志。DOCX 用于修改、打印和盖章，PDF 用于送达申请人。
      </Typography.Paragraph>
    </Card>
  );
}
