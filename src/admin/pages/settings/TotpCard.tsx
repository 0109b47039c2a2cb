/**
 * 动态码 (TOTP) for one's own account: scan the QR code with an authenticator app (微信小程序“腾讯身份验证器”,
 * Google Authenticator, FreeOTP, …), confirm with one code; disabling asks for the password again.
 */
import { App, Button, Card, Flex, Form, Input, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { TotpSetup } from '../../api/types';
import { useCurrentSession, useSession } from '../../app/session';
import { applyServerErrors } from '../../components/form-errors';
import { ErrorAlert } from '../../components/ErrorAlert';

const qrSrc = (svg: string) => `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
const groupSecret = (s: string) => s.replace(/(.{4})/g, '$1 ').trim();

export function TotpCard() {
  const session = useCurrentSession();
  const { refresh } = useSession();
  const { message } = App.useApp();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [confirmForm] = Form.useForm<{ token: string }>();
  const [disableForm] = Form.useForm<{ password: string }>();
  const enabled = session.account.totpEnabled;

  const begin = async () => {
    setBusy(true);
    setProblems([]);
    try {
      setSetup(await api.post<TotpSetup>('/auth/totp/setup'));
    } catch (e) {
      setProblems([e instanceof Error ? e.message : String(e)]);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (v: { token: string }) => {
    setBusy(true);
    setProblems([]);
    try {
      await api.post('/auth/totp/confirm', { token: v.token.trim() });
      setSetup(null);
      await refresh();
      message.success('动态码已启用：下次登录时需要输入动态码');
    } catch (e) {
      setProblems(applyServerErrors(confirmForm, e));
    } finally {
      setBusy(false);
    }
  };

  const disable = async (v: { password: string }) => {
    setBusy(true);
    setProblems([]);
    try {
      await api.post('/auth/totp/disable', { password: v.password });
      disableForm.resetFields();
      await refresh();
      message.success('动态码已停用');
    } catch (e) {
      setProblems(applyServerErrors(disableForm, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<Space>动态码（两步验证）{enabled ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>}</Space>}>
      <ErrorAlert messages={problems} />
      {enabled && (
        <>
          <Typography.Paragraph>登录时除密码外还需输入手机身份验证器中的6位动态码。更换手机时，请先停用再重新绑定；手机丢失请联系管理员清除绑定。</Typography.Paragraph>
          <Form name="totp-disable" form={disableForm} layout="vertical" onFinish={disable} initialValues={{ password: '' }} style={{ maxWidth: 360 }}>
            <Form.Item name="password" label="登录密码（确认身份）" rules={[{ required: true, message: '请输入登录密码' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button danger htmlType="submit" loading={busy}>停用动态码</Button>
          </Form>
        </>
      )}
      {!enabled && !setup && (
        <>
          <Typography.Paragraph>启用后，登录时除密码外还需输入手机身份验证器应用生成的6位动态码，即使密码泄露他人也无法登录。</Typography.Paragraph>
          <Button type="primary" loading={busy} onClick={() => void begin()}>绑定身份验证器</Button>
        </>
      )}
      {!enabled && setup && (
        <>
          <Steps
            orientation="vertical"
            size="small"
            current={1}
            items={[
              { title: '安装身份验证器', content: '在手机上安装支持 TOTP 的身份验证器应用（如腾讯身份验证器、Google Authenticator、FreeOTP）。' },
              { title: '扫描二维码', content: '用应用扫描下方二维码；无法扫描时，手动输入密钥。' },
              { title: '输入动态码确认', content: '输入应用当前显示的6位数字，完成绑定。' },
            ]}
          />
          <Flex wrap gap={24} align="center" style={{ marginTop: 8 }}>
            <img className="gk-qr" src={qrSrc(setup.qrSvg)} alt="身份验证器绑定二维码" />
            <div style={{ flex: '1 1 240px', minWidth: 0 }}>
              <Typography.Paragraph>
                密钥：<Typography.Text code copyable={{ text: setup.secret, tooltips: ['复制密钥', '已复制'] }}>{groupSecret(setup.secret)}</Typography.Text>
              </Typography.Paragraph>
              <Form name="totp-confirm" form={confirmForm} layout="vertical" onFinish={confirm} initialValues={{ token: '' }} style={{ maxWidth: 280 }}>
                <Form.Item name="token" label="6位动态码" rules={[{ required: true, message: '请输入动态码' }, { pattern: /^\d{6}$/, message: '动态码为6位数字' }]}>
                  <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
                </Form.Item>
                <Flex gap={8}>
                  <Button type="primary" htmlType="submit" loading={busy}>确认绑定</Button>
                  <Button onClick={() => setSetup(null)}>取消</Button>
                </Flex>
              </Form>
            </div>
          </Flex>
        </>
      )}
    </Card>
  );
}
