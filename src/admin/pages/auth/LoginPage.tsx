/**
 * Login: username and password, then the 6-digit code when the account uses an authenticator (TOTP_REQUIRED).
 * The server's messages are shown as they are: they say what to do (wrong password, locked until, disabled).
 */
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, api, errorMessage, setCsrfToken } from '../../api/client';
import type { LoginResponse } from '../../api/types';
import { useSession } from '../../app/session';
import { useTitle } from '../../app/use-title';
import type { InputRef } from 'antd';

interface Values {
  username: string;
  password: string;
  totp?: string;
}

interface LoginState {
  from?: string;
}

export function LoginPage() {
  useTitle('登录');
  const { meta, session, notice, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const [form] = Form.useForm<Values>();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<{ text: string; type: 'error' | 'warning' } | null>(null);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<InputRef>(null);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  if (session && !busy) return <Navigate to={session.mustChangePassword ? '/change-password' : state.from || '/'} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<LoginResponse>('/auth/login', { username: v.username.trim(), password: v.password, ...(needTotp ? { totp: v.totp } : {}) });
      setCsrfToken(res.csrfToken);
      const s = await refresh();
      const target = res.mustChangePassword ? '/change-password' : state.from && state.from !== '/login' ? state.from : '/';
      if (s) navigate(target, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOTP_REQUIRED') {
        setNeedTotp(true);
        setError({ text: e.message, type: 'warning' });
      } else if (e instanceof ApiError && e.code === 'TOTP_INVALID') {
        form.setFields([{ name: 'totp', value: '', errors: [e.message] }]);
        totpRef.current?.focus();
      } else if (e instanceof ApiError && e.code === 'ACCOUNT_LOCKED') {
        setError({ text: e.message, type: 'warning' });
      } else {
        setError({ text: errorMessage(e), type: 'error' });
        if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') form.setFieldValue('password', '');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="gk-auth-page">
      <Card className="gk-auth-card">
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center', marginTop: 0 }}>{meta.siteName}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>管理后台登录</Typography.Paragraph>
        {notice && !error && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
        {error && <Alert type={error.type} showIcon title={error.text} style={{ marginBottom: 16 }} role="alert" />}
        <Form name="login" form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ username: '', password: '', totp: '' }}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus readOnly={needTotp} />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" readOnly={needTotp} />
          </Form.Item>
          {needTotp && (
            <Form.Item
              name="totp"
              label="动态码"
              extra="打开手机上的身份验证器应用，输入本平台对应的6位数字。"
              rules={[{ required: true, message: '请输入6位动态码' }, { pattern: /^\d{6}$/, message: '动态码为6位数字' }]}
            >
              <Input ref={totpRef} prefix={<SafetyOutlined aria-hidden />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
          {needTotp && (
            <Button
              type="link"
              block
              style={{ marginTop: 8 }}
              onClick={() => {
                setNeedTotp(false);
                setError(null);
                form.setFieldsValue({ password: '', totp: '' });
              }}
            >
              换一个账号登录
            </Button>
          )}
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          忘记密码或账号被锁定，请联系本单位公开办管理员重置或解锁。
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
