/**
 * 审核待办: items waiting at a stage the current user may act at (by role and unit, per each unit's stage
 * configuration), and published items with a withdrawal or correction waiting for the final stage's approval.
 */
import { App, Badge, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { formatTime } from '../../app/format';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { ITEM_STATUS_LABELS, STATUS_COLORS, type ItemList, type ItemSummary } from './types';

export default function InboxPage() {
  useTitle('审核待办');
  const { message } = App.useApp();
  const { units } = useUnits();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'pending' ? 'pending' : 'stage';
  const [lists, setLists] = useState<Record<'stage' | 'pending', ItemList>>({ stage: { total: 0, items: [] }, pending: { total: 0, items: [] } });
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [stage, pending] = await Promise.all([
        api.get<ItemList>(`/publications/items${query({ inbox: 'true', limit: 200 })}`),
        api.get<ItemList>(`/publications/items${query({ inbox: 'true', pending: 'true', limit: 200 })}`),
      ]);
      setLists({ stage, pending });
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [message]);
  useEffect(() => {
    void load();
  }, [load]);

  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? '';
  const table = (items: ItemSummary[], kind: 'stage' | 'pending') => (
    <Table<ItemSummary> rowKey="id" size="middle" loading={loading} dataSource={items} scroll={{ x: 760 }} pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: kind === 'stage' ? '没有待您审核的信息' : '没有待批准的撤稿或更正申请' }}
      columns={[
        { title: '标题', dataIndex: 'title', render: (t: string, i) => <Link to={`/publications/${i.id}`}>{t}</Link> },
        { title: '单位', dataIndex: 'unitId', width: 180, render: (u: string) => unitName(u) },
        {
          title: kind === 'stage' ? '环节' : '状态', dataIndex: 'stage', width: 130, render: (s: number | null, i) => (
            <Tag color={STATUS_COLORS[i.status]}>{kind === 'stage' && s ? `第${s}环节` : ITEM_STATUS_LABELS[i.status]}</Tag>
          ),
        },
        { title: '生成日期', dataIndex: 'createdOn', width: 110 },
        { title: '起草人', dataIndex: 'createdByName', width: 90 },
        { title: '最后办理', dataIndex: 'updatedAt', width: 170, render: (t: string) => formatTime(t) },
      ]} />
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>审核待办</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        信息按各单位配置的审核环节依次审核（默认：初审、复审、终审）；初审须确认保密审查，同一人不能审核同一信息的两个环节。
      </Typography.Paragraph>
      <Tabs activeKey={tab} onChange={(k) => setParams(k === 'pending' ? { tab: 'pending' } : {}, { replace: true })} items={[
        { key: 'stage', label: <Space>待我审核<Badge count={lists.stage.total} showZero color="#1d4f91" /></Space>, children: table(lists.stage.items, 'stage') },
        { key: 'pending', label: <Space>撤稿/更正待批<Badge count={lists.pending.total} showZero color="#1d4f91" /></Space>, children: table(lists.pending.items, 'pending') },
      ]} />
    </Space>
  );
}
