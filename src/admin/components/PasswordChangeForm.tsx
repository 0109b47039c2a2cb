/**
 * Change one's own password (POST /auth/password). The rules shown and checked here are those the server
 * enforces (src/domain/accounts/password-policy.ts); the server's answer is still the one that counts.
 */
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { applyServerErrors } from './form-errors';
import { ErrorAlert } from './ErrorAlert';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const CLASSES = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/];

export function PasswordPolicy({ minLength, username }: { minLength: number; username: string }) {
  return (
    <div>
      <Typography.Text strong>密码要求：</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        <li>至少 {minLength} 位，最多 128 位；</li>
        <li>包含大写字母、小写字母、数字、符号中的至少三类；</li>
        <li>不能包含用户名（{username}），不能是常见的弱密码；</li>
        <li>不能与当前密码相同。</li>
      </ul>
    </div>
  );
}

export function PasswordChangeForm({ currentLabel = '当前密码', submitText = '修改密码', onDone }: { currentLabel?: string; submitText?: string; onDone: () => void | Promise<void> }) {
  const { meta, session } = useSession();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const username = session?.account.username ?? '';
  const minLength = meta.passwordMinLength;

  const submit = async (v: Values) => {
    setSaving(true);
    setProblems([]);
    try {
      await api.post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      await onDone();
    } catch (e) {
      setProblems(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form name="password" form={form} layout="vertical" onFinish={submit} requiredMark="optional" initialValues={{ currentPassword: '', newPassword: '', confirmPassword: '' }}>
      <Alert type="info" title={<PasswordPolicy minLength={minLength} username={username} />} style={{ marginBottom: 16 }} />
      <ErrorAlert messages={problems} />
      {/* Lets the browser's password manager file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <Form.Item name="currentPassword" label={currentLabel} rules={[{ required: true, message: `请输入${currentLabel}` }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        hasFeedback
        rules={[
          { required: true, message: '请输入新密码' },
          { min: minLength, message: `密码至少需要${minLength}位` },
          { max: 128, message: '密码不能超过128位' },
          {
            validator: async (_, value: string) => {
              if (!value) return;
              if (CLASSES.filter((re) => re.test(value)).length < 3) throw new Error('须包含大写字母、小写字母、数字、符号中的至少三类');
              if (username && value.toLowerCase().includes(username.toLowerCase())) throw new Error('密码不能包含用户名');
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label="确认新密码"
        dependencies={['newPassword']}
        hasFeedback
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_, value: string) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>{submitText}</Button>
    </Form>
  );
}
