/** 账号管理: accounts of the units in the user's scope, filtered by unit, with every lifecycle action. */
import { DownOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Dropdown, Flex, Input, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import type { AccountRow } from '../../api/types';
import { formatTime } from '../../app/format';
import { useSession } from '../../app/session';
import { useTitle } from '../../app/use-title';
import { unitNameMap } from '../../app/unit-tree';
import { useUnits } from '../../app/use-units';
import { OneTimePasswordModal, type OneTimePassword } from '../../components/OneTimePasswordModal';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { AccountFormDrawer } from './AccountFormDrawer';
import { accountMenu } from './account-actions';
import { RolesModal } from './RolesModal';

type StatusFilter = 'all' | 'active' | 'disabled' | 'locked';

export default function AccountsPage() {
  useTitle('账号管理');
  const { meta } = useSession();
  const { message, modal } = App.useApp();
  const { units } = useUnits();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId');
  const [rows, setRows] = useState<AccountRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [editing, setEditing] = useState<AccountRow | null | undefined>(undefined);
  const [rolesOf, setRolesOf] = useState<AccountRow | null>(null);
  const [password, setPassword] = useState<OneTimePassword | null>(null);
  const names = useMemo(() => unitNameMap(units), [units]);
  const canCreate = units.some((u) => u.can.manageAccounts && u.status === 'active');

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const res = await api.get<{ items: AccountRow[] }>(`/accounts${query({ unitId })}`);
      setRows(res.items);
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [unitId, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const shown = rows.filter((a) => {
    const q = search.trim().toLowerCase();
    if (q && !a.username.includes(q) && !a.displayName.toLowerCase().includes(q)) return false;
    if (status === 'locked') return a.locked;
    return status === 'all' || a.status === status;
  });

  const ctx = {
    confirm: (o: { title: string; content: string; okText: string; danger?: boolean; onOk: () => Promise<void> }) =>
      modal.confirm({ title: o.title, content: o.content, okText: o.okText, cancelText: '取消', okButtonProps: { danger: !!o.danger }, onOk: o.onOk }),
    done: (text: string) => {
      message.success(text);
      void load();
    },
    failed: (e: unknown) => modal.error({ title: '操作未完成', content: errorMessage(e) }),
    showPassword: (a: AccountRow, pw: string) => setPassword({ title: '密码已重置', username: a.username, displayName: a.displayName, password: pw }),
  };

  const columns: TableColumnsType<AccountRow> = [
    { title: '用户名', dataIndex: 'username', render: (u: string) => <Typography.Text code>{u}</Typography.Text> },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '所属单位', dataIndex: 'unitId', responsive: ['md'], render: (id: string) => names.get(id) ?? '—' },
    {
      title: '角色',
      key: 'roles',
      render: (_, a) => (
        <Space wrap size={[4, 4]}>
          {a.roles.length === 0 && <Typography.Text type="secondary">无</Typography.Text>}
          {a.roles.map((r) => (
            <Tag key={`${r.unitId}:${r.role}`} color="geekblue">{meta.roles[r.role]}{r.unitId !== a.unitId ? `（${names.get(r.unitId) ?? '其他单位'}）` : ''}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'status',
      render: (_, a) => (
        <Space wrap size={[4, 4]}>
          {a.status === 'active' ? <Tag color="green">{meta.accountStatus.active}</Tag> : <Tag>{meta.accountStatus.disabled}</Tag>}
          {a.locked && <Tag color="orange">已锁定</Tag>}
          {a.mustChangePassword && <Tooltip title="尚未修改一次性密码"><Tag color="blue">待改密</Tag></Tooltip>}
          {a.totpEnabled && <Tag color="purple">动态码</Tag>}
        </Space>
      ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', responsive: ['lg'], render: (t: string | null) => (t ? formatTime(t) : '从未登录') },
    {
      title: '操作',
      key: 'actions',
      render: (_, a) =>
        a.canManage ? (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setEditing(a)} aria-label={`编辑 ${a.username}`}>编辑</Button>
            <Button type="link" size="small" onClick={() => setRolesOf(a)} aria-label={`调整 ${a.username} 的角色`}>角色</Button>
            <Dropdown menu={{ items: accountMenu(a, ctx) }} trigger={['click']}>
              <Button type="link" size="small" aria-label={`${a.username} 的更多操作`}>更多 <DownOutlined /></Button>
            </Dropdown>
          </Space>
        ) : (
          <Typography.Text type="secondary">只读</Typography.Text>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={2} style={{ margin: 0 }}>账号管理</Typography.Title>
        {canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>新建账号</Button>}
      </Flex>
      <Card size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} md={10}>
            <UnitTreeSelect
              aria-label="按单位筛选"
              units={units}
              value={unitId}
              onChange={(id) => setParams(id ? { unitId: id } : {})}
              allowClear
              placeholder="全部单位"
            />
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Select<StatusFilter>
              aria-label="按状态筛选"
              style={{ width: '100%' }}
              value={status}
              onChange={setStatus}
              options={[
                { value: 'all', label: '全部状态' },
                { value: 'active', label: '启用' },
                { value: 'disabled', label: '停用' },
                { value: 'locked', label: '已锁定' },
              ]}
            />
          </Col>
          <Col xs={18} sm={9} md={6}>
            <Input.Search aria-label="搜索用户名或姓名" placeholder="搜索用户名或姓名" allowClear value={search} onChange={(e) => setSearch(e.target.value)} />
          </Col>
          <Col xs={6} sm={3} md={2}>
            <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label="刷新" />
          </Col>
        </Row>
      </Card>
      <Table<AccountRow>
        rowKey="id"
        loading={loading}
        dataSource={shown}
        columns={columns}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 个账号`, hideOnSinglePage: true }}
        locale={{ emptyText: unitId ? '该单位还没有账号' : '没有账号' }}
      />
      <AccountFormDrawer
        open={editing !== undefined}
        account={editing ?? null}
        units={units}
        defaultUnitId={unitId}
        onClose={() => setEditing(undefined)}
        onCreated={(account, initialPassword) => {
          setEditing(undefined);
          void load();
          if (initialPassword) setPassword({ title: '账号已创建', username: account.username, displayName: account.displayName, password: initialPassword });
          else message.success('账号已创建');
        }}
        onUpdated={() => {
          setEditing(undefined);
          void load();
        }}
      />
      <RolesModal
        account={rolesOf}
        units={units}
        onClose={() => setRolesOf(null)}
        onSaved={() => {
          setRolesOf(null);
          void load();
        }}
      />
      <OneTimePasswordModal value={password} onClose={() => setPassword(null)} />
    </Space>
  );
}
