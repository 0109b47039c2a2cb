/** Role assignments as (role, unit) pairs inside an antd Form, under the field name "roles". */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Select, Typography } from 'antd';
import type { Role, UnitWithPermissions } from '../../api/types';
import { useSession } from '../../app/session';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

const ROLE_HINTS: Record<Role, string> = {
  sysAdmin: '管理全部单位、账号和系统设置',
  officeAdmin: '管理本单位及下级单位的信息、账号和公开工作',
  infoOfficer: '起草本单位的主动公开信息',
  reviewer: '审核本单位拟公开的信息',
  caseHandler: '办理本单位的依申请公开',
  supervisor: '只读查看本单位及下级单位',
};

export function RolesEditor({ units, defaultUnitId }: { units: UnitWithPermissions[]; defaultUnitId?: string | null }) {
  const { meta } = useSession();
  const options = (Object.entries(meta.roles) as [Role, string][]).map(([value, label]) => ({
    value,
    label: `${label}（${ROLE_HINTS[value]}）`,
  }));
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && <Typography.Paragraph type="secondary">尚未分配角色：没有角色的账号登录后只能修改个人设置。</Typography.Paragraph>}
          {fields.map(({ key, name }) => (
            <Row key={key} gutter={8} align="top">
              <Col xs={24} sm={11}>
                <Form.Item name={[name, 'role']} label={`角色${name + 1}`} rules={[{ required: true, message: '请选择角色' }]}>
                  <Select options={options} placeholder="选择角色" popupMatchSelectWidth={false} />
                </Form.Item>
              </Col>
              <Col xs={20} sm={11}>
                <Form.Item name={[name, 'unitId']} label="适用单位" rules={[{ required: true, message: '请选择单位' }]}>
                  <UnitTreeSelect units={units} selectable={(u) => u.can.manageAccounts} placeholder="在哪个单位担任" />
                </Form.Item>
              </Col>
              <Col xs={4} sm={2}>
                <Form.Item label=" " colon={false}>
                  <Button icon={<DeleteOutlined />} aria-label={`删除角色${name + 1}`} onClick={() => remove(name)} />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: undefined, unitId: defaultUnitId ?? undefined })}>添加角色</Button>
        </>
      )}
    </Form.List>
  );
}
