/**
 * 时效监测: Art. 26 — items published more than their column's limit (working days from 生成日期) after they were
 * formed, counted per unit and month; and the columns not updated within their freshness rule (国办秘函〔2019〕19号).
 */
import { App, Card, DatePicker, Flex, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { formatDate } from '../../app/format';
import { useTitle } from '../../app/use-title';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useColumns, usePubUnit } from './use-pub-data';
import type { ItemList, ItemSummary, MonthCount, StaleColumn } from './types';

export default function TimelinessPage() {
  useTitle('时效监测');
  const { message } = App.useApp();
  const { units, unitId, setUnitId } = usePubUnit();
  const { byId } = useColumns(unitId);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [months, setMonths] = useState<MonthCount[]>([]);
  const [late, setLate] = useState<ItemList>({ total: 0, items: [] });
  const [stale, setStale] = useState<StaleColumn[]>([]);
  const [loading, setLoading] = useState(false);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');

  const load = useCallback(async () => {
    if (!unitId) return;
    setLoading(true);
    try {
      const [t, s] = await Promise.all([
        api.get<{ months: MonthCount[]; late: ItemList }>(`/publications/timeliness${query({ unitId, from, to, limit: 500 })}`),
        api.get<{ items: StaleColumn[] }>(`/units/${unitId}/stale-columns`),
      ]);
      setMonths(t.months);
      setLate(t.late);
      setStale(s.items);
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [unitId, from, to, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const total = months.reduce((n, m) => n + m.count, 0);
  const lateTotal = months.reduce((n, m) => n + m.late, 0);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>时效监测</Typography.Title>
      <Flex gap={8} wrap>
        <UnitTreeSelect aria-label="单位" units={units} value={unitId} onChange={(v) => v && setUnitId(v)} style={{ minWidth: 260 }} />
        <DatePicker.RangePicker aria-label="发布日期范围" value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
      </Flex>
      <Typography.Paragraph style={{ margin: 0 }}>
        {from} 至 {to} 共发布 <strong>{total}</strong> 条，其中超过栏目发布时限的 <Typography.Text type={lateTotal ? 'danger' : undefined} strong>{lateTotal}</Typography.Text> 条
        （《条例》第二十六条：自信息形成或变更之日起20个工作日内公开）。
      </Typography.Paragraph>
      <Card size="small" title="按月统计">
        <Table<MonthCount> rowKey={(m) => `${m.unitId}:${m.month}`} size="small" loading={loading} dataSource={months} pagination={false} scroll={{ x: 480 }}
          locale={{ emptyText: '该期间没有发布信息' }} columns={[
            { title: '月份', dataIndex: 'month', width: 100 },
            { title: '单位', dataIndex: 'unitId', render: (u: string) => units.find((x) => x.id === u)?.name ?? '' },
            { title: '发布数', dataIndex: 'count', width: 90 },
            { title: '超时数', dataIndex: 'late', width: 90, render: (n: number) => n ? <Typography.Text type="danger">{n}</Typography.Text> : 0 },
          ]} />
      </Card>
      <Card size="small" title={`超时发布的信息（${late.total}）`}>
        <Table<ItemSummary> rowKey="id" size="small" loading={loading} dataSource={late.items} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 760 }}
          locale={{ emptyText: '没有超时发布的信息' }} columns={[
            { title: '标题', dataIndex: 'title', render: (t: string, i) => <Link to={`/publications/${i.id}`}>{t}</Link> },
            { title: '栏目', dataIndex: 'columnId', width: 130, render: (c: string) => byId.get(c)?.name ?? '—' },
            { title: '生成日期', dataIndex: 'createdOn', width: 110 },
            { title: '发布日期', dataIndex: 'publishedOn', width: 110 },
            { title: '用时/时限（工作日）', dataIndex: 'workingDays', width: 150, render: (n: number | null, i) => <Tag color="red">{n ?? '—'} / {i.timeLimitDays ?? '—'}</Tag> },
          ]} />
      </Card>
      <Card size="small" title={`超期未更新的栏目（${stale.length}）`}>
        <Table<StaleColumn> rowKey={(s) => s.column.id} size="small" loading={loading} dataSource={stale} pagination={false} scroll={{ x: 560 }}
          locale={{ emptyText: '所有设有更新周期的栏目都按时更新' }} columns={[
            { title: '栏目', render: (_: unknown, s) => s.column.name },
            { title: '更新周期', width: 110, render: (_: unknown, s) => `${s.column.freshnessDays} 天` },
            { title: '最近发布', width: 120, render: (_: unknown, s) => formatDate(s.lastPublishedAt) },
            { title: '情况', width: 160, render: (_: unknown, s) => s.daysSince === null ? <Tag color="orange">空白栏目</Tag> : <Tag color="red">{s.daysSince} 天未更新</Tag> },
          ]} />
      </Card>
    </Space>
  );
}
