/**
 * 栏目管理: a unit's catalogue (Art. 12) as a tree — add, edit, move up/down among siblings, delete empty columns,
 * share a column with every unit of a level — each with its Art. 26 time limit and freshness rule; and the unit's
 * review stages (StagesCard). Editing needs 公开办管理员 rights; others see the tree read-only.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, ShareAltOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, Empty, Flex, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Tree, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { capabilities } from '../../app/capabilities';
import { useCurrentSession, useSession } from '../../app/session';
import { useTitle } from '../../app/use-title';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { applyServerErrors } from '../../components/form-errors';
import { StagesCard } from './StagesCard';
import { columnTree, useColumns, usePubUnit } from './use-pub-data';
import type { CatalogueColumn } from './types';

interface ColumnForm {
  parentId: string | null;
  code: string;
  name: string;
  description: string | null;
  timeLimitDays: number;
  freshnessDays: number | null;
  acceptsItems: boolean;
}

export default function CataloguePage() {
  useTitle('栏目管理');
  const can = capabilities(useCurrentSession());
  const { meta } = useSession();
  const { message, modal } = App.useApp();
  const { units, unitId, setUnitId } = usePubUnit();
  const { columns, byId, reload } = useColumns(unitId);
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const [form] = Form.useForm<ColumnForm>();
  const [shareLevel, setShareLevel] = useState<string | null>(null);
  const tree = useMemo(() => columnTree(columns), [columns]);
  const current = selected && selected !== 'new' ? byId.get(selected) : undefined;
  const editable = can.managePublications;

  useEffect(() => {
    if (current) form.setFieldsValue({ ...current });
  }, [current, form]);

  const startNew = (parentId: string | null) => {
    form.resetFields();
    form.setFieldsValue({ parentId, timeLimitDays: 20, freshnessDays: null, acceptsItems: true, description: null });
    setSelected('new');
  };

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !unitId) return;
    const body = { ...v, parentId: v.parentId ?? null, description: v.description || null, freshnessDays: v.freshnessDays ?? null };
    try {
      const c = selected === 'new' ? await api.post<CatalogueColumn>(`/units/${unitId}/columns`, body) : await api.put<CatalogueColumn>(`/columns/${selected}`, body);
      message.success(`已保存栏目“${c.name}”`);
      await reload();
      setSelected(c.id);
    } catch (e) {
      const rest = applyServerErrors(form, e);
      if (rest.length) message.error(rest.join('；'));
    }
  };

  const move = async (c: CatalogueColumn, delta: -1 | 1) => {
    const siblings = columns.filter((x) => x.parentId === c.parentId).sort((a, b) => a.sortOrder - b.sortOrder);
    const i = siblings.findIndex((x) => x.id === c.id);
    const j = i + delta;
    if (j < 0 || j >= siblings.length) return;
    const ids = siblings.map((x) => x.id);
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    try {
      await api.post(`/units/${unitId}/columns/reorder`, { ids });
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const remove = async (c: CatalogueColumn) => {
    try {
      await api.del(`/columns/${c.id}`);
      message.success(`已删除栏目“${c.name}”`);
      setSelected(null);
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const share = (c: CatalogueColumn) => {
    if (!shareLevel) return;
    modal.confirm({
      title: `把“${c.name}”应用到所有${meta.unitLevels[shareLevel as keyof typeof meta.unitLevels] ?? ''}单位？`,
      content: '各单位缺少此栏目（按栏目代码）时新建，已有时更新名称、发布时限和更新周期。',
      okText: '应用', cancelText: '取消',
      onOk: async () => {
        try {
          const r = await api.post<{ created: number; updated: number }>(`/columns/${c.id}/apply-to-level`, { level: shareLevel });
          message.success(`已应用：新建 ${r.created} 个单位的栏目，更新 ${r.updated} 个`);
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  };

  const siblingsOf = (c: CatalogueColumn) => columns.filter((x) => x.parentId === c.parentId).sort((a, b) => a.sortOrder - b.sortOrder);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>栏目管理</Typography.Title>
        <UnitTreeSelect aria-label="单位" units={units} value={unitId} onChange={(v) => { if (v) { setUnitId(v); setSelected(null); } }} style={{ minWidth: 260 }} />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title="栏目" extra={editable && <Button size="small" icon={<PlusOutlined />} onClick={() => startNew(null)}>新增一级栏目</Button>}>
            {tree.length === 0 ? <Empty description="尚无栏目" /> : (
              <Tree treeData={tree} defaultExpandAll selectedKeys={current ? [current.id] : []} onSelect={(keys) => setSelected((keys[0] as string) ?? null)}
                titleRender={(n) => (
                  <span>{n.column.name} <Typography.Text type="secondary">{n.column.code}</Typography.Text>{!n.column.acceptsItems && <Typography.Text type="secondary">（分组）</Typography.Text>}</span>
                )} aria-label="栏目树" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={selected === 'new' ? '新增栏目' : current ? `栏目：${current.name}` : '栏目详情'} extra={current && editable && (
            <Space wrap>
              <Button size="small" icon={<ArrowUpOutlined />} aria-label="上移" disabled={siblingsOf(current)[0]?.id === current.id} onClick={() => void move(current, -1)} />
              <Button size="small" icon={<ArrowDownOutlined />} aria-label="下移" disabled={siblingsOf(current).at(-1)?.id === current.id} onClick={() => void move(current, 1)} />
              <Button size="small" icon={<PlusOutlined />} onClick={() => startNew(current.id)}>新增下级</Button>
              <Popconfirm title={`删除栏目“${current.name}”？只能删除没有信息和下级的栏目。`} okText="删除" cancelText="取消" onConfirm={() => void remove(current)}>
                <Button size="small" danger icon={<DeleteOutlined />}>删除</Button>
              </Popconfirm>
            </Space>
          )}>
            {!selected ? <Typography.Text type="secondary">在左侧选择栏目查看或修改{editable ? '，或新增栏目' : ''}。</Typography.Text> : (
              <Form form={form} layout="vertical" disabled={!editable}>
                <Row gutter={12}>
                  <Col xs={24} md={12}><Form.Item name="name" label="栏目名称" rules={[{ required: true, whitespace: true, message: '请填写栏目名称' }]}><Input maxLength={60} /></Form.Item></Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="code" label="栏目代码" extra="用于网址 /u/单位/c/代码/，小写字母、数字、连字符" rules={[{ required: true, message: '请填写栏目代码' }, { pattern: /^[a-z][a-z0-9-]{1,31}$/, message: '2-32位小写字母、数字或连字符，以字母开头' }]}>
                      <Input maxLength={32} />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name="parentId" label="上级栏目">
                      <TreeSelect allowClear placeholder="无（一级栏目）" treeData={columnTree(columns.filter((c) => c.id !== current?.id))} treeDefaultExpandAll />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="timeLimitDays" label="发布时限（工作日）" extra="自生成日期起，《条例》第二十六条：不超过20个工作日" rules={[{ required: true, message: '请填写发布时限' }]}>
                      <InputNumber min={1} max={20} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="freshnessDays" label="更新周期（天）" extra="超过此天数未发布信息即提示“超期未更新”；留空不监测">
                      <InputNumber min={1} max={3660} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={24}><Form.Item name="description" label="栏目说明"><Input.TextArea rows={2} maxLength={500} /></Form.Item></Col>
                  <Col span={24}><Form.Item name="acceptsItems" valuePropName="checked"><Checkbox>可发布信息（不勾选则只用于分组）</Checkbox></Form.Item></Col>
                </Row>
                {editable && <Button type="primary" onClick={() => void save()}>保存栏目</Button>}
              </Form>
            )}
            {current && editable && (
              <Flex gap={8} wrap align="center" style={{ marginTop: 16 }}>
                <Select aria-label="共享到的单位层级" placeholder="选择单位层级" style={{ width: 180 }} value={shareLevel} onChange={setShareLevel}
                  options={Object.entries(meta.unitLevels).map(([value, label]) => ({ value, label }))} />
                <Button icon={<ShareAltOutlined />} disabled={!shareLevel} onClick={() => share(current)}>应用到该层级所有单位</Button>
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
      {unitId && <StagesCard unitId={unitId} editable={editable} />}
    </Space>
  );
}
