/** 调整上级单位: pick a new parent; the unit itself and everything below it cannot be chosen. */
import { Alert, App, Form, Modal } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { UnitWithPermissions } from '../../api/types';
import { subtreeIds } from '../../app/unit-tree';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { applyServerErrors } from '../../components/form-errors';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  open: boolean;
  unit: UnitWithPermissions;
  units: UnitWithPermissions[];
  onClose: () => void;
  onMoved: () => Promise<void>;
}

export function MoveUnitModal({ open, unit, units, onClose, onMoved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: string | null }>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const excluded = useMemo(() => subtreeIds(units, unit.id), [units, unit.id]);
  const selectable = useMemo(
    () => (u: UnitWithPermissions) => !excluded.has(u.id) && u.id !== unit.parentId && u.status === 'active' && u.can.createChild,
    [excluded, unit.parentId],
  );

  const submit = async (v: { parentId: string | null }) => {
    setSaving(true);
    setProblems([]);
    try {
      await api.post(`/units/${unit.id}/move`, { parentId: v.parentId });
      message.success('上级单位已调整');
      await onMoved();
    } catch (e) {
      setProblems(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`调整“${unit.name}”的上级单位`}
      okText="确定调整"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title="该单位的下级单位、账号和公开信息随之移动；原上级单位的管理员将不再管理它。" style={{ marginBottom: 16 }} />
      <ErrorAlert messages={problems} />
      <Form name="unit-move" form={form} layout="vertical" onFinish={submit} initialValues={{ parentId: null }} preserve={false}>
        <Form.Item name="parentId" label="新的上级单位" rules={[{ required: true, message: '请选择新的上级单位' }]}>
          <UnitTreeSelect units={units} selectable={selectable} placeholder="选择新的上级单位" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
