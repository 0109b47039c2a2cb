/** Forced password change: after the first login with a one-time password, or after an administrator's reset. */
import { Alert, App, Button, Card, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { PasswordChangeForm } from '../../components/PasswordChangeForm';
import { useSession } from '../../app/session';
import { useTitle } from '../../app/use-title';

export function ChangePasswordPage() {
  useTitle('修改密码');
  const { session, refresh, logout } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  if (!session) return <Navigate to="/login" replace />;
  if (!session.mustChangePassword) return <Navigate to="/" replace />;

  return (
    <main className="gk-auth-page">
      <Card className="gk-auth-card" style={{ maxWidth: 480 }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>设置新密码</Typography.Title>
        <Alert
          type="warning"
          showIcon
          title={`${session.account.displayName}，您好：首次登录或密码被管理员重置后，须先设置自己的新密码才能使用管理后台。`}
          style={{ marginBottom: 16 }}
        />
        <PasswordChangeForm
          currentLabel="当前密码（一次性密码）"
          submitText="保存新密码"
          onDone={async () => {
            await refresh();
            message.success('密码已修改');
            navigate('/', { replace: true });
          }}
        />
        <Button type="link" style={{ paddingInline: 0, marginTop: 8 }} onClick={() => void logout()}>退出登录</Button>
      </Card>
    </main>
  );
}
