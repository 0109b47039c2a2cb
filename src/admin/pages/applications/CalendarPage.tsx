/**
 * 工作日历: which years' official arrangements are loaded, a year's special days, and the overrides
 * (deployment-wide by a system administrator, or a unit's local arrangement), with add, remove and import.
 * Every change recomputes the due dates of open applications; the page lists them.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { useCurrentSession } from '../../app/session';
import { unitNameMap } from '../../app/unit-tree';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { CalendarImport, RecomputedTable } from './CalendarImport';
import type { CalendarChangeResult, CalendarInfo, CalendarOverride } from './types';

const KIND = { off: { label: '放假', color: 'red' }, work: { label: '调休上班', color: 'blue' }, year: { label: '已载入年度', color: 'green' } } as const;

export default function CalendarPage() {
  useTitle('工作日历');
  const session = useCurrentSession();
  const { message, modal } = App.useApp();
  const { units } = useUnits();
  const editable = useMemo(() => units.filter((u) => u.can.update), [units]);
  const names = useMemo(() => unitNameMap(units), [units]);
  const sysAdmin = session.can.sysAdmin;
  const [unitId, setUnitId] = useState<string | null>(null);
  const [year, setYear] = useState(new Date().getFullYear());
  const [info, setInfo] = useState<CalendarInfo | null>(null);
  const [loading, setLoading] = useState(false);
  const [form] = Form.useForm<{ date: Dayjs; kind: 'off' | 'work'; name: string }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!sysAdmin && !unitId && editable[0]) setUnitId(editable.find((u) => u.id === session.account.unitId)?.id ?? editable[0].id);
  }, [sysAdmin, unitId, editable, session.account.unitId]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setInfo(await api.get<CalendarInfo>(`/calendar${query({ unitId, year })}`));
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [unitId, year, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const scopeLabel = unitId ? `${names.get(unitId) ?? '本单位'}及其下级单位` : '全平台';
  const showResult = (title: string, r: CalendarChangeResult) =>
    modal.info({ title, width: 560, content: <RecomputedTable result={r} />, okText: '知道了' });

  const add = async (v: { date: Dayjs; kind: 'off' | 'work'; name: string }) => {
    setSaving(true);
    try {
      const r = await api.post<CalendarChangeResult>('/calendar/overrides', { unitId, date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name });
      form.resetFields();
      await load();
      showResult(`已新增调整，重新计算了 ${r.recomputed.length} 件申请的答复期限`, r);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const remove = async (o: CalendarOverride) => {
    try {
      const r = await api.del<CalendarChangeResult>(`/calendar/overrides/${o.id}`);
      await load();
      showResult(`已撤销调整，重新计算了 ${r.recomputed.length} 件申请的答复期限`, r);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const overrides = (info?.overrides ?? []).filter((o) => o.kind === 'year' || o.date.startsWith(`${year}-`));
  const mayEdit = unitId ? editable.some((u) => u.id === unitId) : sysAdmin;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>工作日历</Typography.Title>
      <Card size="small">
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={12}>
            <UnitTreeSelect
              aria-label="调整范围"
              units={units}
              value={unitId}
              onChange={setUnitId}
              allowClear={sysAdmin}
              selectable={(u) => u.can.update}
              placeholder={sysAdmin ? '全平台（不选单位）' : '请选择单位'}
            />
          </Col>
          <Col xs={24} md={6}>
            <label className="gk-switch-label">
              年度
              <InputNumber aria-label="年度" min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} style={{ width: 110 }} />
            </label>
          </Col>
        </Row>
      </Card>
      {info && (
        <Card size="small" title="已载入的年度" loading={loading}>
          <Space wrap>
            {(info.effective?.loadedYears ?? info.official.years).map((y) => <Tag key={y} color="green">{y}年</Tag>)}
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            未载入年度的日期暂按周一至周五推算，相关期限标为“临时”。日历版本：{info.effective?.version ?? info.official.version}
          </Typography.Paragraph>
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={`${year}年国家法定节假日和调休`}>
            <Table
              size="small"
              rowKey="date"
              loading={loading}
              dataSource={info?.official.days ?? []}
              pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => `共 ${n} 天` }}
              locale={{ emptyText: `${year}年的安排尚未载入` }}
              columns={[
                { title: '日期', dataIndex: 'date' },
                { title: '类型', dataIndex: 'kind', render: (k: 'off' | 'work') => <Tag color={KIND[k].color}>{KIND[k].label}</Tag> },
                { title: '名称', dataIndex: 'name' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={`本地调整（${year}年）`}>
            {mayEdit && (
              <Form form={form} layout="inline" name="override" onFinish={(v) => void add(v)} style={{ marginBottom: 12, rowGap: 8 }}>
                <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
                  <DatePicker format="YYYY-MM-DD" />
                </Form.Item>
                <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
                  <Select style={{ width: 120 }} options={[{ value: 'off', label: '放假' }, { value: 'work', label: '调休上班' }]} />
                </Form.Item>
                <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
                  <Input maxLength={50} placeholder="如：地方性节日" />
                </Form.Item>
                <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={saving}>新增调整</Button>
              </Form>
            )}
            <Table<CalendarOverride>
              size="small"
              rowKey="id"
              loading={loading}
              dataSource={overrides}
              pagination={false}
              locale={{ emptyText: '没有本地调整' }}
              columns={[
                { title: '日期', dataIndex: 'date', render: (d: string, o) => (o.kind === 'year' ? d.slice(0, 4) + '年' : d) },
                { title: '类型', dataIndex: 'kind', render: (k: CalendarOverride['kind']) => <Tag color={KIND[k].color}>{KIND[k].label}</Tag> },
                { title: '名称', dataIndex: 'name' },
                { title: '范围', dataIndex: 'unitId', render: (id: string | null) => (id ? (names.get(id) ?? '本单位') : '全平台') },
                {
                  title: '操作',
                  key: 'op',
                  render: (_, o) =>
                    (o.unitId ? editable.some((u) => u.id === o.unitId) : sysAdmin) ? (
                      <Popconfirm title="撤销这项调整？" description="撤销后重新计算受影响申请的期限。" okText="撤销" cancelText="取消" onConfirm={() => remove(o)}>
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={`撤销 ${o.date} ${o.name}`}>撤销</Button>
                      </Popconfirm>
                    ) : (
                      <Typography.Text type="secondary">只读</Typography.Text>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {mayEdit && <CalendarImport unitId={unitId} scopeLabel={scopeLabel} onDone={() => void load()} />}
    </Space>
  );
}
