/** The applicant part of the entry form (Art. 29(一)): a person with an identity document, or an organisation. */
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { APPLICANT_TYPES, ID_DOCUMENT_TYPES, type ApplicantType } from './codes';

export function ApplicantFields() {
  const form = Form.useFormInstance();
  const type = Form.useWatch(['applicant', 'type'], form) as ApplicantType | undefined;
  const natural = (type ?? 'natural') === 'natural';
  return (
    <>
      <Form.Item name={['applicant', 'type']} label="申请人类型" rules={[{ required: true, message: '请选择申请人类型' }]}>
        <Radio.Group
          role="radiogroup"
          aria-label="申请人类型"
          optionType="button"
          options={(Object.keys(APPLICANT_TYPES) as ApplicantType[]).map((k) => ({ value: k, label: APPLICANT_TYPES[k] }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['applicant', 'name']}
            label={natural ? '申请人姓名' : '单位名称'}
            rules={[{ required: true, whitespace: true, message: natural ? '请填写申请人姓名' : '请填写单位名称' }, { max: 100 }]}
          >
            <Input autoComplete="off" maxLength={100} />
          </Form.Item>
        </Col>
        {natural ? (
          <>
            <Col xs={24} md={12}>
              <Form.Item name={['applicant', 'idType']} label="证件类型">
                <Select options={Object.entries(ID_DOCUMENT_TYPES).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['applicant', 'idNumber']}
                label="证件号码"
                extra="身份证号码按国家标准逐位校验；其他证件照原样填写。"
                rules={[{ required: true, whitespace: true, message: '请填写身份证件号码' }]}
              >
                <Input autoComplete="off" maxLength={40} />
              </Form.Item>
            </Col>
          </>
        ) : (
          <>
            <Col xs={24} md={12}>
              <Form.Item name={['applicant', 'orgCode']} label="统一社会信用代码" rules={[{ required: true, whitespace: true, message: '请填写统一社会信用代码' }]}>
                <Input autoComplete="off" maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['applicant', 'contactPerson']} label="联系人" rules={[{ required: true, whitespace: true, message: '请填写联系人姓名' }]}>
                <Input autoComplete="off" maxLength={30} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} md={12}>
          <Form.Item name={['applicant', 'phone']} label="联系电话" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}>
            <Input type="tel" autoComplete="off" maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['applicant', 'email']} label="电子邮箱" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
            <Input type="email" autoComplete="off" maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={['applicant', 'address']} label="通信地址" extra="通信地址和电子邮箱至少填写一项，用于送达告知书。">
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['applicant', 'postcode']} label="邮政编码" rules={[{ pattern: /^\d{6}$/, message: '邮政编码应为6位数字' }]}>
            <Input inputMode="numeric" autoComplete="off" maxLength={6} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
