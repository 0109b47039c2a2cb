/** 信息发布: a unit's items by status, column, year or date range (生成日期 or 发布日期), my drafts, title search; new items start here. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Input, Select, Space, Switch, Table, Tag, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { capabilities } from '../../app/capabilities';
import { formatDate } from '../../app/format';
import { useCurrentSession } from '../../app/session';
import { useTitle } from '../../app/use-title';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { columnTree, useColumns, usePubUnit } from './use-pub-data';
import { ITEM_STATUS_LABELS, STATUS_COLORS, type ItemList, type ItemStatus, type ItemSummary } from './types';

const PAGE = 20;

export default function ItemsPage() {
  useTitle('信息发布');
  const can = capabilities(useCurrentSession());
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { units, unitId, setUnitId } = usePubUnit();
  const { columns, byId } = useColumns(unitId);
  const status = (params.get('status') as ItemStatus | null) ?? undefined;
  const columnId = params.get('columnId') ?? undefined;
  const mine = params.get('mine') === 'true';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const year = params.get('year') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const dateBy = params.get('dateBy') === 'publishedOn' ? 'publishedOn' : undefined;
  const [text, setText] = useState(q);
  const [data, setData] = useState<ItemList>({ total: 0, items: [] });
  const [loading, setLoading] = useState(false);

  const set = (patch: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    if (unitId && !p.get('unitId')) p.set('unitId', unitId);
    for (const [k, v] of Object.entries(patch)) if (v) p.set(k, v); else p.delete(k);
    if (!('page' in patch)) p.delete('page');
    setParams(p, { replace: true });
  };

  const load = useCallback(async () => {
    if (!unitId) return;
    setLoading(true);
    try {
      setData(await api.get<ItemList>(`/publications/items${query({
        unitId, status, columnId, mine: mine ? 'true' : undefined, q: q.trim() || undefined, year, from, to, dateBy, offset: (page - 1) * PAGE, limit: PAGE,
      })}`));
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [unitId, status, columnId, mine, q, year, from, to, dateBy, page, message]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>信息发布</Typography.Title>
        <Space wrap>
          <UnitTreeSelect aria-label="单位" units={units} value={unitId} onChange={(v) => v && setUnitId(v)} style={{ minWidth: 260 }} />
          {can.draftPublications && unitId && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/publications/new${query({ unitId, columnId })}`)}>新建信息</Button>
          )}
        </Space>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Select aria-label="状态" allowClear placeholder="全部状态" value={status} style={{ width: 150 }} onChange={(v?: string) => set({ status: v })}
          options={Object.entries(ITEM_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
        <TreeSelect aria-label="栏目" allowClear placeholder="全部栏目" value={columnId} style={{ width: 220 }} treeData={columnTree(columns)}
          showSearch={{ treeNodeFilterProp: 'title' }} onChange={(v?: string) => set({ columnId: v })} />
        <Input.Search aria-label="按标题搜索" placeholder="按标题搜索" allowClear value={text} style={{ width: 240 }}
          onChange={(e) => setText(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} />
        <Select aria-label="按哪个日期筛选" value={dateBy ?? 'createdOn'} style={{ width: 120 }} onChange={(v: string) => set({ dateBy: v === 'publishedOn' ? v : undefined })}
          options={[{ value: 'createdOn', label: '按生成日期' }, { value: 'publishedOn', label: '按发布日期' }]} />
        <DatePicker picker="year" aria-label="年份" placeholder="全部年份" value={year ? dayjs(`${year}-01-01`) : null} style={{ width: 120 }}
          onChange={(d) => set({ year: d ? d.format('YYYY') : undefined })} />
        <DatePicker.RangePicker aria-label="日期范围" placeholder={['开始日期', '结束日期']} value={from && to ? [dayjs(from), dayjs(to)] : null}
          onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })} />
        <Space>
          <Switch id="gk-mine" checked={mine} onChange={(v) => set({ mine: v ? 'true' : undefined })} />
          <label htmlFor="gk-mine">只看我起草的</label>
        </Space>
      </Flex>
      <Table<ItemSummary> rowKey="id" size="middle" loading={loading} dataSource={data.items} scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: PAGE, total: data.total, showSizeChanger: false, showTotal: (n) => `共 ${n} 条`, onChange: (p) => set({ page: String(p) }) }}
        columns={[
          {
            title: '标题', dataIndex: 'title', render: (t: string, i) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/publications/${i.id}`}>{t}</Link>
                {i.docNumber && <Typography.Text type="secondary">{i.docNumber}</Typography.Text>}
              </Space>
            ),
          },
          { title: '栏目', dataIndex: 'columnId', width: 140, render: (c: string) => byId.get(c)?.name ?? '—' },
          {
            title: '状态', dataIndex: 'status', width: 150, render: (s: ItemStatus, i) => (
              <Space size={4} wrap>
                <Tag color={STATUS_COLORS[s]}>{ITEM_STATUS_LABELS[s]}{s === 'inReview' && i.stage ? `·第${i.stage}环节` : ''}</Tag>
                {i.hasPending && <Tag color="warning">有待批申请</Tag>}
                {i.correctedAt && <Tag>已更正</Tag>}
              </Space>
            ),
          },
          { title: '生成日期', dataIndex: 'createdOn', width: 110 },
          { title: '发布日期', dataIndex: 'publishedOn', width: 110, render: (d: string | null) => d ?? '—' },
          {
            title: '用时', dataIndex: 'workingDays', width: 110, render: (n: number | null, i) => n === null ? '—' : (
              <Typography.Text type={i.timeLimitDays !== null && n > i.timeLimitDays ? 'danger' : undefined}>
                {n} 个工作日{i.timeLimitDays !== null && n > i.timeLimitDays ? '（超时）' : ''}
              </Typography.Text>
            ),
          },
          { title: '起草人', dataIndex: 'createdByName', width: 90 },
          { title: '修改时间', dataIndex: 'updatedAt', width: 110, render: (d: string) => formatDate(d) },
        ]} />
    </Space>
  );
}
