/** 调整角色: replaces the account's role assignments (PUT /accounts/:id/roles). */
import { App, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { AccountRow, RoleAssignment, UnitWithPermissions } from '../../api/types';
import { applyServerErrors } from '../../components/form-errors';
import { RolesEditor } from './RolesEditor';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  account: AccountRow | null;
  units: UnitWithPermissions[];
  onClose: () => void;
  onSaved: () => void;
}

export function RolesModal({ account, units, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roles: Partial<RoleAssignment>[] }>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    if (account) {
      setProblems([]);
      form.setFieldsValue({ roles: account.roles.map((r) => ({ ...r })) });
    }
  }, [account, form]);

  const submit = async (v: { roles: Partial<RoleAssignment>[] }) => {
    if (!account) return;
    setSaving(true);
    setProblems([]);
    try {
      await api.put(`/accounts/${account.id}/roles`, { roles: v.roles ?? [] });
      message.success('角色已调整，下次请求起生效');
      onSaved();
    } catch (e) {
      setProblems(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={account !== null}
      title={account ? `调整角色：${account.displayName}（${account.username}）` : ''}
      okText="保存"
      cancelText="取消"
      width={720}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <ErrorAlert messages={problems} />
      <Form name="account-roles" form={form} layout="vertical" onFinish={submit} initialValues={{ roles: [] }}>
        <RolesEditor units={units} defaultUnitId={account?.unitId ?? null} />
      </Form>
    </Modal>
  );
}
