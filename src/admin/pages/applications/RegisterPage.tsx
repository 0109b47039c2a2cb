/** 登记申请: staff enter an application received in person, by letter, fax or e-mail (Art. 29, 31). */
import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useTitle } from '../../app/use-title';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors } from '../../components/form-errors';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { ApplicantFields } from './ApplicantFields';
import { CHANNELS, DELIVERY_METHODS, ENTRY_CHANNELS, PROVISION_FORMS, RECEIPT_RULES, RECEIVED_AT_ENTRY, type Channel } from './codes';
import { RegisteredModal } from './RegisteredModal';
import { useRequestUnits } from './request-units';
import type { RegisterResponse } from './types';

interface Values {
  unitId: string | null;
  channel: Channel;
  receivedOn: Dayjs | null;
  receiptEvidence?: string;
  applicant: Record<string, string | undefined>;
  description: string;
  documentNo?: string;
  provisionForm?: string;
  deliveryMethod?: string;
}

const EVIDENCE_HINT: Record<Channel, string> = {
  inPerson: '例如：窗口登记表编号',
  registeredPost: '例如：挂号信或特快专递单号',
  ordinaryLetter: '例如：信封邮戳日期、与申请人确认的电话记录',
  online: '',
  fax: '例如：传真收件时间和发送号码',
  email: '例如：邮件主题和系统收件时间',
};

export default function RegisterPage() {
  useTitle('登记申请');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { units, ids, defaultUnitId } = useRequestUnits('handle');
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<RegisterResponse | null>(null);
  const channel = (Form.useWatch('channel', form) ?? 'inPerson') as Channel;
  const atEntry = RECEIVED_AT_ENTRY.has(channel);
  const requested = params.get('unitId');
  const initialUnit = requested && ids.has(requested) ? requested : defaultUnitId;

  useEffect(() => {
    if (initialUnit && !form.getFieldValue('unitId')) form.setFieldValue('unitId', initialUnit);
  }, [initialUnit, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    setProblems([]);
    try {
      const res = await api.post<RegisterResponse>('/applications', {
        unitId: v.unitId,
        channel: v.channel,
        receivedOn: atEntry && v.receivedOn ? v.receivedOn.format('YYYY-MM-DD') : undefined,
        receiptEvidence: v.receiptEvidence,
        applicant: v.applicant,
        description: v.description,
        documentNo: v.documentNo,
        provisionForm: v.provisionForm,
        deliveryMethod: v.deliveryMethod,
      });
      setDone(res);
    } catch (e) {
      setProblems(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  if (units.length > 0 && ids.size === 0) {
    return <Alert type="info" showIcon title="您没有登记申请的权限" description="只有单位的依申请经办人可以登记申请，请联系本单位公开办管理员分配角色。" />;
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>登记申请</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        登记当面提交、信函、传真和电子邮件提出的政府信息公开申请（《条例》第二十九条）。不得要求申请人说明申请用途。互联网在线申请由申请人在门户网站提交，无需在此登记。
      </Typography.Paragraph>
      <ErrorAlert messages={problems} />
      <Form<Values>
        name="register-application"
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{ unitId: null, channel: 'inPerson', receivedOn: dayjs(), applicant: { type: 'natural', idType: 'residentId' } }}
      >
        <Card title="受理信息" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="unitId" label="受理单位" rules={[{ required: true, message: '请选择受理单位' }]} extra="只能选择您担任依申请经办人的单位。">
                <UnitTreeSelect units={units} selectable={(u) => ids.has(u.id) && u.status === 'active'} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label="申请渠道" rules={[{ required: true, message: '请选择申请渠道' }]}>
                <Select options={ENTRY_CHANNELS.map((c) => ({ value: c, label: CHANNELS[c] }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="receivedOn"
                label="收到申请日期"
                extra={atEntry ? RECEIPT_RULES[channel] : `${RECEIPT_RULES[channel]}本渠道登记时无需填写。`}
                rules={atEntry ? [{ required: true, message: '请填写收到申请日期' }] : []}
              >
                <DatePicker
                  style={{ width: '100%' }}
                  disabled={!atEntry}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  format="YYYY-MM-DD"
                  placeholder={atEntry ? '选择日期' : '确认收到后起算'}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="receiptEvidence" label="收件凭证" extra={EVIDENCE_HINT[channel]}>
                <Input autoComplete="off" maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="申请人" size="small" style={{ marginBottom: 16 }}>
          <ApplicantFields />
        </Card>
        <Card title="所需信息" size="small" style={{ marginBottom: 16 }}>
          <Form.Item
            name="description"
            label="所需政府信息的名称或内容描述"
            rules={[{ required: true, whitespace: true, message: '请填写所需政府信息的名称或内容描述' }, { max: 4000 }]}
          >
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item name="documentNo" label="文号" extra="申请人知道文号的，一并登记，例如：安发改投资〔2025〕12号。">
            <Input autoComplete="off" maxLength={100} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="provisionForm" label="信息的提供形式" rules={[{ required: true, message: '请选择信息的提供形式' }]}>
                <Radio.Group role="radiogroup" aria-label="信息的提供形式" options={Object.entries(PROVISION_FORMS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="deliveryMethod" label="获取信息的方式" rules={[{ required: true, message: '请选择获取信息的方式' }]}>
                <Radio.Group role="radiogroup" aria-label="获取信息的方式" options={Object.entries(DELIVERY_METHODS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Flex gap={8} justify="flex-end">
          <Button onClick={() => navigate('/applications')}>返回队列</Button>
          {/* No loading icon: antd keeps it (aria-label "loading") in the name after a failed submit until its exit animation ends. */}
          <Button type="primary" htmlType="submit" disabled={saving} aria-busy={saving}>{saving ? '正在登记…' : '登记'}</Button>
        </Flex>
      </Form>
      <RegisteredModal
        value={done}
        onOpenDetail={(id) => navigate(`/applications/${id}`)}
        onNext={() => {
          setDone(null);
          const keep = { unitId: form.getFieldValue('unitId') as string | null, channel: form.getFieldValue('channel') as Channel };
          form.resetFields();
          form.setFieldsValue(keep);
        }}
      />
    </Space>
  );
}
