/** 复议诉讼登记: a unit's reconsideration and litigation cases (Art. 51), the source of annual-report table 四. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { ReviewCaseModal } from './ReviewCaseModal';
import type { Option, ReviewCaseView } from './types';

export default function ReviewCasesPage() {
  useTitle('复议诉讼登记');
  const { message } = App.useApp();
  const { units } = useUnits();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit');
  const year = Number(params.get('year')) || null;
  const [rows, setRows] = useState<ReviewCaseView[]>([]);
  const [total, setTotal] = useState(0);
  const [mayWrite, setMayWrite] = useState(false);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);
  const [options, setOptions] = useState<{ kinds: Option[]; outcomes: Option[] }>({ kinds: [], outcomes: [] });
  const [modal, setModal] = useState<{ open: boolean; editing: ReviewCaseView | null }>({ open: false, editing: null });

  useEffect(() => {
    api.get<{ kinds: Option[]; outcomes: Option[] }>('/review-cases/options').then(setOptions, () => {});
  }, []);
  useEffect(() => {
    if (!unitId && units.length) setParams((p) => { p.set('unit', units[0]!.id); return p; }, { replace: true });
  }, [unitId, units, setParams]);

  const load = useCallback(async () => {
    if (!unitId) return;
    setLoading(true);
    try {
      const res = await api.get<{ total: number; items: ReviewCaseView[]; canEdit: boolean }>(`/review-cases${query({ unitId, year, offset: (page - 1) * 20, limit: 20 })}`);
      setRows(res.items);
      setTotal(res.total);
      setMayWrite(res.canEdit);
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [unitId, year, page, message]);
  useEffect(() => void load(), [load]);

  const remove = async (c: ReviewCaseView) => {
    try {
      await api.del(`/review-cases/${c.id}`);
      message.success('已删除');
      void load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<ReviewCaseView> = [
    { title: '类型', dataIndex: 'kindLabel' },
    { title: '复议机关/法院', dataIndex: 'body', responsive: ['md'] },
    { title: '案号', dataIndex: 'caseNo', render: (v: string | null) => v ?? '—' },
    {
      title: '所针对的申请', key: 'app',
      render: (_, c) => (c.application ? <Space direction="vertical" size={0}><Link to={`/applications/${c.application.id}`}>{c.application.receiptNo}</Link><Typography.Text type="secondary">{c.application.outcomeLabel ?? '未答复'}</Typography.Text></Space> : c.challengedNotice ?? '—'),
    },
    { title: '立案日期', dataIndex: 'filedOn' },
    { title: '审结', key: 'end', render: (_, c) => (c.pending ? <Tag color="orange">尚未审结</Tag> : <Space size={4}><Tag color={c.outcome === 'corrected' ? 'red' : c.outcome === 'upheld' ? 'green' : 'default'}>{c.outcomeLabel}</Tag>{c.concludedOn}</Space>) },
    {
      title: '操作', key: 'op',
      render: (_, c) => c.canEdit && (
        <Space>
          <Button size="small" onClick={() => setModal({ open: true, editing: c })}>{c.pending ? '登记审结' : '修改'}</Button>
          <Popconfirm title="删除这条误登记的案件？" okText="删除" cancelText="取消" onConfirm={() => void remove(c)}>
            <Button size="small" danger>删除</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card title="复议诉讼登记" extra={<Typography.Text type="secondary">年报表四：本年审结的案件按结果计，年末未审结的计入“尚未审结”</Typography.Text>}>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <UnitTreeSelect units={units} value={unitId} onChange={(v) => setParams((p) => { if (v) p.set('unit', v); return p; })} style={{ minWidth: 280 }} aria-label="单位" />
        <InputNumber aria-label="年度" placeholder="全部年度" min={2019} max={2100} value={year} onChange={(v) => { setPage(1); setParams((p) => { if (v) p.set('year', String(v)); else p.delete('year'); return p; }); }} />
        {mayWrite && <Button type="primary" icon={<PlusOutlined />} disabled={!unitId} onClick={() => setModal({ open: true, editing: null })}>登记案件</Button>}
      </Flex>
      <Table rowKey="id" loading={loading} dataSource={rows} columns={columns} pagination={{ current: page, pageSize: 20, total, onChange: setPage, showTotal: (n) => `共 ${n} 件` }} />
      <ReviewCaseModal open={modal.open} unitId={unitId} editing={modal.editing} kinds={options.kinds} outcomes={options.outcomes} onClose={() => setModal({ open: false, editing: null })} onSaved={() => { setModal({ open: false, editing: null }); message.success('已保存'); void load(); }} />
    </Card>
  );
}
