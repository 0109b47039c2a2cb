/** The form of one case: linked to the application by its 受理编号; outcome and conclusion date go together. */
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { applyServerErrors } from '../../components/form-errors';
import type { Option, ReviewCaseView } from './types';

interface Values {
  receiptNo?: string;
  kind?: string;
  filedOn?: Dayjs;
  body?: string;
  caseNo?: string;
  challengedNotice?: string;
  outcome?: string | null;
  concludedOn?: Dayjs | null;
  remarks?: string;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function ReviewCaseModal(props: { open: boolean; unitId: string | null; editing: ReviewCaseView | null; kinds: Option[]; outcomes: Option[]; onClose: () => void; onSaved: () => void }) {
  const { open, unitId, editing, kinds, outcomes, onClose, onSaved } = props;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    if (!open) return;
    setProblems([]);
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        receiptNo: editing.application?.receiptNo ?? '', kind: editing.kind, filedOn: dayjs(editing.filedOn), body: editing.body, caseNo: editing.caseNo ?? '',
        challengedNotice: editing.challengedNotice ?? '', outcome: editing.outcome, concludedOn: editing.concludedOn ? dayjs(editing.concludedOn) : null, remarks: editing.remarks ?? '',
      });
    }
  }, [open, editing, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      receiptNo: v.receiptNo ?? '', kind: v.kind, filedOn: day(v.filedOn), body: v.body, caseNo: v.caseNo ?? '', challengedNotice: v.challengedNotice ?? '',
      outcome: v.outcome ?? null, concludedOn: day(v.concludedOn), remarks: v.remarks ?? '',
    };
    setSaving(true);
    try {
      if (editing) await api.patch(`/review-cases/${editing.id}`, body);
      else await api.post('/review-cases', { ...body, unitId });
      onSaved();
    } catch (e) {
      setProblems(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={editing ? '修改复议诉讼案件' : '登记复议诉讼案件'} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden width={640}>
      {problems.length > 0 && <Alert type="error" showIcon message={problems.join('；')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="receiptNo" label="所针对申请的受理编号" extra="答复书上的受理编号；案件计入作出答复的单位的年报表四">
          <Input placeholder="例如 FGJ-2025-00012" autoComplete="off" />
        </Form.Item>
        <Form.Item name="challengedNotice" label="被复议/被诉答复文号" extra="申请不在本系统中时必填">
          <Input placeholder="例如 市发改局依申请〔2025〕12号" />
        </Form.Item>
        <Form.Item name="kind" label="案件类型" rules={[{ required: true, message: '请选择案件类型' }]}>
          <Select options={kinds} placeholder="行政复议 / 直接起诉 / 复议后起诉" />
        </Form.Item>
        <Form.Item name="filedOn" label="立案（申请）日期" rules={[{ required: true, message: '请选择立案（申请）日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="body" label="复议机关或法院" rules={[{ required: true, message: '请填写复议机关或法院' }]}>
          <Input placeholder="例如 安澜市人民政府 / 安澜市人民法院" />
        </Form.Item>
        <Form.Item name="caseNo" label="案号">
          <Input placeholder="例如 安府复〔2025〕3号" />
        </Form.Item>
        <Form.Item name="concludedOn" label="审结日期" extra="尚未审结的案件留空，年末仍未审结的计入“尚未审结”">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="outcome" label="审结结果">
          <Select allowClear options={outcomes} placeholder="维持 / 纠正 / 其他（与审结日期同时填写）" />
        </Form.Item>
        <Form.Item name="remarks" label="备注">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
