/**
 * 用语检查报告 (issue 4 item 11): the checks before publication run again over a unit's published items of a period
 * (or what is in review, or the drafts) with today's wording dictionary. A published item with a 阻止发布 finding
 * that a later dictionary entry found comes first: the office corrects or withdraws it. Each row opens to its
 * findings; the whole report downloads as XLSX.
 */
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { formatTime } from '../../app/format';
import { useTitle } from '../../app/use-title';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { findingPlace } from './CheckPanel';
import { useColumns, usePubUnit } from './use-pub-data';
import { FINDING_KIND_LABELS, ITEM_STATUS_LABELS, type CheckFinding, type ItemStatus } from './types';

type Scope = 'published' | 'pending' | 'draft';
type Finding = CheckFinding & { attachmentName?: string };
interface ReportRow {
  item: { id: string; unitId: string; columnId: string; title: string; status: ItemStatus; indexNumber: string | null; docNumber: string | null; createdOn: string; publishedOn: string | null };
  block: number;
  warn: number;
  byKind: Partial<Record<CheckFinding['kind'], number>>;
  findings: Finding[];
}
interface Report {
  dictionaryVersion: string;
  checkedAt: string;
  checked: number;
  withFindings: number;
  withBlock: number;
  counts: { kind: CheckFinding['kind']; severity: CheckFinding['severity']; findings: number; items: number }[];
  total: number;
  rows: ReportRow[];
}

const SCOPES: { value: Scope; label: string }[] = [
  { value: 'published', label: '已发布（按发布日期）' }, { value: 'pending', label: '审核中和待发布（按生成日期）' }, { value: 'draft', label: '草稿（按生成日期）' },
];
const SEVERITY = { block: '阻止发布', warn: '提示' } as const;
const PAGE = 20;

export default function CheckReportPage() {
  useTitle('用语检查报告');
  const { message } = App.useApp();
  const { units, unitId, setUnitId } = usePubUnit();
  const { byId } = useColumns(unitId);
  const [scope, setScope] = useState<Scope>('published');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [kind, setKind] = useState<CheckFinding['kind'] | undefined>();
  const [severity, setSeverity] = useState<CheckFinding['severity'] | undefined>();
  const [page, setPage] = useState(1);
  const [report, setReport] = useState<Report | null>(null);
  const [loading, setLoading] = useState(false);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const filter = { unitId: unitId ?? undefined, scope, from, to, kind, severity };

  const load = useCallback(async () => {
    if (!unitId) return;
    setLoading(true);
    try {
      setReport(await api.get<Report>(`/publications/check-report${query({ unitId, scope, from, to, kind, severity, offset: (page - 1) * PAGE, limit: PAGE })}`));
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [unitId, scope, from, to, kind, severity, page, message]);
  useEffect(() => {
    void load();
  }, [load]);
  const reset = () => setPage(1);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>用语检查报告</Typography.Title>
        <Space wrap>
          <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>重新检查</Button>
          <Button icon={<DownloadOutlined />} href={`/api/v1/publications/check-report.xlsx${query(filter)}`} disabled={!unitId}>导出 XLSX</Button>
        </Space>
      </Flex>
      <Flex gap={8} wrap>
        <UnitTreeSelect aria-label="单位" units={units} value={unitId} onChange={(v) => { if (v) { setUnitId(v); reset(); } }} style={{ width: 300, maxWidth: '100%' }} />
        <Select aria-label="检查范围" value={scope} style={{ width: 230 }} options={SCOPES} onChange={(v: Scope) => { setScope(v); reset(); }} />
        <DatePicker.RangePicker aria-label="日期范围" value={range} allowClear={false} onChange={(v) => { if (v?.[0] && v[1]) { setRange([v[0], v[1]]); reset(); } }} />
        <Select aria-label="问题类型" allowClear placeholder="全部类型" value={kind} style={{ width: 130 }} onChange={(v?: CheckFinding['kind']) => { setKind(v); reset(); }}
          options={(['wording', 'personalData', 'link'] as const).map((k) => ({ value: k, label: FINDING_KIND_LABELS[k] }))} />
        <Select aria-label="严重程度" allowClear placeholder="全部程度" value={severity} style={{ width: 130 }} onChange={(v?: CheckFinding['severity']) => { setSeverity(v); reset(); }}
          options={(['block', 'warn'] as const).map((k) => ({ value: k, label: SEVERITY[k] }))} />
      </Flex>
      {report && (
        <Typography.Paragraph style={{ margin: 0 }} role="status">
          用现行词库检查 <strong>{report.checked}</strong> 条信息，其中 <strong>{report.withFindings}</strong> 条有问题，
          <Typography.Text type={report.withBlock ? 'danger' : undefined} strong>{report.withBlock}</Typography.Text> 条有阻止发布的问题
          {scope === 'published' && report.withBlock > 0 && '（已发布的信息请及时更正或撤稿）'}。
          <Typography.Text type="secondary">检查时间 {formatTime(report.checkedAt)}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Card size="small" title="按类型统计">
        <Table rowKey={(c) => `${c.kind}:${c.severity}`} size="small" dataSource={report?.counts ?? []} pagination={false} scroll={{ x: 420 }}
          locale={{ emptyText: '没有发现问题' }} columns={[
            { title: '类型', dataIndex: 'kind', render: (k: CheckFinding['kind']) => FINDING_KIND_LABELS[k] },
            { title: '严重程度', dataIndex: 'severity', render: (s: CheckFinding['severity']) => <Tag color={s === 'block' ? 'red' : 'orange'}>{SEVERITY[s]}</Tag> },
            { title: '问题数', dataIndex: 'findings', width: 90 },
            { title: '涉及信息', dataIndex: 'items', width: 90 },
          ]} />
      </Card>
      <Card size="small" title={`有问题的信息（${report?.total ?? 0}），问题最严重的在前`}>
        <Table<ReportRow> rowKey={(r) => r.item.id} size="small" loading={loading} dataSource={report?.rows ?? []} scroll={{ x: 860 }}
          locale={{ emptyText: '所选范围内没有发现问题' }}
          pagination={{ current: page, pageSize: PAGE, total: report?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: setPage }}
          expandable={{
            expandedRowRender: (r) => (
              <ul className="gk-report-findings" aria-label={`“${r.item.title}”的问题`}>
                {r.findings.map((f, i) => (
                  <li key={i}>
                    <Tag color={f.severity === 'block' ? 'red' : 'orange'}>{SEVERITY[f.severity]}</Tag>
                    <Typography.Text type="secondary">{findingPlace(f, () => f.attachmentName)}</Typography.Text>{' '}
                    {f.message}{f.excerpt && <Typography.Text type="secondary">（“<mark>{f.excerpt}</mark>”）</Typography.Text>}
                  </li>
                ))}
              </ul>
            ),
          }}
          columns={[
            {
              title: '标题', key: 'title', render: (_: unknown, r) => (
                <Space orientation="vertical" size={0}>
                  <Link to={r.item.status === 'draft' ? `/publications/${r.item.id}/edit` : `/publications/${r.item.id}`}>{r.item.title}</Link>
                  {r.item.indexNumber && <Typography.Text type="secondary">{r.item.indexNumber}</Typography.Text>}
                </Space>
              ),
            },
            { title: '栏目', key: 'column', width: 120, render: (_: unknown, r) => byId.get(r.item.columnId)?.name ?? '—' },
            { title: scope === 'published' ? '发布日期' : '生成日期', key: 'date', width: 110, render: (_: unknown, r) => (scope === 'published' ? r.item.publishedOn : r.item.createdOn) ?? '—' },
            { title: '状态', key: 'status', width: 100, render: (_: unknown, r) => ITEM_STATUS_LABELS[r.item.status] },
            { title: '阻止发布', dataIndex: 'block', width: 90, render: (n: number) => (n ? <Typography.Text type="danger" strong>{n}</Typography.Text> : 0) },
            { title: '提示', dataIndex: 'warn', width: 70 },
            {
              title: '类型', key: 'kinds', width: 170, render: (_: unknown, r) => (
                <Space size={4} wrap>{Object.entries(r.byKind).map(([k, n]) => <Tag key={k}>{FINDING_KIND_LABELS[k as CheckFinding['kind']]} {n}</Tag>)}</Space>
              ),
            },
          ]} />
      </Card>
    </Space>
  );
}
