/**
 * 发布统计: published items per unit and month of a year as a stacked bar chart (ECharts, only its bar chart,
 * grid, tooltip and legend parts, loaded with this page), with the same numbers as a table — the chart's text
 * alternative for screen readers and for copying.
 */
import { App, Card, Flex, InputNumber, Space, Table, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import type { MonthCount } from './types';

// No AriaComponent: it would overwrite the container's label; the table below is the text alternative.
use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

interface Row {
  unitId: string;
  name: string;
  counts: number[];
  late: number[];
  total: number;
}

export default function ChartPage() {
  useTitle('发布统计');
  const { message } = App.useApp();
  const { units } = useUnits();
  const [year, setYear] = useState(new Date().getFullYear());
  const [unitId, setUnitId] = useState<string | null>(null);
  const [data, setData] = useState<MonthCount[]>([]);
  const [loading, setLoading] = useState(false);
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api.get<{ items: MonthCount[] }>(`/publications/monthly${query({ year, unitId })}`)
      .then((r) => live && setData(r.items), (e) => { if (!isHandledByRedirect(e)) message.error(errorMessage(e)); })
      .finally(() => live && setLoading(false));
    return () => { live = false; };
  }, [year, unitId, message]);

  const rows = useMemo<Row[]>(() => {
    const by = new Map<string, Row>();
    for (const m of data) {
      const r = by.get(m.unitId) ?? { unitId: m.unitId, name: units.find((u) => u.id === m.unitId)?.shortName || units.find((u) => u.id === m.unitId)?.name || '', counts: Array(12).fill(0) as number[], late: Array(12).fill(0) as number[], total: 0 };
      const i = Number(m.month.slice(5, 7)) - 1;
      if (i >= 0 && i < 12) {
        r.counts[i] = (r.counts[i] ?? 0) + m.count;
        r.late[i] = (r.late[i] ?? 0) + m.late;
        r.total += m.count;
      }
      by.set(m.unitId, r);
    }
    return [...by.values()].sort((a, b) => b.total - a.total);
  }, [data, units]);

  useEffect(() => {
    if (!el.current) return;
    chart.current ??= init(el.current, undefined, { renderer: 'canvas' });
    chart.current.setOption({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: MONTHS.map((m) => `${Number(m)}月`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: rows.map((r) => ({ name: r.name, type: 'bar', stack: 'total', data: r.counts })),
    }, true);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, [rows]);
  useEffect(() => () => { chart.current?.dispose(); chart.current = null; }, []);

  const grand = rows.reduce((n, r) => n + r.total, 0);
  const summary = `${year}年${unitId ? units.find((u) => u.id === unitId)?.name ?? '' : '各单位'}共发布 ${grand} 条信息；各月数字见下表。`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>发布统计</Typography.Title>
      <Flex gap={8} wrap align="center">
        <label htmlFor="gk-year">年度</label>
        <InputNumber id="gk-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <UnitTreeSelect aria-label="单位" units={units} value={unitId} allowClear placeholder="全部可查看的单位" onChange={setUnitId} style={{ minWidth: 260 }} />
      </Flex>
      <Card size="small" title="每月发布数（按单位堆叠）">
        <div ref={el} role="img" aria-label={summary} style={{ width: '100%', height: 360 }} />
      </Card>
      <Card size="small" title="每月发布数（表格）">
        <Table<Row> rowKey="unitId" size="small" loading={loading} dataSource={rows} pagination={false} scroll={{ x: 1000 }}
          caption={<Typography.Text type="secondary">{summary}括号内为超过发布时限的条数。</Typography.Text>}
          locale={{ emptyText: '该年度没有发布信息' }}
          columns={[
            { title: '单位', dataIndex: 'name', fixed: 'left', width: 140 },
            ...MONTHS.map((m, i) => ({
              title: `${Number(m)}月`, key: m, width: 64, align: 'right' as const,
              render: (_: unknown, r: Row) => <span>{r.counts[i]}{r.late[i] ? <Typography.Text type="danger">（{r.late[i]}）</Typography.Text> : null}</span>,
            })),
            { title: '合计', dataIndex: 'total', width: 70, align: 'right' as const },
          ]} />
      </Card>
    </Space>
  );
}
