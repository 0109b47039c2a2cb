/**
 * 其他渠道公开 (Art. 23–25): the register of information a unit published through the gazette, government
 * Weibo/WeChat, notice boards, press conferences, newspapers/radio/TV and reading places, with the year's counts
 * per channel that the annual report uses.
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Input, Popconfirm, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { useDefaultUnitParam } from '../../app/use-default-unit-param';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { OFFLINE_CHANNELS, type OfflineChannel, type OfflinePublication } from '../../../domain/publications/offline/model.js';
import { OfflineModal } from './OfflineModal';

interface Counts {
  year: number;
  channels: { channel: OfflineChannel; label: string; records: number; items: number }[];
  total: { records: number; items: number };
}

const PAGE = 20;

export default function OfflinePage() {
  useTitle('其他渠道公开');
  const { message } = App.useApp();
  const { units } = useUnits();
  const [params, setParams] = useSearchParams();
  const unitId = useDefaultUnitParam(units);
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const channel = (params.get('channel') as OfflineChannel | null) ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const [q, setQ] = useState(params.get('q') ?? '');
  const [list, setList] = useState<{ total: number; items: OfflinePublication[]; canEdit: boolean } | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<OfflinePublication | null | 'new'>(null);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };

  const load = useCallback(async () => {
    if (!unitId) return;
    setLoading(true);
    try {
      const [l, c] = await Promise.all([
        api.get<{ total: number; items: OfflinePublication[]; canEdit: boolean }>(`/offline-publications${query({ unitId, year, channel, q: params.get('q'), offset: (page - 1) * PAGE, limit: PAGE })}`),
        api.get<Counts>(`/offline-publications/counts${query({ unitId, year })}`),
      ]);
      setList(l);
      setCounts(c);
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [unitId, year, channel, page, params, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (r: OfflinePublication) => {
    try {
      await api.del(`/offline-publications/${r.id}`);
      message.success('已删除');
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>其他渠道公开</Typography.Title>
        <Space wrap>
          <UnitTreeSelect aria-label="单位" units={units} value={unitId} onChange={(v) => v && set({ unitId: v })} style={{ minWidth: 260 }} />
          <Select aria-label="年份" value={year} style={{ width: 110 }} onChange={(y: number) => set({ year: String(y) })} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        登记通过政府公报、政务微博、政务微信、公开栏、新闻发布会、报刊广播电视和查阅场所等渠道公开的信息（《条例》第二十三条至第二十五条），年度报告按这里的条数统计各渠道公开数量。
      </Typography.Paragraph>
      {counts && (
        <Card size="small" title={`${counts.year}年各渠道公开数量`}>
          <Row gutter={[16, 16]}>
            {counts.channels.map((c) => (
              <Col key={c.channel} xs={12} sm={8} lg={6} xxl={3}>
                <Statistic title={c.label} value={c.items} suffix="条" />
                <Typography.Text type="secondary">{c.records} 次登记</Typography.Text>
              </Col>
            ))}
            <Col xs={12} sm={8} lg={6} xxl={3}>
              <Statistic title="合计" value={counts.total.items} suffix="条" valueStyle={{ fontWeight: 600 }} />
            </Col>
          </Row>
        </Card>
      )}
      <Card size="small" title="登记记录" extra={list?.canEdit && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>登记</Button>}>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select aria-label="渠道" allowClear placeholder="全部渠道" value={channel} style={{ width: 160 }} onChange={(v?: string) => set({ channel: v })}
            options={Object.entries(OFFLINE_CHANNELS).map(([value, label]) => ({ value, label }))} />
          <Input.Search aria-label="搜索标题" allowClear placeholder="搜索标题或期号" value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: 260 }} />
        </Flex>
        <Table<OfflinePublication> size="small" rowKey="id" loading={loading} dataSource={list?.items ?? []} scroll={{ x: 760 }}
          pagination={{ current: page, pageSize: PAGE, total: list?.total ?? 0, showTotal: (n) => `共 ${n} 条`, onChange: (p) => set({ page: String(p) }) }}
          columns={[
            { title: '发布日期', dataIndex: 'publishedOn', width: 110 },
            { title: '渠道', dataIndex: 'channel', width: 130, render: (c: OfflineChannel) => <Tag>{OFFLINE_CHANNELS[c]}</Tag> },
            { title: '标题或内容', dataIndex: 'title' },
            { title: '条数', dataIndex: 'count', width: 70, align: 'right' },
            { title: '期号、链接或地点', dataIndex: 'reference', ellipsis: true, render: (r: string | null) => (r && /^https?:\/\//.test(r) ? <a href={r} target="_blank" rel="noopener noreferrer">{r}</a> : r ?? '') },
            {
              title: '操作', key: 'ops', width: 100, fixed: 'right',
              render: (_, r) => list?.canEdit ? (
                <Space size={0}>
                  <Button type="link" size="small" icon={<EditOutlined />} aria-label={`修改“${r.title}”`} onClick={() => setEditing(r)} />
                  <Popconfirm title="删除这条登记记录？" okText="删除" cancelText="取消" onConfirm={() => void remove(r)}>
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`删除“${r.title}”`} />
                  </Popconfirm>
                </Space>
              ) : null,
            },
          ]} />
      </Card>
      {unitId && <OfflineModal open={editing !== null} record={editing === 'new' ? null : editing} unitId={unitId} onClose={(saved) => { setEditing(null); if (saved) void load(); }} />}
    </Space>
  );
}
