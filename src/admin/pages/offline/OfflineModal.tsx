/** Registers or edits one record of information published through another channel. */
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, ApiError, errorMessage } from '../../api/client';
import { OFFLINE_CHANNELS, type OfflinePublication } from '../../../domain/publications/offline/model.js';

interface Values {
  channel: string;
  publishedOn: Dayjs;
  title: string;
  count: number;
  reference?: string;
  note?: string;
}

export function OfflineModal({ open, record, unitId, onClose }: { open: boolean; record: OfflinePublication | null; unitId: string; onClose(saved: boolean): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(record
      ? { channel: record.channel, publishedOn: dayjs(record.publishedOn), title: record.title, count: record.count, reference: record.reference ?? '', note: record.note ?? '' }
      : { channel: 'gazette', publishedOn: dayjs(), count: 1 });
  }, [open, record, form]);

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const body = { channel: v.channel, publishedOn: v.publishedOn.format('YYYY-MM-DD'), title: v.title, count: v.count, itemId: record?.itemId ?? null, reference: v.reference || null, note: v.note || null };
      if (record) await api.put(`/offline-publications/${record.id}`, body);
      else await api.post('/offline-publications', { ...body, unitId });
      message.success(record ? '登记记录已保存' : '已登记');
      onClose(true);
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path as keyof Values, errors: [f.message] })));
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={record ? '修改登记记录' : '登记其他渠道公开的信息'} onCancel={() => onClose(false)} onOk={() => void save()} okText="保存" cancelText="取消" confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="channel" label="公开渠道" rules={[{ required: true, message: '请选择公开渠道' }]}>
          <Select options={Object.entries(OFFLINE_CHANNELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="publishedOn" label="发布日期" rules={[{ required: true, message: '请选择发布日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label="标题或内容" rules={[{ required: true, whitespace: true, message: '请填写标题或内容' }, { max: 300, message: '标题不能超过300字' }]}>
          <Input placeholder="例如：《安澜市人民政府公报》2025年第3期" />
        </Form.Item>
        <Form.Item name="count" label="公开信息条数" extra="一期公报、一次发布会可能公开多条信息，按条数计入年度报告。" rules={[{ required: true, message: '请填写条数' }]}>
          <InputNumber min={1} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="reference" label="期号、链接或地点">
          <Input maxLength={500} placeholder="例如：2025年第3期；https://…；市民服务中心查阅点" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
