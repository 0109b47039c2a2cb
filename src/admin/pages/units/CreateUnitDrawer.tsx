/** 新建单位: a child of the chosen unit, or a top-level unit (system administrators only). */
import { App, Button, Drawer, Flex, Form, Grid } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Unit } from '../../api/types';
import { applyServerErrors } from '../../components/form-errors';
import { UnitFormFields } from './UnitFormFields';
import { emptyUnitValues, valuesToInput, type UnitFormValues } from './unit-values';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  open: boolean;
  parent: Unit | null;
  onClose: () => void;
  onCreated: (unit: Unit) => Promise<void>;
}

export function CreateUnitDrawer({ open, parent, onClose, onCreated }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const screens = Grid.useBreakpoint();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(emptyUnitValues(parent ?? undefined));
      setProblems([]);
    }
  }, [open, parent, form]);

  const submit = async (v: UnitFormValues) => {
    setSaving(true);
    setProblems([]);
    try {
      const unit = await api.post<Unit>('/units', { parentId: parent?.id ?? null, ...valuesToInput(v) });
      message.success(`已新建单位“${unit.name}”`);
      await onCreated(unit);
    } catch (e) {
      setProblems(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={parent ? `在“${parent.name}”下新建单位` : '新建顶级单位'}
      size={screens.md ? 760 : '100%'}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>创建</Button>
        </Flex>
      }
    >
      <ErrorAlert messages={problems} />
      <Form name="unit-create" form={form} layout="vertical" onFinish={submit} initialValues={emptyUnitValues(parent ?? undefined)} scrollToFirstError>
        <UnitFormFields />
      </Form>
    </Drawer>
  );
}
