/** 审核发布台账: every step of every item (who, which stage, decision, comment, confidentiality review), exportable to XLSX. */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { formatTime } from '../../app/format';
import { useTitle } from '../../app/use-title';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { usePubUnit } from './use-pub-data';
import { EVENT_LABELS, ITEM_STATUS_LABELS, type LedgerRow } from './types';

const PAGE = 50;

export default function LedgerPage() {
  useTitle('审核发布台账');
  const { message } = App.useApp();
  const { units, unitId, setUnitId } = usePubUnit();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; rows: LedgerRow[] }>({ total: 0, rows: [] });
  const [loading, setLoading] = useState(false);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');

  const load = useCallback(async () => {
    if (!unitId) return;
    setLoading(true);
    try {
      setData(await api.get(`/publications/ledger${query({ unitId, from, to, offset: (page - 1) * PAGE, limit: PAGE })}`));
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [unitId, from, to, page, message]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>审核发布台账</Typography.Title>
        <Button icon={<DownloadOutlined />} href={`/api/v1/publications/ledger.xlsx${query({ unitId, from, to })}`} disabled={!unitId}>导出 XLSX</Button>
      </Flex>
      <Flex gap={8} wrap>
        <UnitTreeSelect aria-label="单位" units={units} value={unitId} onChange={(v) => { if (v) { setUnitId(v); setPage(1); } }} style={{ minWidth: 260 }} />
        <DatePicker.RangePicker aria-label="日期范围" value={range} onChange={(v) => { setRange(v); setPage(1); }} allowEmpty={[true, true]} />
      </Flex>
      <Table<LedgerRow> rowKey="id" size="small" loading={loading} dataSource={data.rows} scroll={{ x: 1000 }}
        pagination={{ current: page, pageSize: PAGE, total: data.total, showSizeChanger: false, showTotal: (n) => `共 ${n} 条`, onChange: setPage }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 160, render: (t: string) => formatTime(t) },
          { title: '信息标题', dataIndex: 'title', render: (t: string, r) => <Link to={`/publications/${r.itemId}`}>{t}</Link> },
          { title: '索引号', dataIndex: 'indexNumber', width: 200, render: (s: string | null) => s ?? '—' },
          { title: '环节', dataIndex: 'stageName', width: 70, render: (s: string | null) => s ?? '—' },
          { title: '办理人', dataIndex: 'actorName', width: 90, render: (s: string | null) => s ?? '系统' },
          { title: '操作', dataIndex: 'action', width: 110, render: (a: LedgerRow['action']) => EVENT_LABELS[a] ?? a },
          { title: '意见', dataIndex: 'comment', render: (c: string | null, r) => <Space size={4} wrap>{c}{r.confidentialityConfirmed && <Tag color="blue">已确认保密审查</Tag>}</Space> },
          { title: '状态', dataIndex: 'toStatus', width: 110, render: (s: LedgerRow['toStatus']) => ITEM_STATUS_LABELS[s] },
        ]} />
    </Space>
  );
}
