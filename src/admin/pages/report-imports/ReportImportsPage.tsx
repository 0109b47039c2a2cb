/**
 * 历史年报导入 (issue 6 item 4): upload one or many published reports — each file is sent on its own so every file
 * shows its own status (reading, read as template/year, or why it could not be read) — and the list of stored
 * imports (待核对 / 已存入 / 已放弃) to open for review. Nothing uploaded is lost: a review can be resumed later or by
 * a colleague.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { formatTime } from '../../app/format';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { TEMPLATE_LABELS, type ImportStatus, type ImportSummary } from './types';

interface FileState {
  key: string;
  name: string;
  state: 'waiting' | 'reading' | 'done' | 'failed';
  message?: string;
  item?: ImportSummary;
}

const STATE_TAG: Record<FileState['state'], { color: string; text: string }> = {
  waiting: { color: 'default', text: '等待上传' },
  reading: { color: 'processing', text: '正在读取' },
  done: { color: 'success', text: '已读取' },
  failed: { color: 'error', text: '无法读取' },
};

const TABS: { key: ImportStatus; label: string }[] = [
  { key: 'pending', label: '待核对' },
  { key: 'accepted', label: '已存入年报历史' },
  { key: 'discarded', label: '已放弃' },
];

export default function ReportImportsPage() {
  useTitle('历史年报导入');
  const { message } = App.useApp();
  const { units } = useUnits();
  const [params, setParams] = useSearchParams();
  const status = (TABS.find((t) => t.key === params.get('status'))?.key ?? 'pending') as ImportStatus;
  const [unitId, setUnitId] = useState<string | null>(null);
  const [files, setFiles] = useState<FileState[]>([]);
  const [busy, setBusy] = useState(false);
  const [rows, setRows] = useState<ImportSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows((await api.get<{ items: ImportSummary[] }>(`/report-imports${query({ status })}`)).items);
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [status, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const uploadAll = async (list: File[]) => {
    const batch: FileState[] = list.map((f) => ({ key: `f${++seq.current}`, name: f.name, state: 'waiting' }));
    setFiles(batch);
    setBusy(true);
    const set = (key: string, patch: Partial<FileState>) => setFiles((fs) => fs.map((f) => (f.key === key ? { ...f, ...patch } : f)));
    // One request per file, in turn: each file gets its own status, and one unreadable file does not hold back the rest.
    for (const [i, file] of list.entries()) {
      const key = batch[i]!.key;
      set(key, { state: 'reading' });
      const fd = new FormData();
      if (unitId) fd.append('unitId', unitId);
      fd.append('file', file, file.name);
      try {
        const res = await api.post<{ items: ImportSummary[] }>('/report-imports', fd);
        set(key, { state: 'done', item: res.items[0] });
      } catch (e) {
        set(key, { state: 'failed', message: errorMessage(e) });
      }
    }
    setBusy(false);
    if (status === 'pending') void load();
    else setParams({ status: 'pending' });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>历史年报导入</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        上传已经发布的政府信息公开工作年度报告（网页 HTML 或文本，可一次选择多个文件，GBK 编码和繁体字均可）。系统读取表格或附表中的数字并标出出处；原文没有写明的单元格记为“未载明”，不会当作 0。上传的文件都会保存，核对可以随时继续，也可以由其他工作人员接着核对；核对、必要时人工更正后，存入单位的年报历史。
      </Typography.Paragraph>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>上传年报</h2>}>
        <Space wrap align="center">
          <label htmlFor="import-unit">存入单位（可稍后选择）：</label>
          <UnitTreeSelect id="import-unit" units={units} value={unitId} onChange={setUnitId} allowClear placeholder="稍后在核对时选择" style={{ width: 260 }} aria-label="存入单位（可稍后选择）" />
          <Upload
            multiple
            accept=".txt,.htm,.html,.shtml,.xhtml"
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file, list) => {
              if (file === list[list.length - 1]) void uploadAll(list as unknown as File[]);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} type="primary">选择年报文件</Button>
          </Upload>
        </Space>
        {files.length > 0 && (
          <ul aria-label="本次上传的文件" aria-live="polite" style={{ listStyle: 'none', padding: 0, margin: '12px 0 0' }}>
            {files.map((f) => (
              <li key={f.key} style={{ padding: '4px 0' }}>
                <Space wrap>
                  <Typography.Text strong>{f.name}</Typography.Text>
                  <Tag color={STATE_TAG[f.state].color}>{STATE_TAG[f.state].text}</Tag>
                  {f.item && (
                    <>
                      <span>
                        {TEMPLATE_LABELS[f.item.template]}，{f.item.year ? `${f.item.year} 年度` : '年度未识别'}，读取 {f.item.cellsRead}/{f.item.cellsTotal} 个单元格
                      </span>
                      <Link to={`/reports/imports/${f.item.id}`}>核对 {f.name}</Link>
                    </>
                  )}
                  {f.message && <Typography.Text type="danger">{f.message}</Typography.Text>}
                </Space>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Tabs activeKey={status} onChange={(k) => setParams({ status: k })} items={TABS.map((t) => ({ key: t.key, label: t.label }))} />
      {status === 'pending' && rows.some((r) => !r.unitId) && <Alert type="info" showIcon message="尚未选择单位的导入，请在核对页面选择存入哪个单位。" />}
      <Table<ImportSummary>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: status === 'pending' ? '没有待核对的导入' : '没有记录' }}
        columns={[
          { title: '文件', dataIndex: 'filename', render: (f: string, r) => <Link to={`/reports/imports/${r.id}`}>{f}</Link> },
          { title: '格式', dataIndex: 'template', render: (t: ImportSummary['template']) => TEMPLATE_LABELS[t] },
          { title: '年度', dataIndex: 'year', render: (y: number | null) => y ?? <Tag color="red">未识别</Tag> },
          { title: '存入单位', render: (_: unknown, r) => r.unitName ?? <Typography.Text type="secondary">未选择（原文：{r.detected.unitName ?? '未写明'}）</Typography.Text> },
          { title: '读取单元格', render: (_: unknown, r) => `${r.cellsRead ?? 0}/${r.cellsTotal ?? 0}` },
          { title: '人工更正', dataIndex: 'correctionCount' },
          {
            title: '勾稽校验',
            render: (_: unknown, r) => (r.findings ? (r.findings.ok ? <Tag color="green">无错误</Tag> : <Tag color="red">{r.findings.errors} 项错误</Tag>) : '—'),
          },
          { title: '上传', render: (_: unknown, r) => `${r.uploadedByName ?? ''} ${formatTime(r.uploadedAt)}` },
          {
            title: '状态',
            render: (_: unknown, r) => (r.acceptedReportId ? <Link to={`/reports/${r.acceptedReportId}`}>{r.statusLabel}</Link> : r.statusLabel),
          },
        ]}
      />
    </Space>
  );
}
