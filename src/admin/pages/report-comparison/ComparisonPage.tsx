/**
 * 年报对比 (issue 6 item 5): a supervising unit compares its own and its units' accepted and published annual reports
 * (computed here or imported from published history) year by year — key figures, trend and outcome-mix charts with
 * their numbers in tables, 勾稽 findings, notes on what older formats give only approximately — and downloads XLSX.
 */
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Flex, InputNumber, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { API_BASE, api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { useQueryParams } from '../../app/use-query-params';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { OutcomeChart, TrendChart } from './Charts';
import { FiguresTable } from './FiguresTable';
import { FindingsPanel } from './FindingsPanel';
import { TEMPLATE_LABELS, type Comparison } from './types';

export default function ComparisonPage() {
  useTitle('年报对比');
  const { message } = App.useApp();
  const { units } = useUnits();
  const [params, set] = useQueryParams();
  const parents = useMemo(() => units.filter((u) => units.some((c) => c.parentId === u.id)), [units]);
  const unit = params.get('unit') ?? parents[0]?.id ?? units[0]?.id ?? null;
  const lastYear = new Date().getFullYear() - 1;
  const to = Number(params.get('to')) || lastYear;
  const from = Number(params.get('from')) || Math.max(2008, to - 4);
  const [data, setData] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    if (!unit) return;
    setLoading(true);
    try {
      setData(await api.get<Comparison>(`/reports/comparison${query({ unit, from, to })}`));
      setError(null);
    } catch (e) {
      if (!isHandledByRedirect(e)) setError(errorMessage(e));
      setData(null);
    } finally {
      setLoading(false);
    }
  }, [unit, from, to]);
  useEffect(() => void load(), [load]);
  useEffect(() => { if (error) message.error(error); }, [error, message]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>年报对比</Typography.Title>
        <Space wrap>
          <UnitTreeSelect aria-label="汇总单位" units={units} value={unit} onChange={(v) => set('unit', v)} style={{ minWidth: 240 }} />
          <label htmlFor="cmp-from">起始年度</label>
          <InputNumber id="cmp-from" min={2008} max={to} value={from} onChange={(v) => v && set('from', String(v))} />
          <label htmlFor="cmp-to">截止年度</label>
          <InputNumber id="cmp-to" min={from} max={lastYear + 1} value={to} onChange={(v) => v && set('to', String(v))} />
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>刷新</Button>
          <Button icon={<DownloadOutlined />} href={`${API_BASE}/reports/comparison/export${query({ unit, from, to })}`} disabled={!data}>下载 XLSX</Button>
        </Space>
      </Flex>
      {error && <Alert type="error" showIcon message={error} />}
      {data && (
        <>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {data.unit.name}及所属 {data.units.length - 1} 个单位 {data.from}–{data.to} 年已审核通过或已公开的年度报告（系统生成或历史导入）。
            “—”表示原报告未载明或该格式没有此项（不按 0 计）；“≈”表示较早格式只能近似对应的指标。被纠错率 = 复议和诉讼结果纠正数 ÷ 已审结数（不含尚未审结）。
          </Typography.Paragraph>
          {data.notes.length > 0 && (
            <Collapse items={[{
              key: 'notes',
              label: `口径说明：${data.mixedTemplates ? '所选年度的报告使用了不同格式，' : ''}${data.notes.length} 项指标与2021年格式不完全可比`,
              children: (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {data.notes.map((n) => <li key={`${n.template}-${n.figure}`}>{TEMPLATE_LABELS[n.template]} · {n.label}：{n.basis === 'absent' ? '该格式无此指标（空）。' : ''}{n.note}</li>)}
                </ul>
              ),
            }]} />
          )}
          {data.missing.length > 0 && (
            <Alert type="info" showIcon message={`${data.missing.length} 个单位年度未纳入比较（没有已审核通过或已公开的报告）`}
              description={data.missing.slice(0, 12).map((m) => `${m.unitName} ${m.year}年（${m.statusLabel}）`).join('、') + (data.missing.length > 12 ? ' 等' : '')} />
          )}
          <Tabs items={[
            { key: 'figures', label: '关键数据', children: <Card><FiguresTable c={data} /></Card> },
            { key: 'charts', label: '图表', children: <Space orientation="vertical" size={16} style={{ width: '100%' }}><TrendChart c={data} /><OutcomeChart c={data} /></Space> },
            { key: 'findings', label: `勾稽校验（${data.rows.filter((r) => r.findings.errors > 0).length} 份有错误）`, children: <Card><FindingsPanel c={data} /></Card> },
          ]} />
        </>
      )}
    </Space>
  );
}
