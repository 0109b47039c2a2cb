/**
 * 公开指南 (Art. 12): each explanatory section of a unit's guide, edited as plain text. A section left as the
 * lawful default is saved as null, so it follows future updates of the default; "恢复默认" does the same.
 * The contact facts in the guide come from the unit record (单位管理).
 */
import { ExportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Input, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorMessage, isHandledByRedirect } from '../../api/client';
import type { Guide } from '../../api/types';
import { formatTime } from '../../app/format';
import { useCurrentSession } from '../../app/session';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

interface Draft {
  text: string;
  /** true: save as null (default text). */
  useDefault: boolean;
}

export default function GuidePage() {
  useTitle('公开指南');
  const session = useCurrentSession();
  const { message, modal } = App.useApp();
  const { units } = useUnits();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId');
  const unit = units.find((u) => u.id === unitId) ?? null;
  const [guide, setGuide] = useState<Guide | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const editable = unit?.can.editGuide ?? false;

  useEffect(() => {
    if (!unitId && units.length) {
      const pick = units.find((u) => u.id === session.account.unitId && u.can.editGuide) ?? units.find((u) => u.can.editGuide) ?? units[0];
      if (pick) setParams({ unitId: pick.id }, { replace: true });
    }
  }, [unitId, units, session.account.unitId, setParams]);

  const apply = (g: Guide) => {
    setGuide(g);
    setDrafts(Object.fromEntries(g.sections.map((s) => [s.key, { text: s.text, useDefault: !s.edited }])));
    setFieldErrors({});
  };

  const load = useCallback(async (id: string) => {
    setLoading(true);
    try {
      apply(await api.get<Guide>(`/units/${id}/guide`));
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
      setGuide(null);
    } finally {
      setLoading(false);
    }
  }, [message]);

  useEffect(() => {
    if (unitId) void load(unitId);
  }, [unitId, load]);

  const dirty = guide?.sections.some((s) => {
    const d = drafts[s.key];
    return d && (d.text !== s.text || d.useDefault === s.edited);
  }) ?? false;

  const save = async () => {
    if (!guide || !unitId) return;
    const sections: Record<string, string | null> = {};
    for (const s of guide.sections) {
      const d = drafts[s.key] ?? { text: s.text, useDefault: !s.edited };
      // Untouched default text stays "default" (null); anything typed is saved as this unit's own text.
      sections[s.key] = d.useDefault || !d.text.trim() ? null : d.text;
    }
    setSaving(true);
    setFieldErrors({});
    try {
      apply(await api.put<Guide>(`/units/${unitId}/guide`, { sections }));
      message.success('公开指南已保存');
    } catch (e) {
      const fields = (e as { fields?: { path: string; message: string }[] }).fields ?? [];
      setFieldErrors(Object.fromEntries(fields.map((f) => [f.path, f.message])));
      modal.error({ title: '保存失败', content: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  const edit = (key: string, text: string) => setDrafts((d) => ({ ...d, [key]: { text, useDefault: false } }));
  const restoreDefault = (key: string) =>
    modal.confirm({
      title: '恢复为默认文本？',
      content: '本章节将使用平台提供的默认文本（依《条例》编写，随平台更新），您修改的内容将在保存后丢失。',
      okText: '恢复默认',
      cancelText: '取消',
      onOk: () => setDrafts((d) => ({ ...d, [key]: { text: '', useDefault: true } })),
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>公开指南</Typography.Title>
      <Card size="small">
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={12}>
            <UnitTreeSelect aria-label="选择单位" units={units} value={unitId} onChange={(id) => id && setParams({ unitId: id })} placeholder="选择单位" />
          </Col>
          <Col xs={24} md={12}>
            {unit && (
              <Flex wrap gap={12} align="center">
                <Typography.Link href={`/u/${unit.slug}/guide`} target="_blank" rel="noopener">
                  查看公开页面 <ExportOutlined aria-label="（在新窗口打开）" />
                </Typography.Link>
                <Link to={`/units?id=${unit.id}`}>修改受理机构和联系方式</Link>
                {guide?.updatedAt && <Typography.Text type="secondary">最近保存：{formatTime(guide.updatedAt)}</Typography.Text>}
              </Flex>
            )}
          </Col>
        </Row>
      </Card>
      {!unitId && <Card><Empty description="请选择单位" /></Card>}
      {unitId && loading && !guide && <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>}
      {guide && unit && (
        <>
          <Alert
            type="info"
            showIcon
            title="指南中的受理机构名称、办公地址、办公时间、电话、传真和电子邮箱取自单位信息，请在“单位管理”中修改；以下为各章节的说明文字。"
          />
          {!editable && <Alert type="warning" showIcon title="您可以查看该单位的公开指南，但没有编辑权限。" />}
          {guide.sections.map((s) => {
            const d = drafts[s.key] ?? { text: s.text, useDefault: !s.edited };
            const showingDefault = d.useDefault;
            const id = `guide-${s.key}`;
            return (
              <Card
                key={s.key}
                size="small"
                title={<label htmlFor={id}>{s.title}</label>}
                extra={
                  <Space>
                    {showingDefault ? <Tag>默认文本</Tag> : <Tag color="blue">本单位已修改</Tag>}
                    {editable && !showingDefault && <Button size="small" onClick={() => restoreDefault(s.key)}>恢复默认</Button>}
                  </Space>
                }
              >
                <Input.TextArea
                  id={id}
                  value={d.text}
                  onChange={(e) => edit(s.key, e.target.value)}
                  autoSize={{ minRows: 4, maxRows: 20 }}
                  maxLength={20000}
                  readOnly={!editable}
                  status={fieldErrors[s.key] ? 'error' : undefined}
                  aria-describedby={fieldErrors[s.key] ? `${id}-error` : undefined}
                />
                {showingDefault && d.text === '' && <Typography.Text type="secondary">将恢复为默认文本，保存后显示。</Typography.Text>}
                {fieldErrors[s.key] && <Typography.Text type="danger" id={`${id}-error`}>{fieldErrors[s.key]}</Typography.Text>}
              </Card>
            );
          })}
          {editable && (
            <Flex gap={8}>
              <Button type="primary" loading={saving} disabled={!dirty} onClick={() => void save()}>保存指南</Button>
              <Button disabled={!dirty || saving} onClick={() => apply(guide)}>撤销修改</Button>
            </Flex>
          )}
        </>
      )}
    </Space>
  );
}
