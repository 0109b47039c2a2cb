/**
 * 告知书设置: a unit's 发文机关代字, the reconsideration body and court named in the remedies, the correction period,
 * the payment text, and its own wording of any notice template, with the placeholders each template may use.
 * The server validates everything (unknown placeholders are refused with the list of usable ones) and keeps every
 * saved version; paragraphs are separated by blank lines, and tables of a template are kept as they are.
 */
import { App, Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

type Block = string | { table: [string, string][] };
interface Template {
  kind: string;
  shortName: string;
  title: string[];
  body: Block[];
  notes: string[];
}
interface Settings {
  docNoPrefix?: string;
  reconsiderationBody?: string;
  court?: string;
  correctionPeriodDays?: number;
  paymentMethod?: string;
  sealPlaceholder?: string;
  templates?: Record<string, Partial<Template>>;
}
interface SettingsInfo {
  own: Settings;
  effective: Required<Omit<Settings, 'templates'>> & { templates: Record<string, Template> };
  defaults: Settings & { templates: Record<string, Template> };
  placeholders: Record<string, { name: string; description: string }[]>;
  canEdit: boolean;
}

const FACTS: { key: keyof Omit<Settings, 'templates' | 'correctionPeriodDays'>; label: string }[] = [
  { key: 'docNoPrefix', label: '发文机关代字（文号前缀）' },
  { key: 'reconsiderationBody', label: '行政复议机关' },
  { key: 'court', label: '行政诉讼的人民法院' },
  { key: 'paymentMethod', label: '缴费方式' },
  { key: 'sealPlaceholder', label: '印章位置文字' },
];

/** Paragraphs only (tables are kept from the template): blank-line separated text ⇄ blocks. */
const toText = (blocks: Block[]) => blocks.filter((b): b is string => typeof b === 'string').join('\n\n');
function fromText(text: string, original: Block[]): Block[] {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const tables = original.filter((b) => typeof b !== 'string');
  // Tables stay after the first paragraph, where the templates place them.
  return tables.length ? [paragraphs[0] ?? '', ...tables, ...paragraphs.slice(1)].filter((b) => b !== '') : paragraphs;
}

export default function NoticeSettingsPage() {
  useTitle('告知书设置');
  const { message } = App.useApp();
  const { units } = useUnits();
  const editable = useMemo(() => units.filter((u) => u.can.update), [units]);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [info, setInfo] = useState<SettingsInfo | null>(null);
  const [templateKey, setTemplateKey] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    if (!unitId && editable[0]) setUnitId(editable[0].id);
  }, [unitId, editable]);

  const load = useCallback(async () => {
    if (!unitId) return;
    try {
      const i = await api.get<SettingsInfo>(`/units/${encodeURIComponent(unitId)}/notice-settings`);
      setInfo(i);
      const key = templateKey ?? Object.keys(i.effective.templates)[0] ?? null;
      setTemplateKey(key);
      form.setFieldsValue({ ...i.effective, ...i.own });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [unitId, templateKey, form, message]);
  useEffect(() => {
    void load();
  }, [unitId]); // eslint-disable-line react-hooks/exhaustive-deps

  const template = info && templateKey ? info.effective.templates[templateKey] : undefined;
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  useEffect(() => {
    if (!template) return;
    setTitle(template.title.join('\n'));
    setBody(toText(template.body));
  }, [template]);

  const save = async () => {
    if (!info || !unitId) return;
    const facts = form.getFieldsValue() as Settings;
    const templates = { ...(info.own.templates ?? {}) };
    if (template && templateKey) {
      const newTitle = title.split('\n').map((l) => l.trim()).filter(Boolean);
      const newBody = fromText(body, template.body);
      const changed = newTitle.join('\n') !== template.title.join('\n') || JSON.stringify(newBody) !== JSON.stringify(template.body);
      if (changed) templates[templateKey] = { ...(templates[templateKey] ?? {}), title: newTitle, body: newBody };
    }
    const settings: Settings = {};
    for (const f of FACTS) if (facts[f.key]) (settings as Record<string, unknown>)[f.key] = facts[f.key];
    if (facts.correctionPeriodDays) settings.correctionPeriodDays = facts.correctionPeriodDays;
    if (Object.keys(templates).length) settings.templates = templates;
    setSaving(true);
    setErrors([]);
    try {
      await api.put(`/units/${encodeURIComponent(unitId)}/notice-settings`, settings);
      message.success('已保存，之后生成的告知书使用新的设置');
      await load();
    } catch (e) {
      const fields = (e as { fields?: { message: string }[] }).fields;
      setErrors(fields?.length ? fields.map((f) => f.message) : [errorMessage(e)]);
    } finally {
      setSaving(false);
    }
  };

  const resetTemplate = () => {
    if (!info || !templateKey) return;
    const d = info.defaults.templates[templateKey];
    if (!d) return;
    setTitle(d.title.join('\n'));
    setBody(toText(d.body));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>告知书设置</Typography.Title>
      <Card size="small">
        <UnitTreeSelect aria-label="单位" units={units} value={unitId} onChange={setUnitId} selectable={(u) => u.can.update} placeholder="请选择单位" />
      </Card>
      {errors.length > 0 && <Alert type="error" showIcon title="未保存" role="alert" description={<ul>{errors.map((m) => <li key={m}>{m}</li>)}</ul>} />}
      {info && (
        <Form form={form} layout="vertical" disabled={!info.canEdit}>
          <Card title="机关信息" size="small">
            <Row gutter={16}>
              {FACTS.map((f) => (
                <Col xs={24} md={12} key={f.key}>
                  <Form.Item name={f.key} label={f.label}>
                    <Input />
                  </Form.Item>
                </Col>
              ))}
              <Col xs={24} md={12}>
                <Form.Item name="correctionPeriodDays" label="补正期限（工作日，《条例》第三十条“合理期限”）">
                  <InputNumber min={5} max={60} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card title="模板文字" size="small" style={{ marginTop: 16 }}>
            <Form.Item label="模板">
              <Select
                aria-label="模板"
                value={templateKey ?? undefined}
                onChange={setTemplateKey}
                options={Object.entries(info.effective.templates).map(([k, t]) => ({ value: k, label: `${t.shortName}（${k}）` }))}
              />
            </Form.Item>
            {templateKey && (
              <>
                <Form.Item label="标题（每行一行）">
                  <Input.TextArea aria-label="标题" value={title} onChange={(e) => setTitle(e.target.value)} autoSize={{ minRows: 1, maxRows: 3 }} />
                </Form.Item>
                <Form.Item label="正文（段落之间空一行；表格保持模板原样）">
                  <Input.TextArea aria-label="正文" value={body} onChange={(e) => setBody(e.target.value)} autoSize={{ minRows: 8, maxRows: 24 }} />
                </Form.Item>
                <Typography.Paragraph>
                  可用的占位符：{(info.placeholders[templateKey] ?? []).map((p) => <Tag key={p.name} title={p.description}>{`{{${p.name}}}`}</Tag>)}
                </Typography.Paragraph>
                <Button onClick={resetTemplate}>恢复默认文字</Button>
              </>
            )}
          </Card>
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" loading={saving} onClick={() => void save()} disabled={!info.canEdit}>保存设置</Button>
          </Space>
        </Form>
      )}
    </Space>
  );
}
