/** The frame of every page after login: side menu, current user with unit and roles, logout. */
import {
  AuditOutlined, BarChartOutlined, BookOutlined, ApartmentOutlined, CalendarOutlined, FileTextOutlined, FormOutlined, HomeOutlined,
  InboxOutlined, OrderedListOutlined, LogoutOutlined, MenuOutlined, SettingOutlined, TeamOutlined,
} from '@ant-design/icons';
import { FileSearchOutlined, NotificationOutlined, ReadOutlined } from '@ant-design/icons';
import { ImportOutlined, LineChartOutlined, TagsOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Popover, Space, Spin, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { capabilities } from './capabilities';
import { useCurrentSession, useSession } from './session';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const session = useCurrentSession();
  const { meta, logout } = useSession();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const can = capabilities(session);

  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">首页</Link> },
    { key: '/units', icon: <ApartmentOutlined />, label: <Link to="/units">单位管理</Link> },
    can.readRequests
      ? {
          key: 'requests',
          icon: <InboxOutlined />,
          label: '依申请公开',
          children: [
            { key: '/applications', icon: <OrderedListOutlined />, label: <Link to="/applications">办理队列</Link> },
            can.handleRequests ? { key: '/applications/new', icon: <FormOutlined />, label: <Link to="/applications/new">登记申请</Link> } : null,
            { key: '/applications/stats', icon: <BarChartOutlined />, label: <Link to="/applications/stats">统计</Link> },
            can.calendar ? { key: '/calendar', icon: <CalendarOutlined />, label: <Link to="/calendar">工作日历</Link> } : null,
            can.calendar ? { key: '/notice-settings', icon: <FormOutlined />, label: <Link to="/notice-settings">告知书设置</Link> } : null,
            // Case handlers keep the register of cases about their replies (table 四) without the reports menu.
            !can.readReports ? { key: '/reports/review-cases', icon: <AuditOutlined />, label: <Link to="/reports/review-cases">复议诉讼登记</Link> } : null,
          ],
        }
      : null,
    can.calendar && !can.readRequests ? { key: '/calendar', icon: <CalendarOutlined />, label: <Link to="/calendar">工作日历</Link> } : null,
    can.publications
      ? {
          key: 'publications',
          icon: <ReadOutlined />,
          label: '主动公开',
          children: [
            { key: '/publications', icon: <OrderedListOutlined />, label: <Link to="/publications">信息发布</Link> },
            can.reviewPublications ? { key: '/publications/inbox', icon: <InboxOutlined />, label: <Link to="/publications/inbox">审核待办</Link> } : null,
            { key: '/publications/catalogue', icon: <ApartmentOutlined />, label: <Link to="/publications/catalogue">栏目管理</Link> },
            { key: '/publications/ledger', icon: <AuditOutlined />, label: <Link to="/publications/ledger">审核发布台账</Link> },
            { key: '/publications/timeliness', icon: <CalendarOutlined />, label: <Link to="/publications/timeliness">时效监测</Link> },
            { key: '/publications/check-report', icon: <FileSearchOutlined />, label: <Link to="/publications/check-report">用语检查报告</Link> },
            { key: '/publications/codes', icon: <TagsOutlined />, label: <Link to="/publications/codes">分类表</Link> },
            { key: '/publications/charts', icon: <BarChartOutlined />, label: <Link to="/publications/charts">发布统计</Link> },
          ],
        }
      : null,
    can.publications ? { key: '/wording', icon: <FileSearchOutlined />, label: <Link to="/wording">用语词库</Link> } : null,
    can.publications ? { key: '/offline', icon: <NotificationOutlined />, label: <Link to="/offline">其他渠道公开</Link> } : null,
    can.readReports
      ? {
          key: 'reports',
          icon: <FileTextOutlined />,
          label: '年度报告',
          children: [
            { key: '/reports', icon: <OrderedListOutlined />, label: <Link to="/reports">年度报告</Link> },
            { key: '/reports/board', icon: <BarChartOutlined />, label: <Link to="/reports/board">汇总看板</Link> },
            { key: '/reports/comparison', icon: <LineChartOutlined />, label: <Link to="/reports/comparison">年报对比</Link> },
            { key: '/reports/imports', icon: <ImportOutlined />, label: <Link to="/reports/imports">历史年报导入</Link> },
            { key: '/reports/review-cases', icon: <AuditOutlined />, label: <Link to="/reports/review-cases">复议诉讼登记</Link> },
            { key: '/reports/data', icon: <FormOutlined />, label: <Link to="/reports/data">统计数据录入</Link> },
          ],
        }
      : null,
    can.accounts ? { key: '/accounts', icon: <TeamOutlined />, label: <Link to="/accounts">账号管理</Link> } : null,
    can.audit ? { key: '/audit', icon: <AuditOutlined />, label: <Link to="/audit">审计日志</Link> } : null,
    { key: '/guide', icon: <BookOutlined />, label: <Link to="/guide">公开指南</Link> },
    { key: '/settings', icon: <SettingOutlined />, label: <Link to="/settings">个人设置</Link> },
  ];
  const [first = '', second = ''] = location.pathname.split('/').slice(1);
  const selected = first === 'applications' ? (second === 'new' || second === 'stats' ? `/applications/${second}` : '/applications')
    : first === 'reports' ? (second === 'board' || second === 'comparison' || second === 'imports' || second === 'review-cases' || second === 'data' ? `/reports/${second}` : '/reports')
    : first === 'publications' ? (['inbox', 'catalogue', 'ledger', 'timeliness', 'charts', 'codes', 'check-report'].includes(second) ? `/publications/${second}` : '/publications') : `/${first}`;
  const [openKeys, setOpenKeys] = useState<string[]>(first === 'applications' || first === 'calendar' || first === 'notice-settings' ? ['requests'] : first === 'reports' ? ['reports'] : first === 'publications' ? ['publications'] : []);
  const menu = (
    <nav aria-label="主菜单">
      <Menu mode="inline" selectedKeys={[selected]} openKeys={collapsed && !mobile ? undefined : openKeys} onOpenChange={setOpenKeys} items={items} onClick={() => setDrawerOpen(false)} style={{ borderInlineEnd: 0 }} />
    </nav>
  );

  const roles = (
    <Space orientation="vertical" size={4}>
      <Typography.Text strong>{session.account.displayName}（{session.account.username}）</Typography.Text>
      <Typography.Text type="secondary">所属单位：{session.account.unitName}</Typography.Text>
      {session.roles.map((r) => (
        <div key={`${r.unitId}:${r.role}`}>
          <Tag color="geekblue">{r.roleLabel}</Tag>
          <Typography.Text type="secondary">{r.unitName}</Typography.Text>
        </div>
      ))}
      {session.roles.length === 0 && <Typography.Text type="secondary">尚未分配角色</Typography.Text>}
    </Space>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="gk-skip-link" href="#main">跳到主要内容</a>
      <Header className="gk-header">
        {mobile && (
          <Button type="text" aria-label="打开菜单" icon={<MenuOutlined style={{ color: '#fff' }} />} onClick={() => setDrawerOpen(true)} />
        )}
        <Link to="/" className="gk-brand">{mobile ? '管理后台' : `${meta.siteName} · 管理后台`}</Link>
        <div className="gk-user">
          <Popover content={roles} title="当前用户" trigger={['click', 'hover']} placement="bottomRight">
            {/* The visible text is the start of the accessible name (WCAG 2.5.3 label in name). */}
            <Button type="text" style={{ color: '#fff' }}>
              <span>
                {session.account.displayName}
                <span className="gk-user-detail"> ｜ {session.account.unitName} ｜ {session.roles.map((r) => r.roleLabel).join('、') || '无角色'}</span>
                <span className="visually-hidden">（当前用户，查看单位和角色）</span>
              </span>
            </Button>
          </Popover>
          {mobile ? (
            <Button icon={<LogoutOutlined />} aria-label="退出登录" title="退出登录" onClick={() => void logout()} />
          ) : (
            <Button icon={<LogoutOutlined />} onClick={() => void logout()}>退出登录</Button>
          )}
        </div>
      </Header>
      <Layout>
        {mobile ? (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} title="菜单" size={240} styles={{ body: { padding: 0 } }}>
            {menu}
          </Drawer>
        ) : (
          <Sider theme="light" width={200} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg">
            {menu}
          </Sider>
        )}
        <Content id="main" className="gk-content" tabIndex={-1}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} description="正在加载…" />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
