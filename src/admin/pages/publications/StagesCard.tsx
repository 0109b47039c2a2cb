/**
 * 审核环节: a unit's review stages (Art. 17; rules.md §2 三审三校 — default 初审, 复审, 终审), who acts at each,
 * which stage confirms the confidentiality review, four-eyes, and the 索引号 format.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import type { PublicationSettings } from './types';

const ROLE_OPTIONS = [{ value: 'reviewer', label: '审核员' }, { value: 'officeAdmin', label: '公开办管理员' }];

export function StagesCard({ unitId, editable }: { unitId: string; editable: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<PublicationSettings, 'unitId' | 'updatedAt'>>();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.get<PublicationSettings>(`/units/${unitId}/publication-settings`).then((s) => form.setFieldsValue(s), (e) => setError(errorMessage(e)));
  }, [unitId, form]);

  const save = async () => {
    setError(null);
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      form.setFieldsValue(await api.put<PublicationSettings>(`/units/${unitId}/publication-settings`, v));
      message.success('审核环节已保存');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Card size="small" title="审核环节">
      <Typography.Paragraph type="secondary">
        信息依次经过以下环节审核后发布；至少一个环节须进行保密审查（《条例》第十七条）。审核员的范围是本单位，公开办管理员的范围包括下级单位。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={!editable}>
        <Form.List name="stages">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f, i) => (
                <Row key={f.key} gutter={8} align="bottom">
                  <Col xs={24} md={6}>
                    <Form.Item name={[f.name, 'name']} label={`第${i + 1}环节名称`} rules={[{ required: true, whitespace: true, message: '请填写环节名称' }]}><Input maxLength={20} /></Form.Item>
                  </Col>
                  <Col xs={24} md={9}>
                    <Form.Item name={[f.name, 'roles']} label={`第${i + 1}环节办理角色`} rules={[{ required: true, message: '至少指定一个办理角色' }]}>
                      <Select mode="multiple" options={ROLE_OPTIONS} />
                    </Form.Item>
                  </Col>
                  <Col xs={18} md={7}>
                    <Form.Item name={[f.name, 'confidentialityReview']} valuePropName="checked"><Checkbox>保密审查</Checkbox></Form.Item>
                  </Col>
                  <Col xs={6} md={2}>
                    <Form.Item>
                      <Button icon={<DeleteOutlined />} aria-label={`删除第${i + 1}环节`} disabled={fields.length <= 1} onClick={() => remove(f.name)} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              {editable && fields.length < 5 && (
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', roles: ['reviewer'], confidentialityReview: false })}>增加环节</Button>
              )}
            </Space>
          )}
        </Form.List>
        <Row gutter={12} style={{ marginTop: 16 }}>
          <Col xs={24} md={8}>
            <Form.Item label="双人审核" extra="提交人不能审核，同一人不能审核两个环节">
              <Form.Item name="fourEyes" valuePropName="checked" noStyle><Switch aria-label="双人审核" /></Form.Item>
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="indexPrefixSource" label="索引号前缀">
              <Select options={[{ value: 'creditCode', label: '统一社会信用代码（18位）' }, { value: 'orgCode', label: '组织机构代码（9位）' }]} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="indexSerialWidth" label="索引号序号位数"><InputNumber min={3} max={7} style={{ width: '100%' }} /></Form.Item>
          </Col>
        </Row>
        {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
        {editable && <Button type="primary" onClick={() => void save()}>保存审核环节</Button>}
      </Form>
    </Card>
  );
}
