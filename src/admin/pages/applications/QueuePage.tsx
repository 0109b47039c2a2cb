/** 办理队列: open applications of one unit, nearest reply due date first, with urgency in words and colour. */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Row, Select, Space, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { useCurrentSession } from '../../app/session';
import { useTitle } from '../../app/use-title';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import type { QueueItem, QueuePage as QueuePageData } from './types';
import { useRequestUnits } from './request-units';
import { useHandlers } from './use-handlers';
import { DueDate, UrgencyTag } from './UrgencyTag';
import { STATUSES, type Status } from './workflow';

const PAGE = 50;

export default function QueuePage() {
  useTitle('办理队列');
  const session = useCurrentSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { units, ids, defaultUnitId } = useRequestUnits('read');
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? defaultUnitId;
  const status = params.get('status')?.split(',').filter(Boolean) ?? [];
  const mine = params.get('mine') === 'true';
  const all = params.get('all') === 'true';
  const { nameOf } = useHandlers(unitId);
  const [items, setItems] = useState<QueueItem[]>([]);
  const [next, setNext] = useState<QueuePageData['next']>(null);
  const [loading, setLoading] = useState(false);
  const statusKey = status.join(',');

  const setParam = (key: string, value: string | null) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    if (!p.get('unitId') && unitId) p.set('unitId', unitId);
    setParams(p, { replace: true });
  };

  const load = useCallback(async (after?: QueuePageData['next']) => {
    if (!unitId) return;
    setLoading(true);
    try {
      const res = await api.get<QueuePageData>(`/applications${query({
        unitId, status: statusKey, mine: mine ? 'true' : undefined, all: all ? 'true' : undefined, limit: PAGE,
        afterDue: after?.replyDue ?? undefined, afterId: after?.id,
      })}`);
      setItems((old) => (after ? [...old, ...res.items] : res.items));
      setNext(res.next);
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [unitId, statusKey, mine, all, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableColumnsType<QueueItem> = [
    {
      title: '受理编号',
      dataIndex: 'receiptNo',
      render: (no: string, a) => <Link to={`/applications/${a.id}`} aria-label={`查看申请 ${no}`}>{no}</Link>,
    },
    { title: '紧急程度', dataIndex: 'urgency', render: (_, a) => <UrgencyTag urgency={a.urgency} /> },
    { title: '答复期限', dataIndex: 'replyDue', render: (d: string | null, a) => <DueDate due={d} provisional={a.replyDueProvisional} stopped={a.urgency === 'stopped'} /> },
    { title: '状态', dataIndex: 'statusLabel', render: (s: string, a) => (a.outcomeLabel ? `${s}（${a.outcomeLabel}）` : s) },
    { title: '申请人', dataIndex: 'applicant', render: (n: string, a) => <span>{n}<Typography.Text type="secondary">（{a.applicantTypeLabel}）</Typography.Text></span> },
    { title: '渠道', dataIndex: 'channelLabel', responsive: ['md'] },
    { title: '收到日期', dataIndex: 'receivedOn', responsive: ['sm'], render: (d: string | null) => d ?? '待确认' },
    { title: '经办人', dataIndex: 'handlerId', responsive: ['lg'], render: (id: string | null) => nameOf(id) },
    { title: '申请内容', dataIndex: 'description', responsive: ['xl'], ellipsis: true, width: 260 },
  ];

  const canRegister = session.can.handleRequests;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={2} style={{ margin: 0 }}>办理队列</Typography.Title>
        {canRegister && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/applications/new${unitId ? `?unitId=${unitId}` : ''}`)}>登记申请</Button>
        )}
      </Flex>
      <Card size="small">
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={9}>
            <UnitTreeSelect aria-label="受理单位" units={units} value={unitId} selectable={(u) => ids.has(u.id)} onChange={(id) => setParam('unitId', id)} />
          </Col>
          <Col xs={24} md={7}>
            <Select<Status[]>
              mode="multiple"
              aria-label="按状态筛选"
              placeholder={all ? '全部状态' : '全部在办状态'}
              style={{ width: '100%' }}
              value={status as Status[]}
              onChange={(v) => setParam('status', v.join(',') || null)}
              options={(Object.keys(STATUSES) as Status[]).map((s) => ({ value: s, label: STATUSES[s] }))}
              maxTagCount="responsive"
              allowClear
            />
          </Col>
          <Col xs={12} md={3}>
            <label className="gk-switch-label">
              <Switch checked={mine} onChange={(v) => setParam('mine', v ? 'true' : null)} aria-label="只看我经办的" /> 我经办的
            </label>
          </Col>
          <Col xs={12} md={3}>
            <label className="gk-switch-label">
              <Switch checked={all} onChange={(v) => setParam('all', v ? 'true' : null)} aria-label="包括已办结" /> 含已办结
            </label>
          </Col>
          <Col xs={24} md={2}>
            <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label="刷新">刷新</Button>
          </Col>
        </Row>
      </Card>
      <Table<QueueItem>
        rowKey="id"
        loading={loading}
        dataSource={items}
        columns={columns}
        size="middle"
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(a) => `gk-row-${a.urgency}`}
        locale={{ emptyText: unitId ? '没有符合条件的申请' : '请选择受理单位' }}
      />
      <Flex justify="center" align="center" gap={12}>
        <Typography.Text type="secondary">已显示 {items.length} 件</Typography.Text>
        {next && <Button loading={loading} onClick={() => void load(next)}>加载更多</Button>}
      </Flex>
    </Space>
  );
}
