/**
 * Two charts, each followed by its text alternative (the same numbers in a table): a figure's trend by year per
 * unit (lines differ by style and symbol, not only colour), and the outcome mix of a year per unit (stacked bars
 * with decal patterns, shares in the table).
 */
import { Card, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { EChart, LINE_TYPES, SYMBOLS, type ChartOption } from './EChart';
import { OUTCOMES, show, type Comparison, type FigureKey } from './types';

const TREND_FIGURES: FigureKey[] = ['received', 'itemsPublished', 'handledTotal', 'disclosed', 'withheld', 'reconsiderationTotal', 'litigationTotal', 'correctedRate'];

export function TrendChart({ c }: { c: Comparison }) {
  const [key, setKey] = useState<FigureKey>('received');
  const figure = c.figures.find((f) => f.key === key)!;
  const units = useMemo(() => c.units.filter((u) => c.rows.some((r) => r.unitId === u.id)), [c]);
  const value = (unitId: string, year: number) => c.rows.find((r) => r.unitId === unitId && r.year === year)?.figures[key] ?? null;
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 48, right: 24, top: 48, bottom: 32 },
    xAxis: { type: 'category', data: c.years.map(String) },
    yAxis: { type: 'value', name: figure.unit, minInterval: figure.unit === '%' ? undefined : 1 },
    series: units.map((u, i) => ({
      type: 'line' as const, name: u.name, connectNulls: false,
      symbol: SYMBOLS[i % SYMBOLS.length], symbolSize: 9, lineStyle: { type: LINE_TYPES[i % LINE_TYPES.length] },
      data: c.years.map((y) => value(u.id, y)),
    })),
  }), [c, key, units]); // eslint-disable-line react-hooks/exhaustive-deps
  const label = `折线图：各单位${c.from}至${c.to}年“${figure.label}”的变化，具体数值见图下表格`;
  return (
    <Card title="分年度趋势" extra={
      <Space><label htmlFor="trend-figure">指标</label>
        <Select id="trend-figure" value={key} onChange={setKey} style={{ width: 180 }} options={TREND_FIGURES.map((k) => ({ value: k, label: c.figures.find((f) => f.key === k)!.label }))} />
      </Space>
    }>
      <figure style={{ margin: 0 }}>
        <EChart option={option} label={label} />
        <figcaption><Typography.Text type="secondary">图表数据（{figure.label}，“—”表示未载明或该年度无已通过的报告）：</Typography.Text></figcaption>
      </figure>
      <Table size="small" bordered pagination={false} rowKey="id" scroll={{ x: 'max-content' }} dataSource={units} columns={[
        { title: '单位', dataIndex: 'name' },
        ...c.years.map((y) => ({ title: `${y}年`, key: String(y), align: 'right' as const, render: (_: unknown, u: { id: string }) => show(value(u.id, y), figure.unit === '%' ? '%' : '') })),
      ]} />
    </Card>
  );
}

export function OutcomeChart({ c }: { c: Comparison }) {
  const years = useMemo(() => c.years.filter((y) => c.rows.some((r) => r.year === y)), [c]);
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked !== null && years.includes(picked) ? picked : (years[years.length - 1] ?? null);
  const rows = useMemo(() => c.rows.filter((r) => r.year === year), [c, year]);
  const labels = OUTCOMES.map((k) => c.figures.find((f) => f.key === k)!.label);
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 48, bottom: 24, containLabel: true },
    xAxis: { type: 'value', name: '件', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.unitName), inverse: true },
    series: OUTCOMES.map((k, i) => ({ type: 'bar' as const, stack: 'outcomes', name: labels[i], data: rows.map((r) => r.figures[k]) })),
  }), [rows]); // eslint-disable-line react-hooks/exhaustive-deps
  const share = (v: number | null, total: number | null) => (v === null ? '—' : total ? `${v}（${Math.round((v / total) * 1000) / 10}%）` : String(v));
  return (
    <Card title="办理结果构成" extra={
      <Space><label htmlFor="outcome-year">年度</label>
        <Select id="outcome-year" value={year ?? undefined} onChange={setPicked} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
      </Space>
    }>
      {year === null ? <Typography.Paragraph type="secondary">没有可比较的报告。</Typography.Paragraph> : (
        <>
          <figure style={{ margin: 0 }}>
            <EChart option={option} height={Math.max(200, 80 + rows.length * 44)} label={`堆积条形图：${year}年各单位政府信息公开申请办理结果构成（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理），具体数值见图下表格`} />
            <figcaption><Typography.Text type="secondary">图表数据（件数及占办理结果总计的比例；“—”表示未载明或该格式没有此类别）：</Typography.Text></figcaption>
          </figure>
          <Table size="small" bordered pagination={false} rowKey="reportId" scroll={{ x: 'max-content' }} dataSource={rows} columns={[
            { title: '单位', dataIndex: 'unitName' },
            ...OUTCOMES.map((k, i) => ({ title: labels[i], key: k, align: 'right' as const, render: (_: unknown, r: (typeof rows)[number]) => share(r.figures[k], r.figures.handledTotal) })),
            { title: '办理结果总计', key: 'handledTotal', align: 'right' as const, render: (_: unknown, r: (typeof rows)[number]) => show(r.figures.handledTotal) },
          ]} />
        </>
      )}
    </Card>
  );
}
