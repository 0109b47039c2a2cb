/** 首页: who is logged in, in which unit and with which roles, and the way into each section. */
import { ApartmentOutlined, AuditOutlined, BookOutlined, InboxOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { capabilities } from '../app/capabilities';
import { useCurrentSession } from '../app/session';
import { useTitle } from '../app/use-title';

interface Entry {
  to: string;
  icon: ReactNode;
  title: string;
  text: string;
}

export function HomePage() {
  useTitle('首页');
  const session = useCurrentSession();
  const can = capabilities(session);
  const entries: Entry[] = [
    ...(can.readRequests ? [{ to: '/applications', icon: <InboxOutlined />, title: '依申请公开', text: '办理队列、登记申请、答复期限、告知书和统计（《条例》第二十七条至第四十五条）。' }] : []),
    { to: '/units', icon: <ApartmentOutlined />, title: '单位管理', text: '维护单位树、政府信息公开工作机构及联系方式、领导和内设机构。' },
    ...(can.accounts ? [{ to: '/accounts', icon: <TeamOutlined />, title: '账号管理', text: '新建账号、分配角色、重置密码和解除锁定。' }] : []),
    ...(can.audit ? [{ to: '/audit', icon: <AuditOutlined />, title: '审计日志', text: '查询和导出每一次登录与修改的记录。' }] : []),
    { to: '/guide', icon: <BookOutlined />, title: '公开指南', text: '编辑本单位的政府信息公开指南（《条例》第十二条）。' },
    { to: '/settings', icon: <SettingOutlined />, title: '个人设置', text: '修改密码，启用手机身份验证器（动态码）。' },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>您好，{session.account.displayName}</Typography.Title>
      {!session.account.totpEnabled && (
        <Alert
          type="info"
          showIcon
          title="建议启用动态码登录"
          description={<span>启用手机身份验证器后，即使密码泄露他人也无法登录。<Link to="/settings">前往个人设置</Link></span>}
        />
      )}
      <Card title="当前账号">
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
          <Descriptions.Item label="用户名">{session.account.username}</Descriptions.Item>
          <Descriptions.Item label="所属单位">{session.account.unitName}</Descriptions.Item>
          <Descriptions.Item label="角色">
            <Space wrap size={[4, 4]}>
              {session.roles.length === 0 && <Typography.Text type="secondary">尚未分配角色，请联系本单位公开办管理员</Typography.Text>}
              {session.roles.map((r) => <Tag key={`${r.unitId}:${r.role}`} color="geekblue">{r.roleLabel}（{r.unitName}）</Tag>)}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="动态码">{session.account.totpEnabled ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        {entries.map((e) => (
          <Col key={e.to} xs={24} sm={12} lg={8}>
            <Link to={e.to} aria-label={e.title}>
              <Card hoverable style={{ height: '100%' }}>
                <Card.Meta avatar={<span style={{ fontSize: 24, color: '#1d4f91' }}>{e.icon}</span>} title={e.title} description={e.text} />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
