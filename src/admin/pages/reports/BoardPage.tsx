/**
 * 汇总看板 (supervising office): every subordinate unit's report status for a year (including not started and late),
 * links to review them, the summary of accepted and published reports validated by the same rules, and each unit's
 * share of the key cells.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, InputNumber, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { API_BASE, api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { useQueryParams } from '../../app/use-query-params';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { ReportTables } from './ReportTables';
import { DueText, StatusTag } from './StatusTag';
import { defaultReportYear, type Board, type StatusRow, type Summary } from './types';
import { ValidationPanel } from './ValidationPanel';

const COUNT_LABELS: [string, string][] = [['notStarted', '未开始'], ['draft', '草稿'], ['submitted', '待审核'], ['returned', '已退回'], ['accepted', '已通过'], ['published', '已公开'], ['late', '逾期']];

export default function BoardPage() {
  useTitle('年度报告汇总看板');
  const { message } = App.useApp();
  const { units } = useUnits();
  const [params, set] = useQueryParams();
  const year = Number(params.get('year')) || defaultReportYear();
  const parents = useMemo(() => units.filter((u) => units.some((c) => c.parentId === u.id)), [units]);
  const unitId = params.get('unitId') ?? parents[0]?.id ?? null;
  const [board, setBoard] = useState<Board | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    if (!unitId) return;
    setLoading(true);
    try {
      const [b, s] = await Promise.all([api.get<Board>(`/reports/rollup${query({ unitId, year })}`), api.get<Summary>(`/reports/rollup/summary${query({ unitId, year })}`)]);
      setBoard(b);
      setSummary(s);
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [unitId, year, message]);
  useEffect(() => void load(), [load]);

  const names = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const flagged = useMemo(() => new Set(summary?.nullCells.map((c) => c.path) ?? []), [summary]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>年度报告汇总看板</Typography.Title>
        <Space wrap>
          <UnitTreeSelect aria-label="汇总单位" units={units} value={unitId} selectable={(u) => parents.some((p) => p.id === u.id)} onChange={(v) => set('unitId', v)} style={{ minWidth: 240 }} />
          <label htmlFor="board-year">年度</label>
          <InputNumber id="board-year" min={2008} max={new Date().getFullYear()} value={year} onChange={(v) => v && set('year', String(v))} />
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>刷新</Button>
        </Space>
      </Flex>
      {board && (
        <Card title={`${board.unit.name}所属单位 ${board.year} 年度报告（今天 ${board.today}）`}>
          <Flex gap={24} wrap style={{ marginBottom: 16 }}>
            {COUNT_LABELS.map(([k, label]) => <Statistic key={k} title={label} value={board.counts[k] ?? 0} valueStyle={k === 'late' && board.counts.late ? { color: '#cf1322' } : undefined} />)}
          </Flex>
          <Table<StatusRow> rowKey="unitId" size="middle" pagination={false} dataSource={board.rows} columns={[
            { title: '单位', dataIndex: 'unitName', render: (n: string, r) => (r.reportId ? <Link to={`/reports/${r.reportId}`} aria-label={`审核${n}的报告`}>{n}</Link> : n) },
            { title: '状态', key: 'status', render: (_, r) => <StatusTag row={r} /> },
            { title: '报送期限', key: 'due', render: (_, r) => <DueText row={r} /> },
            { title: '报送时间', dataIndex: 'submittedAt', responsive: ['md'], render: (t: string | null) => (t ? new Date(t).toLocaleString('zh-CN') : '—') },
            { title: '退回意见', dataIndex: 'returnComment', responsive: ['lg'], render: (c: string | null, r) => (r.status === 'returned' ? c : null) },
          ]} />
        </Card>
      )}
      {summary && (
        <Card title={`汇总报告（${summary.included.length} 个单位：已审核通过或已公开的报告）`} extra={
          <Space>{(['xlsx', 'docx', 'pdf', 'json'] as const).map((f) => <a key={f} href={`${API_BASE}/reports/rollup/summary/download/${f}${query({ unitId: unitId ?? '', year })}`}>下载 {f.toUpperCase()}</a>)}</Space>
        }>
          {summary.notIncluded.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`未计入：${summary.notIncluded.map((u) => `${u.unitName}（${u.status}）`).join('、')}`} />}
          {summary.nullCells.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`${summary.nullCells.length} 个单元格因有单位未填而无法合计（显示为“—”）`}
              description={summary.nullCells.slice(0, 8).map((c) => `${c.path}：${c.unitIds.map((id) => names.get(id) ?? id).join('、')}`).join('；')} />
          )}
          <Tabs items={[
            { key: 'tables', label: '汇总表', children: <ReportTables doc={summary.doc} computed={new Set()} manual={{}} editable={false} edits={{}} onEdit={() => {}} flagged={flagged} /> },
            { key: 'validation', label: `校验（错误 ${summary.validation.errors.length}）`, children: <ValidationPanel v={summary.validation} /> },
            {
              key: 'breakdown', label: '各单位占比', children: (
                <Table rowKey="unitId" size="small" bordered pagination={false} scroll={{ x: 'max-content' }} dataSource={summary.breakdown.rows} columns={[
                  { title: '单位', dataIndex: 'unitName', fixed: 'left' },
                  ...summary.breakdown.columns.map((c) => ({
                    title: <span>{c.label}<br /><Typography.Text type="secondary">合计 {c.total ?? '—'}</Typography.Text></span>,
                    key: c.path, align: 'right' as const,
                    render: (_: unknown, r: Summary['breakdown']['rows'][number]) => {
                      const cell = r.cells[c.path];
                      return cell?.value === null || cell === undefined ? '—' : `${cell.value}${cell.sharePct === null ? '' : `（${cell.sharePct}%）`}`;
                    },
                  })),
                ]} />
              ),
            },
          ]} />
        </Card>
      )}
    </Space>
  );
}
