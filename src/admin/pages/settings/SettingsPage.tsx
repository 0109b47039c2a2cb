/** 个人设置: one's own account, password and two-step login. */
import { App, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { PasswordChangeForm } from '../../components/PasswordChangeForm';
import { useCurrentSession, useSession } from '../../app/session';
import { useTitle } from '../../app/use-title';
import { TotpCard } from './TotpCard';

export default function SettingsPage() {
  useTitle('个人设置');
  const session = useCurrentSession();
  const { refresh } = useSession();
  const { message } = App.useApp();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>个人设置</Typography.Title>
      <Card title="我的账号">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="姓名">{session.account.displayName}</Descriptions.Item>
          <Descriptions.Item label="用户名">{session.account.username}</Descriptions.Item>
          <Descriptions.Item label="所属单位">{session.account.unitName}</Descriptions.Item>
          <Descriptions.Item label="电子邮箱">{session.account.email ?? '未填写'}</Descriptions.Item>
          <Descriptions.Item label="角色">
            <Space wrap size={[4, 4]}>
              {session.roles.length === 0 && '无'}
              {session.roles.map((r) => <Tag key={`${r.unitId}:${r.role}`} color="geekblue">{r.roleLabel}（{r.unitName}）</Tag>)}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="无操作自动退出">{session.idleMinutes} 分钟</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="修改密码" style={{ height: '100%' }}>
            <PasswordChangeForm
              onDone={async () => {
                await refresh();
                message.success('密码已修改，下次登录请使用新密码');
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <TotpCard />
        </Col>
      </Row>
    </Space>
  );
}
