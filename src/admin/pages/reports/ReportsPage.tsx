/** 年度报告: every unit the user may see, with its report's status and deadline for a year; open or start a draft. */
import { FileAddOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, InputNumber, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { useTitle } from '../../app/use-title';
import { DueText, StatusTag } from './StatusTag';
import { defaultReportYear, type ReportRecord, type StatusRow } from './types';

export default function ReportsPage() {
  useTitle('年度报告');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || defaultReportYear();
  const [rows, setRows] = useState<StatusRow[]>([]);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows((await api.get<{ items: StatusRow[] }>(`/reports${query({ year })}`)).items);
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [year, message]);
  useEffect(() => void load(), [load]);

  const start = async (unitId: string) => {
    setCreating(unitId);
    try {
      const { report } = await api.post<{ report: ReportRecord }>('/reports', { unitId, year });
      message.success('已按办理记录生成草稿');
      navigate(`/reports/${report.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setCreating(null);
    }
  };

  const columns: TableColumnsType<StatusRow> = [
    {
      title: '单位', dataIndex: 'unitName',
      render: (name: string, r) => (r.reportId ? <Link to={`/reports/${r.reportId}`} aria-label={`打开${name}${year}年度报告`}>{name}</Link> : name),
    },
    { title: '状态', dataIndex: 'status', render: (_, r) => <StatusTag row={r} /> },
    { title: '报送期限', dataIndex: 'due', render: (_, r) => <DueText row={r} /> },
    { title: '退回意见', dataIndex: 'returnComment', responsive: ['lg'], render: (c: string | null, r) => (r.status === 'returned' ? c : null) },
    {
      title: '操作', key: 'op',
      render: (_, r) => r.reportId
        ? <Link to={`/reports/${r.reportId}`}>打开</Link>
        : <Button size="small" icon={<FileAddOutlined />} loading={creating === r.unitId} onClick={() => void start(r.unitId)}>生成草稿</Button>,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>年度报告</Typography.Title>
        <Space wrap>
          <label htmlFor="report-year">年度</label>
          <InputNumber id="report-year" min={2008} max={new Date().getFullYear()} value={year} onChange={(v) => v && setParams({ year: String(v) }, { replace: true })} />
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
          <Link to={`/reports/board?year=${year}`}>汇总看板</Link>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        《条例》第四十九条：各部门于每年1月31日前向本级政府信息公开工作主管部门报送并向社会公布上一年度报告；县级以上人民政府于每年3月31日前公布本级政府年度报告。
      </Typography.Paragraph>
      {reminder(rows)}
      <Card>
        <Table rowKey="unitId" columns={columns} dataSource={rows} loading={loading} pagination={false} size="middle" />
      </Card>
    </Space>
  );
}

/** Deadline reminder: units past their deadline and not published, and those due within 30 days. */
function reminder(rows: StatusRow[]) {
  const late = rows.filter((r) => r.late);
  const soon = rows.filter((r) => !r.late && r.status !== 'published' && r.daysLeft <= 30);
  if (!late.length && !soon.length) return null;
  return (
    <Alert type={late.length ? 'error' : 'warning'} showIcon message="报送期限提醒" description={[
      late.length ? `已逾期未公开：${late.map((r) => r.unitName).join('、')}` : '',
      soon.length ? `30天内到期：${soon.map((r) => `${r.unitName}（${r.due}）`).join('、')}` : '',
    ].filter(Boolean).join('；')} />
  );
}
