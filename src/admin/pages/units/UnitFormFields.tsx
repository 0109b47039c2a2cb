/**
 * Every field of a unit, in the order of the guide (Art. 12): identity, the disclosure office and its contacts,
 * then the profile published under Art. 20(二): functions, leaders, internal bodies.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useSession } from '../../app/session';

const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };

export function UnitFormFields({ readOnly = false }: { readOnly?: boolean }) {
  const { meta } = useSession();
  const typeOptions = Object.entries(meta.unitTypes).map(([value, label]) => ({ value, label }));
  const levelOptions = Object.entries(meta.unitLevels).map(([value, label]) => ({ value, label }));

  return (
    <>
      <Divider titlePlacement="start" plain><Typography.Text strong>基本信息</Typography.Text></Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }, { min: 2, message: '单位名称至少2个字' }, { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="shortName" label="简称" rules={[{ max: 30 }]}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="code" label="统一社会信用代码" extra="18位，机关单位一般以 11 开头；可留空">
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="slug"
            label="网址标识"
            extra="公开网址 /u/<网址标识>，小写字母、数字和连字符；新建时留空则按名称拼音自动生成"
            rules={[{ pattern: /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, message: '只能由小写字母、数字和连字符组成，例如 fgw 或 aga-zhen' }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="type" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
            <Select options={typeOptions} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="level" label="行政层级" rules={[{ required: true, message: '请选择行政层级' }]}>
            <Select options={levelOptions} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="sortOrder" label="排序号" extra="数字小的排在前面">
            <InputNumber min={0} max={100000} precision={0} controls={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain><Typography.Text strong>政府信息公开工作机构及联系方式</Typography.Text></Divider>
      <Row gutter={16}>
        <Col xs={24}>
          <Form.Item name="officeName" label="政府信息公开工作机构" extra="受理政府信息公开申请的机构名称，将显示在公开指南中">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="address" label="办公地址"><Input maxLength={200} /></Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="officeHours" label="办公时间"><Input maxLength={200} placeholder="例如：工作日 9:00-12:00，14:00-17:30" /></Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="phone" label="联系电话"><Input maxLength={60} placeholder="例如 0851-12345678" /></Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="fax" label="传真"><Input maxLength={60} /></Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="postcode" label="邮政编码" rules={[{ pattern: /^\d{6}$/, message: '邮政编码应为6位数字' }]}>
            <Input maxLength={6} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
            <Input maxLength={100} type="email" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="website" label="网站" rules={[{ pattern: /^https?:\/\/\S+$/i, message: '网址应以 http:// 或 https:// 开头' }]}>
            <Input maxLength={200} placeholder="https://" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain><Typography.Text strong>机构职能</Typography.Text></Divider>
      <Form.Item name="functions" label="主要职能">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={5000} showCount />
      </Form.Item>

      <Divider titlePlacement="start" plain><Typography.Text strong>领导信息</Typography.Text></Divider>
      <Form.List name="leaders">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Row gutter={8} key={key} align="top">
                <Col xs={12} md={5}>
                  <Form.Item name={[name, 'name']} label={`领导${name + 1} 姓名`} rules={[{ required: true, whitespace: true, message: '请填写领导姓名' }]}>
                    <Input maxLength={30} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[name, 'title']} label="职务" rules={[{ required: true, whitespace: true, message: '请填写职务' }]}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={20} md={11}>
                  <Form.Item name={[name, 'duties']} label="分工">
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2}>
                  {!readOnly && (
                    <Form.Item label=" " colon={false}>
                      <Button icon={<DeleteOutlined />} aria-label={`删除领导${name + 1}`} onClick={() => remove(name)} />
                    </Form.Item>
                  )}
                </Col>
              </Row>
            ))}
            {!readOnly && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', title: '', duties: '' })}>添加领导</Button>}
            {readOnly && fields.length === 0 && <Typography.Text type="secondary">未填写</Typography.Text>}
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start" plain><Typography.Text strong>内设机构</Typography.Text></Divider>
      <Form.List name="internalBodies">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Row gutter={8} key={key} align="top">
                <Col xs={12} md={6}>
                  <Form.Item name={[name, 'name']} label={`内设机构${name + 1} 名称`} rules={[{ required: true, whitespace: true, message: '请填写内设机构名称' }]}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[name, 'phone']} label="电话"><Input maxLength={60} /></Form.Item>
                </Col>
                <Col xs={20} md={11}>
                  <Form.Item name={[name, 'duties']} label="职责">
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2}>
                  {!readOnly && (
                    <Form.Item label=" " colon={false}>
                      <Button icon={<DeleteOutlined />} aria-label={`删除内设机构${name + 1}`} onClick={() => remove(name)} />
                    </Form.Item>
                  )}
                </Col>
              </Row>
            ))}
            {!readOnly && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', duties: '', phone: '' })}>添加内设机构</Button>}
            {readOnly && fields.length === 0 && <Typography.Text type="secondary">未填写</Typography.Text>}
          </>
        )}
      </Form.List>
    </>
  );
}
