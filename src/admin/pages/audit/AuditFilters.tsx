/** The audit log's filters: unit, operator, action, object and a date range (Beijing civil dates). */
import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { AccountRow, UnitWithPermissions } from '../../api/types';
import { useSession } from '../../app/session';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

export interface AuditFilterValues {
  unitId?: string | null;
  actorId?: string | null;
  action?: string | null;
  entityType?: string | null;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

interface Props {
  units: UnitWithPermissions[];
  accounts: AccountRow[];
  value: AuditFilterValues;
  onSearch: (v: AuditFilterValues) => void;
}

export function AuditFilters({ units, accounts, value, onSearch }: Props) {
  const { meta } = useSession();
  const [form] = Form.useForm<AuditFilterValues>();
  useEffect(() => {
    form.setFieldsValue({ unitId: null, actorId: null, action: null, entityType: null, entityId: '', range: null, ...value });
  }, [value, form]);

  return (
    <Form name="audit-filter" form={form} layout="vertical" onFinish={onSearch} initialValues={value}>
      <Row gutter={12}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="unitId" label="单位">
            <UnitTreeSelect units={units} allowClear placeholder="全部单位" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="actorId" label="操作人">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部"
              options={accounts.map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="action" label="操作">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部操作"
              options={Object.entries(meta.auditActions).map(([v, label]) => ({ value: v, label }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="range" label="日期范围">
            <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="entityType" label="对象类型">
            <Select allowClear placeholder="全部" options={Object.entries(meta?.entityTypes ?? {}).map(([v, label]) => ({ value: v, label }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="entityId" label="对象ID">
            <Input allowClear placeholder="从日志详情中复制" />
          </Form.Item>
        </Col>
        <Col xs={24} xl={12}>
          <Form.Item label=" " colon={false}>
            <Space wrap>
              <Button type="primary" htmlType="submit">查询</Button>
              <Button htmlType="button" onClick={() => onSearch({})}>重置</Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
