/**
 * Findings of the checks before publication (wording dictionary, personal data, mandatory metadata, internal
 * links), each with where it is (field, character position, attachment) and its severity. "阻止发布" findings
 * are errors: the item cannot be submitted or approved until they are fixed. In the editor, a finding's place is a
 * button that selects the text in the title, summary or body and scrolls to it.
 */
import { CheckCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { FINDING_FIELD_LABELS, FINDING_KIND_LABELS, type CheckFinding } from './types';

export function findingPlace(f: CheckFinding, attachmentName?: (id: string) => string | undefined): string {
  const field = f.field === 'attachment' && f.attachmentId ? `附件“${attachmentName?.(f.attachmentId) ?? ''}”` : FINDING_FIELD_LABELS[f.field];
  return f.start !== undefined ? `${field}第${f.start + 1}字` : field;
}

/** Findings the editor can show in place: a position in the title, the summary or the body. */
export const locatable = (f: CheckFinding) => f.start !== undefined && f.end !== undefined && f.end > f.start && (f.field === 'title' || f.field === 'summary' || f.field === 'body');

export function CheckPanel({ findings, loading, onRecheck, stale, attachmentName, onLocate, title = '发布前检查' }: {
  findings: CheckFinding[] | null;
  loading?: boolean;
  onRecheck?: () => void;
  /** The form has unsaved changes: the findings are of the saved version. */
  stale?: boolean;
  attachmentName?: (id: string) => string | undefined;
  /** Select the finding's text in the form (title/summary input, body editor) and scroll to it. */
  onLocate?: (f: CheckFinding) => void;
  title?: string;
}) {
  const blocks = findings?.filter((f) => f.severity === 'block') ?? [];
  const warns = findings?.filter((f) => f.severity === 'warn') ?? [];
  const sorted = [...blocks, ...warns];
  return (
    <Card size="small" title={title} extra={onRecheck && <Button size="small" icon={<ReloadOutlined />} loading={loading} onClick={onRecheck}>重新检查</Button>}>
      <section aria-label={title} aria-live="polite">
        {findings === null && <Typography.Text type="secondary">保存草稿后显示检查结果。</Typography.Text>}
        {stale && findings !== null && <Alert type="info" showIcon style={{ marginBottom: 8 }} title="有未保存的修改，以下是上次保存时的检查结果" />}
        {findings !== null && findings.length === 0 && (
          <Space><CheckCircleOutlined style={{ color: '#389e0d' }} aria-hidden /><Typography.Text>未发现问题</Typography.Text></Space>
        )}
        {findings !== null && findings.length > 0 && (
          <>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {blocks.length > 0 ? <Typography.Text type="danger" strong>{blocks.length} 个问题须修改后才能提交</Typography.Text> : '没有阻止发布的问题'}
              {warns.length > 0 && `；${warns.length} 个提示请审核人员判断`}
            </Typography.Paragraph>
            <List size="small" dataSource={sorted} renderItem={(f) => (
              <List.Item>
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap size={4}>
                    <Tag color={f.severity === 'block' ? 'red' : 'orange'}>{f.severity === 'block' ? '阻止发布' : '提示'}</Tag>
                    <Tag>{FINDING_KIND_LABELS[f.kind]}</Tag>
                    {onLocate && locatable(f) ? (
                      <Button size="small" type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onLocate(f)} aria-label={`${findingPlace(f, attachmentName)}（在编辑框中选中）`}>
                        {findingPlace(f, attachmentName)}
                      </Button>
                    ) : <Typography.Text type="secondary">{findingPlace(f, attachmentName)}</Typography.Text>}
                  </Space>
                  <Typography.Text type={f.severity === 'block' ? 'danger' : undefined}>{f.message}</Typography.Text>
                  {f.excerpt && <Typography.Text className="gk-finding-excerpt" type="secondary">“<mark>{f.excerpt}</mark>”</Typography.Text>}
                </Space>
              </List.Item>
            )} />
          </>
        )}
      </section>
    </Card>
  );
}
