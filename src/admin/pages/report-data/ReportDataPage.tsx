/**
 * 统计数据录入: annual-report figures kept in other systems (table 二: licensing, penalty and enforcement decisions,
 * fees; 2019–2020 item counts and procurement), per unit and year, each with its source; CSV/XLSX import that
 * writes nothing unless every row is right.
 */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { API_BASE, ApiError, api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { applyServerErrors } from '../../components/form-errors';

interface Entry {
  id: string;
  year: number;
  kind: string;
  kindLabel: string;
  unitLabel: string;
  value: number;
  sourceNote: string;
  enteredByName: string | null;
  enteredAt: string;
  importBatch: string | null;
}
interface Kind {
  value: string;
  label: string;
  unit: 'count' | 'wan';
  templates: string[];
}
interface Problem {
  row: number;
  field: string;
  message: string;
}

const lastYear = () => new Date().getFullYear() - 1;

export default function ReportDataPage() {
  useTitle('统计数据录入');
  const { message } = App.useApp();
  const { units } = useUnits();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit');
  const year = Number(params.get('year')) || lastYear();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [canEdit, setCanEdit] = useState(false);
  const [kinds, setKinds] = useState<Kind[]>([]);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [form] = Form.useForm<{ kind?: string; value?: number; sourceNote?: string }>();

  useEffect(() => {
    api.get<{ items: Kind[] }>('/report-data/kinds').then((r) => setKinds(r.items), () => {});
  }, []);
  useEffect(() => {
    if (!unitId && units.length) setParams((p) => { p.set('unit', units[0]!.id); return p; }, { replace: true });
  }, [unitId, units, setParams]);

  const load = useCallback(async () => {
    if (!unitId) return;
    setLoading(true);
    try {
      const res = await api.get<{ items: Entry[]; canEdit: boolean }>(`/report-data/entries${query({ unitId, year })}`);
      setEntries(res.items);
      setCanEdit(res.canEdit);
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [unitId, year, message]);
  useEffect(() => void load(), [load]);

  const template = year >= 2021 ? '2021' : '2019';
  const usable = kinds.filter((k) => k.templates.includes(template));
  const entered = new Set(entries.map((e) => e.kind));

  const save = async () => {
    const v = await form.validateFields();
    try {
      if (editing === 'new') await api.post('/report-data/entries', { unitId, year, ...v });
      else if (editing) await api.patch(`/report-data/entries/${editing.id}`, { value: v.value, sourceNote: v.sourceNote });
      setEditing(null);
      message.success('已保存');
      void load();
    } catch (e) {
      const rest = applyServerErrors(form, e);
      if (rest.length) message.error(rest.join('；'));
    }
  };

  const upload = async (file: File) => {
    const fd = new FormData();
    fd.append('unitId', unitId ?? '');
    fd.append('year', String(year));
    fd.append('file', file);
    try {
      const res = await api.post<{ created: unknown[]; replaced: number }>('/report-data/import', fd);
      setProblems(null);
      message.success(`已导入 ${res.created.length} 项${res.replaced ? `，替换原有 ${res.replaced} 项` : ''}`);
      void load();
    } catch (e) {
      const list = e instanceof ApiError ? (e.details?.problems as Problem[] | undefined) : undefined;
      if (list) setProblems(list);
      else message.error(errorMessage(e));
    }
    return false;
  };

  const columns: TableColumnsType<Entry> = [
    { title: '统计项目', dataIndex: 'kindLabel' },
    { title: '数值', dataIndex: 'value', align: 'right', render: (v: number, e) => `${v} ${e.unitLabel}` },
    { title: '数据来源', dataIndex: 'sourceNote' },
    { title: '录入', key: 'by', responsive: ['lg'], render: (_, e) => `${e.enteredByName ?? ''} ${e.enteredAt.slice(0, 10)}${e.importBatch ? '（导入）' : ''}` },
    {
      title: '操作', key: 'op',
      render: (_, e) => canEdit && (
        <Space>
          <Button size="small" onClick={() => { form.setFieldsValue({ kind: e.kind, value: e.value, sourceNote: e.sourceNote }); setEditing(e); }}>修改</Button>
          <Popconfirm title="删除这项数据？" okText="删除" cancelText="取消" onConfirm={() => void api.del(`/report-data/entries/${e.id}`).then(() => load(), (err: unknown) => message.error(errorMessage(err)))}>
            <Button size="small" danger>删除</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  const missing = usable.filter((k) => !entered.has(k.value));

  return (
    <Card title="统计数据录入" extra={<Typography.Text type="secondary">年报表二中来自其他业务系统的数据，同一项目有多条时相加</Typography.Text>}>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <UnitTreeSelect units={units} value={unitId} onChange={(v) => setParams((p) => { if (v) p.set('unit', v); return p; })} style={{ minWidth: 280 }} aria-label="单位" />
        <InputNumber aria-label="年度" min={2019} max={new Date().getFullYear()} value={year} onChange={(v) => setParams((p) => { p.set('year', String(v ?? lastYear())); return p; })} addonAfter="年度" />
        {canEdit && <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setEditing('new'); }}>录入</Button>}
        {canEdit && <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => upload(f)}><Button icon={<UploadOutlined />}>导入 CSV/XLSX</Button></Upload>}
        {unitId && <Button icon={<DownloadOutlined />} href={`${API_BASE}/report-data/import-template.csv${query({ unitId, year })}`}>下载模板</Button>}
      </Flex>
      {missing.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`${year}年度尚未录入：${missing.map((k) => k.label).join('、')}（年报中这些格显示为空，不会当作0）`} />}
      {problems && (
        <Alert type="error" showIcon closable onClose={() => setProblems(null)} style={{ marginBottom: 12 }} message={`导入文件中有 ${problems.length} 处错误，未导入任何数据`}
          description={<ul style={{ margin: 0 }}>{problems.slice(0, 50).map((p, i) => <li key={i}>第 {p.row} 行 {p.field}：{p.message}</li>)}</ul>} />
      )}
      <Table rowKey="id" loading={loading} dataSource={entries} columns={columns} pagination={false} />
      <Modal open={editing !== null} title={editing === 'new' ? `录入${year}年度统计数据` : '修改统计数据'} okText="保存" cancelText="取消" onOk={() => void save()} onCancel={() => setEditing(null)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label="统计项目" rules={[{ required: true, message: '请选择统计项目' }]}>
            <Select disabled={editing !== 'new'} options={usable.map((k) => ({ value: k.value, label: k.label }))} />
          </Form.Item>
          <Form.Item name="value" label="数值" rules={[{ required: true, message: '请填写数值' }]} extra="件数填整数；金额以万元为单位，最多4位小数">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="sourceNote" label="数据来源" rules={[{ required: true, message: '请注明数据来源' }]}>
            <Input placeholder="例如：政务服务网审批系统导出，2026年1月5日" maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
