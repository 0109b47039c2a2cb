/** Adds or edits one dictionary entry. */
import { App, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, errorMessage } from '../../api/client';
import { SEVERITY_LABELS, WORDING_KIND_LABELS, type ListedEntry } from './types';

interface Props {
  open: boolean;
  entry: ListedEntry | null;
  unitId: string;
  unitName: string;
  canEditUnit: boolean;
  canEditPlatform: boolean;
  onClose(saved: boolean): void;
}

interface Values {
  scope: 'unit' | 'platform';
  phrase: string;
  kind: string;
  suggestion?: string;
  severity: 'block' | 'warn';
  note?: string;
  active: boolean;
}

export function EntryModal({ open, entry, unitId, unitName, canEditUnit, canEditPlatform, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(entry
      ? { scope: entry.unitId === null ? 'platform' : 'unit', phrase: entry.phrase, kind: entry.kind, suggestion: entry.suggestion ?? '', severity: entry.severity, note: entry.note ?? '', active: entry.active }
      : { scope: canEditUnit ? 'unit' : 'platform', kind: 'typo', severity: 'warn', active: true });
  }, [open, entry, form, canEditUnit]);

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const body = { phrase: v.phrase, kind: v.kind, suggestion: v.suggestion || null, severity: v.severity, note: v.note || null, active: v.active };
      if (entry) await api.put(`/publication-checks/wording/${entry.id}`, body);
      else await api.post('/publication-checks/wording', { ...body, unitId: v.scope === 'platform' ? null : unitId });
      message.success(entry ? '词条已保存' : '词条已添加');
      onClose(true);
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path as keyof Values, errors: [f.message] })));
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={entry ? '修改词条' : '新增词条'} onCancel={() => onClose(false)} onOk={() => void save()} okText="保存" cancelText="取消" confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="scope" label="适用范围">
          <Radio.Group disabled={!!entry}>
            <Radio value="unit" disabled={!canEditUnit}>{unitName}及下级单位</Radio>
            <Radio value="platform" disabled={!canEditPlatform}>全平台</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="phrase" label="词语" rules={[{ required: true, whitespace: true, message: '请填写词语' }, { max: 100, message: '词语不能超过100字' }]}>
          <Input autoFocus placeholder="例如：国土资源局" />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={Object.entries(WORDING_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="suggestion" label="建议写法">
          <Input placeholder="例如：自然资源局" maxLength={200} />
        </Form.Item>
        <Form.Item name="severity" label="处理方式" extra="“阻止发布”的词条未修改前不能提交审核和发布；“提示”只提醒。">
          <Radio.Group options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="note" label="说明（依据）">
          <Input.TextArea rows={2} maxLength={500} placeholder="例如：2018年机构改革后已更名" />
        </Form.Item>
        <Form.Item name="active" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
