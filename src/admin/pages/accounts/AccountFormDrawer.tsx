/** New account (with roles; the server generates the one-time password) or edit of name, email and unit. */
import { Alert, App, Button, Drawer, Flex, Form, Grid, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { AccountRow, AccountSnapshot, RoleAssignment, UnitWithPermissions } from '../../api/types';
import { applyServerErrors } from '../../components/form-errors';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { RolesEditor } from './RolesEditor';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Values {
  unitId: string | null;
  username: string;
  displayName: string;
  email: string;
  roles: Partial<RoleAssignment>[];
}

interface Props {
  open: boolean;
  /** null: create a new account. */
  account: AccountRow | null;
  units: UnitWithPermissions[];
  defaultUnitId: string | null;
  onClose: () => void;
  onCreated: (account: AccountSnapshot, initialPassword: string | null) => void;
  onUpdated: () => void;
}

export function AccountFormDrawer({ open, account, units, defaultUnitId, onClose, onCreated, onUpdated }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const screens = Grid.useBreakpoint();
  const creating = account === null;
  const homeUnitId = Form.useWatch('unitId', form);

  useEffect(() => {
    if (!open) return;
    setProblems([]);
    form.resetFields();
    form.setFieldsValue(
      account
        ? { unitId: account.unitId, username: account.username, displayName: account.displayName, email: account.email ?? '', roles: [] }
        : { unitId: defaultUnitId, username: '', displayName: '', email: '', roles: defaultUnitId ? [{ role: 'infoOfficer', unitId: defaultUnitId }] : [] },
    );
  }, [open, account, defaultUnitId, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    setProblems([]);
    try {
      if (creating) {
        const res = await api.post<{ account: AccountSnapshot; initialPassword: string | null }>('/accounts', {
          unitId: v.unitId, username: v.username, displayName: v.displayName, email: v.email, roles: v.roles,
        });
        onCreated(res.account, res.initialPassword);
      } else {
        await api.patch(`/accounts/${account.id}`, { displayName: v.displayName, email: v.email, unitId: v.unitId });
        message.success('账号信息已保存');
        onUpdated();
      }
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
      title={creating ? '新建账号' : `编辑账号：${account.displayName}`}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>{creating ? '创建账号' : '保存'}</Button>
        </Flex>
      }
    >
      <ErrorAlert messages={problems} />
      <Form name="account" form={form} layout="vertical" onFinish={submit} initialValues={{ unitId: null, username: '', displayName: '', email: '', roles: [] }}>
        <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <UnitTreeSelect units={units} selectable={(u) => u.can.manageAccounts && u.status === 'active'} />
        </Form.Item>
        <Form.Item
          name="username"
          label="用户名"
          extra={creating ? '登录用，创建后不能修改：以字母开头，3–32位小写字母、数字、点、下划线或连字符，例如 zhangsan 或 jyj.li' : undefined}
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: /^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/, message: '以字母开头，3–32位字母、数字、点、下划线或连字符' },
          ]}
        >
          <Input autoComplete="off" disabled={!creating} maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { min: 2, message: '姓名至少2个字' }, { max: 30 }]}>
          <Input autoComplete="off" maxLength={30} />
        </Form.Item>
        <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
          <Input type="email" autoComplete="off" maxLength={100} />
        </Form.Item>
        {creating && (
          <>
            <Typography.Title level={5}>角色</Typography.Title>
            <RolesEditor units={units} defaultUnitId={homeUnitId ?? null} />
            <Alert type="info" showIcon style={{ marginTop: 16 }} title="创建后系统生成一次性密码，只显示一次；本人首次登录时须修改密码。" />
          </>
        )}
      </Form>
    </Drawer>
  );
}
