/** 审计日志: every login and change, newest first, 50 at a time ("加载更多"), exportable as XLSX or CSV. */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { API_BASE, api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import type { AccountRow, AuditItem, AuditPage as AuditPageData } from '../../api/types';
import { formatTime } from '../../app/format';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { useSession } from '../../app/session';
import { AuditDetail } from './AuditDetail';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';

const PAGE = 50;

function filterParams(f: AuditFilterValues): Record<string, string | undefined> {
  return {
    unitId: f.unitId ?? undefined,
    actorId: f.actorId ?? undefined,
    action: f.action ?? undefined,
    entityType: f.entityType ?? undefined,
    entityId: f.entityId?.trim() || undefined,
    from: f.range?.[0]?.format('YYYY-MM-DD'),
    to: f.range?.[1]?.format('YYYY-MM-DD'),
  };
}

export default function AuditPage() {
  useTitle('审计日志');
  const { message } = App.useApp();
  const { units } = useUnits();
  const { meta } = useSession();
  const [accounts, setAccounts] = useState<AccountRow[]>([]);
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [items, setItems] = useState<AuditItem[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const params = useMemo(() => filterParams(filters), [filters]);

  const load = useCallback(async (beforeSeq?: number) => {
    setLoading(true);
    try {
      const res = await api.get<AuditPageData>(`/audit${query({ ...params, beforeSeq, limit: PAGE })}`);
      setItems((old) => (beforeSeq ? [...old, ...res.items] : res.items));
      setNext(res.nextBeforeSeq);
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [params, message]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    api.get<{ items: AccountRow[] }>('/accounts').then((r) => setAccounts(r.items), () => setAccounts([]));
  }, []);

  const exportHref = (format: 'xlsx' | 'csv') => `${API_BASE}/audit/export${query({ format, ...params })}`;

  const columns: TableColumnsType<AuditItem> = [
    { title: '序号', dataIndex: 'seq', width: 72, responsive: ['md'] },
    { title: '时间', dataIndex: 'at', width: 170, render: (t: string) => formatTime(t) },
    {
      title: '操作人',
      dataIndex: 'actorName',
      render: (n: string | null, e) => n ?? <Typography.Text type="secondary">{e.action.startsWith('auth.') || e.action === 'account.lock' ? '（未登录）' : '系统'}</Typography.Text>,
    },
    { title: '单位', dataIndex: 'unitName', responsive: ['md'], render: (n: string | null) => n ?? '—' },
    {
      title: '操作',
      dataIndex: 'actionLabel',
      render: (label: string, e) => <Tag color={e.action === 'auth.loginFailed' || e.action === 'account.lock' ? 'orange' : e.action.startsWith('auth.') ? 'default' : 'blue'}>{label}</Tag>,
    },
    { title: '对象', dataIndex: 'entityType', responsive: ['lg'], render: (t: string) => meta?.entityTypes[t] ?? t },
    { title: 'IP', dataIndex: 'ip', responsive: ['lg'], render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={2} style={{ margin: 0 }}>审计日志</Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={exportHref('xlsx')} download>导出 XLSX</Button>
          <Button icon={<DownloadOutlined />} href={exportHref('csv')} download>导出 CSV</Button>
        </Space>
      </Flex>
      <Card size="small">
        <AuditFilters units={units} accounts={accounts} value={filters} onSearch={setFilters} />
      </Card>
      <Table<AuditItem>
        rowKey="seq"
        loading={loading}
        dataSource={items}
        columns={columns}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (e) => <AuditDetail item={e} onFilterEntity={(entityType, entityId) => setFilters({ entityType, entityId })} />,
          expandRowByClick: false,
        }}
        locale={{ emptyText: '没有符合条件的日志' }}
      />
      <Flex justify="center" align="center" gap={12}>
        <Typography.Text type="secondary">已显示 {items.length} 条</Typography.Text>
        {next !== null && <Button loading={loading} onClick={() => void load(next)}>加载更多</Button>}
      </Flex>
    </Space>
  );
}
