/**
 * 分类表: the two editable code lists of the catalogue metadata (rules.md §2) — 主题分类, the two-level State Council
 * subject scheme shown as a tree ("一级\二级"), and 体裁分类. Add, edit, deactivate; a code items use is never
 * deleted or renamed (items keep the code they were published with): it is deactivated, so new items cannot pick
 * it. The lists are deployment-wide: a city 公开办管理员 or a system administrator edits them, others read.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState, type Key } from 'react';
import { useSearchParams } from 'react-router';
import { api, errorMessage, isHandledByRedirect } from '../../api/client';
import { capabilities } from '../../app/capabilities';
import { useCurrentSession } from '../../app/session';
import { useTitle } from '../../app/use-title';
import { applyServerErrors } from '../../components/form-errors';
import type { CodeEntry } from './types';

type List = CodeEntry['list'];
interface Row extends CodeEntry {
  used: number;
  children?: Row[];
}
interface CodeForm {
  name: string;
  parentCode: string | null;
  sortOrder: number | null;
  active: boolean;
}

const LIST_LABELS: Record<List, string> = { subject: '主题分类', genre: '体裁分类' };

export default function CodesPage() {
  useTitle('分类表');
  const session = useCurrentSession();
  const can = capabilities(session);
  const editable = can.managePublications || can.sysAdmin;
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const list: List = params.get('list') === 'genre' ? 'genre' : 'subject';
  const [codes, setCodes] = useState<CodeEntry[]>([]);
  const [usage, setUsage] = useState<Map<string, number>>(new Map());
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<{ entry: CodeEntry | null; parentCode: string | null } | null>(null);
  const [form] = Form.useForm<CodeForm>();
  const [expanded, setExpanded] = useState<readonly Key[]>([]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [c, u] = await Promise.all([
        api.get<{ items: CodeEntry[] }>('/publication-codes'),
        api.get<{ items: { list: List; code: string; count: number }[] }>('/publication-codes/usage'),
      ]);
      setCodes(c.items);
      setUsage(new Map(u.items.map((x) => [`${x.list}:${x.code}`, x.count])));
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [message]);
  useEffect(() => {
    void load();
  }, [load]);

  /** First-level codes with their second-level children; a first-level code counts its children's items too. */
  const rows = useMemo((): Row[] => {
    const mine = codes.filter((c) => c.list === list).sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
    const own = (c: CodeEntry) => usage.get(`${c.list}:${c.code}`) ?? 0;
    return mine.filter((c) => !c.parentCode).map((p) => {
      const children = mine.filter((c) => c.parentCode === p.code).map((c) => ({ ...c, used: own(c) }));
      return { ...p, used: own(p) + children.reduce((n, c) => n + c.used, 0), ...(children.length ? { children } : {}) };
    });
  }, [codes, usage, list]);
  const firstLevel = list === 'subject' ? rows.map((r) => ({ value: r.code, label: r.name })) : [];
  const usedOf = (c: CodeEntry) => rows.flatMap((r) => [r, ...(r.children ?? [])]).find((r) => r.id === c.id)?.used ?? 0;

  const open = (entry: CodeEntry | null, parentCode: string | null = null) => {
    form.resetFields();
    form.setFieldsValue(entry ? { name: entry.name, parentCode: entry.parentCode, sortOrder: entry.sortOrder, active: entry.active } : { name: '', parentCode, sortOrder: null, active: true });
    setEditing({ entry, parentCode });
  };

  const put = async (entry: CodeEntry, patch: Partial<CodeForm>) => {
    const body = { list: entry.list, name: entry.name, parentCode: entry.parentCode, sortOrder: entry.sortOrder, active: entry.active, ...patch };
    return api.put<CodeEntry>(`/publication-codes/${entry.id}`, body);
  };

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !editing) return;
    const body = { list, name: v.name.trim(), parentCode: list === 'subject' ? v.parentCode ?? null : null, active: v.active, ...(v.sortOrder === null || v.sortOrder === undefined ? {} : { sortOrder: v.sortOrder }) };
    try {
      const saved = editing.entry ? await put(editing.entry, body) : await api.post<CodeEntry>('/publication-codes', body);
      message.success(`已保存“${saved.code}”`);
      setEditing(null);
      // Show the new or moved second-level code: open its first-level row.
      const parent = saved.parentCode && codes.find((c) => c.list === saved.list && c.code === saved.parentCode);
      if (parent) setExpanded((k) => (k.includes(parent.id) ? k : [...k, parent.id]));
      await load();
    } catch (e) {
      const rest = applyServerErrors(form, e);
      if (rest.length) message.error(rest.join('；'));
    }
  };

  const toggle = async (c: CodeEntry) => {
    try {
      await put(c, { active: !c.active });
      message.success(c.active ? `已停用“${c.code}”，新信息不能再选用` : `已启用“${c.code}”`);
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const remove = async (c: CodeEntry) => {
    try {
      await api.del(`/publication-codes/${c.id}`);
      message.success(`已删除“${c.code}”`);
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const editingUsed = editing?.entry ? usedOf(editing.entry) : 0;
  const editingHasChildren = !!editing?.entry && codes.some((c) => c.parentCode === editing.entry!.code && c.list === editing.entry!.list);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>分类表</Typography.Title>
        {editable && <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)}>新增{list === 'subject' ? '一级分类' : '体裁'}</Button>}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        信息的主题分类和体裁分类从这里选取。已被信息使用的分类不能删除或改名，不再使用时请停用：已发布的信息保留原分类，新信息不能再选用。
        {!editable && '分类表由市级公开办管理员或系统管理员维护。'}
      </Typography.Paragraph>
      <Tabs activeKey={list} onChange={(k) => setParams(k === 'genre' ? { list: 'genre' } : {}, { replace: true })}
        items={(['subject', 'genre'] as const).map((k) => ({ key: k, label: LIST_LABELS[k] }))} />
      <Table<Row> rowKey="id" size="middle" loading={loading} dataSource={rows} pagination={false} scroll={{ x: 760 }}
        expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: setExpanded }} locale={{ emptyText: '尚无分类' }}
        columns={[
          { title: '名称', dataIndex: 'name', render: (n: string, c) => <span>{n}{c.parentCode && <Typography.Text type="secondary">（{c.parentCode}\{n}）</Typography.Text>}</span> },
          { title: '使用的信息', dataIndex: 'used', width: 110, render: (n: number) => `${n} 条` },
          { title: '状态', dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Tag color="success">启用</Tag> : <Tag>已停用</Tag>) },
          { title: '排序', dataIndex: 'sortOrder', width: 80 },
          ...(editable ? [{
            title: '操作', key: 'actions', width: 300, render: (_: unknown, c: Row) => {
              const hasChildren = !!c.children?.length;
              const why = c.used > 0 ? `已有 ${c.used} 条信息使用，不能删除，请停用` : hasChildren ? '还有二级分类，请先删除二级分类' : null;
              return (
                <Space size={4} wrap>
                  <Button size="small" type="link" aria-label={`编辑“${c.code}”`} onClick={() => open(c)}>编辑</Button>
                  <Button size="small" type="link" aria-label={`${c.active ? '停用' : '启用'}“${c.code}”`} onClick={() => void toggle(c)}>{c.active ? '停用' : '启用'}</Button>
                  {list === 'subject' && !c.parentCode && (
                    <Button size="small" type="link" aria-label={`新增二级分类（${c.name}）`} onClick={() => open(null, c.code)}>新增二级分类</Button>
                  )}
                  {why ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{why}</Typography.Text> : (
                    <Popconfirm title={`删除“${c.code}”？`} okText="删除" cancelText="取消" onConfirm={() => void remove(c)}>
                      <Button size="small" type="link" danger aria-label={`删除“${c.code}”`}>删除</Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          }] : []),
        ]} />
      <Modal open={!!editing} title={editing?.entry ? `编辑：${editing.entry.code}` : `新增${LIST_LABELS[list]}`} okText="保存分类" cancelText="取消"
        onOk={() => void save()} onCancel={() => setEditing(null)} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          {list === 'subject' && (
            <Form.Item name="parentCode" label="上级分类" extra="不选即为一级分类">
              <Select allowClear placeholder="无（一级分类）" options={firstLevel.filter((o) => o.value !== editing?.entry?.code)} disabled={editingUsed > 0 || editingHasChildren} />
            </Form.Item>
          )}
          <Form.Item name="name" label="分类名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 40, message: '名称不能超过40个字' }, { pattern: /^[^\\]*$/, message: '名称不能含反斜杠' }]}
            extra={editingUsed > 0 ? `已有 ${editingUsed} 条信息使用，不能改名；不再使用时请停用后新增` : undefined}>
            <Input maxLength={40} disabled={editingUsed > 0} />
          </Form.Item>
          <Form.Item name="sortOrder" label="排序号" extra="数字小的在前；留空排在最后">
            <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="active" valuePropName="checked">
            <Checkbox>启用（停用后新信息不能选用）</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
