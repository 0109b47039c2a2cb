/** One unit: its status, the actions the user may take there, and the edit form of all its fields. */
import { CheckCircleOutlined, DeleteOutlined, ExportOutlined, NodeIndexOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Unit, UnitWithPermissions } from '../../api/types';
import { formatTime } from '../../app/format';
import { useSession } from '../../app/session';
import { applyServerErrors } from '../../components/form-errors';
import { MoveUnitModal } from './MoveUnitModal';
import { UnitFormFields } from './UnitFormFields';
import { unitToValues, valuesToInput, type UnitFormValues } from './unit-values';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  unit: UnitWithPermissions;
  units: UnitWithPermissions[];
  onChanged: () => Promise<void>;
  onDeleted: () => Promise<void>;
  onCreateChild: () => void;
}

export function UnitDetail({ unit, units, onChanged, onDeleted, onCreateChild }: Props) {
  const { meta } = useSession();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [moving, setMoving] = useState(false);
  const parent = units.find((u) => u.id === unit.parentId) ?? null;
  const active = unit.status === 'active';
  const editable = unit.can.update;

  const save = async (v: UnitFormValues) => {
    setSaving(true);
    setProblems([]);
    try {
      await api.patch<Unit>(`/units/${unit.id}`, valuesToInput(v));
      message.success('单位信息已保存');
      await onChanged();
    } catch (e) {
      setProblems(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  const act = async (fn: () => Promise<unknown>, done: string, after: () => Promise<void> = onChanged) => {
    try {
      await fn();
      message.success(done);
      await after();
    } catch (e) {
      modal.error({ title: '操作未完成', content: e instanceof Error ? e.message : String(e) });
    }
  };

  const confirmDeactivate = () =>
    modal.confirm({
      title: `停用“${unit.name}”？`,
      content: '停用后，该单位的所有账号将同时停用并退出登录，公开门户不再显示该单位；已公开的信息和办理记录保留。可随时重新启用（账号需逐个启用）。',
      okText: '停用',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => act(() => api.post(`/units/${unit.id}/deactivate`), '单位已停用'),
    });

  const confirmReactivate = () =>
    modal.confirm({
      title: `重新启用“${unit.name}”？`,
      content: '启用后单位重新显示在公开门户；原有账号仍为停用状态，请在账号管理中逐个启用。',
      okText: '启用',
      cancelText: '取消',
      onOk: () => act(() => api.post(`/units/${unit.id}/reactivate`), '单位已启用'),
    });

  const confirmDelete = () =>
    modal.confirm({
      title: `删除“${unit.name}”？`,
      content: '只有误建、尚无任何账号、下级单位或其他记录的单位才能删除；删除后不可恢复。已在使用的单位请改为停用。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => act(() => api.del(`/units/${unit.id}`), '单位已删除', onDeleted),
    });

  return (
    <Card
      title={
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0, fontSize: 18 }}>{unit.name}</Typography.Title>
          {active ? <Tag color="green">启用</Tag> : <Tag color="default">已停用</Tag>}
        </Space>
      }
      extra={
        <Typography.Link href={`/u/${unit.slug}/`} target="_blank" rel="noopener">
          公开页面 <ExportOutlined aria-label="（在新窗口打开）" />
        </Typography.Link>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="上级单位">{parent?.name ?? (unit.parentId ? '（无权查看）' : '无（顶级单位）')}</Descriptions.Item>
        <Descriptions.Item label="类型">{meta.unitTypes[unit.type]}</Descriptions.Item>
        <Descriptions.Item label="层级">{meta.unitLevels[unit.level]}</Descriptions.Item>
        <Descriptions.Item label="创建时间">{formatTime(unit.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="最近修改">{formatTime(unit.updatedAt)}</Descriptions.Item>
        {unit.deactivatedAt && <Descriptions.Item label="停用时间">{formatTime(unit.deactivatedAt)}</Descriptions.Item>}
      </Descriptions>
      <Flex wrap gap={8} style={{ marginBottom: 8 }}>
        {unit.can.createChild && active && <Button icon={<PlusOutlined />} onClick={onCreateChild}>新建下级单位</Button>}
        {unit.can.move && unit.parentId && <Button icon={<NodeIndexOutlined />} onClick={() => setMoving(true)}>调整上级单位</Button>}
        {unit.can.deactivate && active && <Button danger icon={<StopOutlined />} onClick={confirmDeactivate}>停用单位</Button>}
        {unit.can.deactivate && !active && <Button icon={<CheckCircleOutlined />} onClick={confirmReactivate}>重新启用</Button>}
        {unit.can.deactivate && <Button danger type="text" icon={<DeleteOutlined />} onClick={confirmDelete}>删除</Button>}
      </Flex>
      {!editable && <Alert type="info" showIcon title="您可以查看该单位的信息，但没有修改权限。" style={{ marginBottom: 8 }} />}
      <ErrorAlert messages={problems} />
      <Form name="unit-edit" form={form} layout="vertical" initialValues={unitToValues(unit)} onFinish={save} disabled={!editable} scrollToFirstError>
        <UnitFormFields readOnly={!editable} />
        {editable && (
          <Flex gap={8} style={{ marginTop: 24 }}>
            <Button type="primary" htmlType="submit" loading={saving}>保存</Button>
            <Button htmlType="button" onClick={() => { form.resetFields(); setProblems([]); }}>撤销修改</Button>
          </Flex>
        )}
      </Form>
      <MoveUnitModal
        open={moving}
        unit={unit}
        units={units}
        onClose={() => setMoving(false)}
        onMoved={async () => {
          setMoving(false);
          await onChanged();
        }}
      />
    </Card>
  );
}
