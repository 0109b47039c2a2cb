/**
 * 信息编辑: a draft's title, summary and rich-text body, its catalogue metadata, attachments, and the checks before
 * publication. Saving runs the checks; "提交审核" stays disabled (and says why) while a 阻止发布 finding or an
 * unsaved change remains. Submission sends the item to the first stage, which confirms the confidentiality review.
 */
import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, Input, Row, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError, errorMessage, isHandledByRedirect } from '../../api/client';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors } from '../../components/form-errors';
import { AttachmentsCard } from './AttachmentsCard';
import { CheckPanel } from './CheckPanel';
import { findingRange, locateInText } from './editor-positions';
import { MetadataFields } from './MetadataFields';
import { RichEditor } from './RichEditor';
import { useColumns } from './use-pub-data';
import { ITEM_STATUS_LABELS, STATUS_COLORS, type CheckFinding, type ItemDetail, type ItemInput, type PublicationItem } from './types';

type FormValues = Omit<ItemInput, 'createdOn' | 'effectiveOn' | 'validityChangedOn'> & { createdOn?: Dayjs; effectiveOn?: Dayjs | null; validityChangedOn?: Dayjs | null };

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const toDay = (s: string | null | undefined) => (s ? dayjs(s) : null);

function toForm(d: ItemDetail): FormValues {
  const i = d.item;
  const out = (kind: string) => d.links.filter((l) => l.fromId === i.id && l.kind === kind).map((l) => l.toId);
  return {
    columnId: i.columnId, title: i.title, summary: i.summary, bodyHtml: i.bodyHtml, publisher: i.publisher, docNumber: i.docNumber,
    createdOn: dayjs(i.createdOn), subject: i.subject, genre: i.genre, keywords: i.keywords, disclosureMethod: i.disclosureMethod,
    disclosurePeriod: i.disclosurePeriod, disclosureScope: i.disclosureScope, validity: i.validity, effectiveOn: toDay(i.effectiveOn),
    validityChangedOn: toDay(i.validityChangedOn), interpretsId: out('interprets')[0] ?? null, amendsIds: out('amends'), repealsIds: out('repeals'),
  };
}

function toInput(v: FormValues): ItemInput {
  return {
    columnId: v.columnId, title: v.title ?? '', summary: v.summary ?? '', bodyHtml: v.bodyHtml ?? '', publisher: v.publisher ?? '',
    docNumber: v.docNumber?.trim() || null, createdOn: day(v.createdOn) ?? '', subject: v.subject ?? null, genre: v.genre ?? null,
    keywords: (v.keywords ?? []).map((k) => k.trim()).filter(Boolean), disclosureMethod: v.disclosureMethod, disclosurePeriod: v.disclosurePeriod,
    disclosureScope: v.disclosureScope, validity: v.validity ?? null, effectiveOn: v.validity ? day(v.effectiveOn) : null,
    validityChangedOn: v.validity && v.validity !== 'inForce' ? day(v.validityChangedOn) : null,
    interpretsId: v.interpretsId ?? null, amendsIds: v.amendsIds ?? [], repealsIds: v.repealsIds ?? [],
  };
}

export default function EditorPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { units } = useUnits();
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [findings, setFindings] = useState<CheckFinding[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [loading, setLoading] = useState(!!id);
  const unitId = detail?.item.unitId ?? params.get('unitId');
  const { columns } = useColumns(unitId);
  const unit = units.find((u) => u.id === unitId);
  useTitle(id ? '编辑信息' : '新建信息');
  const editorRef = useRef<Editor | null>(null);
  const onEditor = useCallback((e: Editor | null) => { editorRef.current = e; }, []);

  /** Selects a finding's text where it is (positions: the saved text; re-found by its excerpt after edits). */
  const locate = (f: CheckFinding) => {
    const gone = () => message.warning('该处内容已修改，未找到对应文字，请保存后重新检查');
    if (f.field === 'body') {
      const editor = editorRef.current;
      const range = editor && findingRange(editor.state.doc, f);
      if (!editor || !range) return gone();
      editor.chain().focus().setTextSelection(range).scrollIntoView().run();
      return;
    }
    const el = document.getElementById(f.field) as HTMLInputElement | HTMLTextAreaElement | null;
    const r = el && locateInText(el.value, f);
    if (!el || !r) return gone();
    el.focus();
    el.setSelectionRange(r[0], r[1]);
    el.scrollIntoView({ block: 'center' });
  };

  const runChecks = useCallback(async (itemId: string) => {
    setChecking(true);
    try {
      setFindings((await api.get<{ findings: CheckFinding[] }>(`/publications/items/${itemId}/checks`)).findings);
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setChecking(false);
    }
  }, [message]);

  const load = useCallback(async (itemId: string, resetForm: boolean) => {
    try {
      const d = await api.get<ItemDetail>(`/publications/items/${itemId}`);
      setDetail(d);
      if (resetForm) {
        form.setFieldsValue(toForm(d));
        setDirty(false);
      }
      void runChecks(itemId);
    } catch (e) {
      if (!isHandledByRedirect(e)) setErrors([errorMessage(e)]);
    } finally {
      setLoading(false);
    }
  }, [form, runChecks]);

  useEffect(() => {
    if (id) void load(id, true);
  }, [id, load]);

  // A new draft starts with the unit as 发布机构 and the usual 公开方式/时限/范围.
  useEffect(() => {
    if (!id && unit && !form.getFieldValue('publisher')) {
      form.setFieldsValue({
        publisher: unit.name, createdOn: dayjs(), disclosureMethod: '主动公开', disclosurePeriod: '常年公开', disclosureScope: '面向全社会',
        keywords: [], amendsIds: [], repealsIds: [], bodyHtml: '', summary: '', columnId: params.get('columnId') ?? undefined,
      } as Partial<FormValues>);
    }
  }, [id, unit, form, params]);

  const known = useMemo(() => (detail?.links ?? []).filter((l) => l.other).map((l) => ({ value: l.other!.id, label: l.other!.title })), [detail]);
  const editable = !id || !!detail?.can.edit;

  const save = async (): Promise<string | null> => {
    setErrors([]);
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return null;
    }
    setSaving(true);
    try {
      const body = toInput(values);
      if (id) {
        await api.put<PublicationItem>(`/publications/items/${id}`, body);
        message.success('已保存');
        setDirty(false);
        await load(id, false);
        return id;
      }
      const created = await api.post<PublicationItem>('/publications/items', { ...body, unitId });
      message.success('草稿已保存，可以上传附件');
      setDirty(false);
      navigate(`/publications/${created.id}/edit`, { replace: true });
      return created.id;
    } catch (e) {
      if (!isHandledByRedirect(e)) setErrors(applyServerErrors(form, e));
      return null;
    } finally {
      setSaving(false);
    }
  };

  const blocks = findings?.filter((f) => f.severity === 'block').length ?? 0;
  const submitBlocked = !id ? '请先保存草稿' : dirty ? '有未保存的修改，请先保存' : findings === null ? '正在检查…'
    : blocks > 0 ? `还有 ${blocks} 个阻止发布的问题，修改并保存后才能提交审核` : detail && !detail.can.submit ? '您不能提交这条信息' : null;

  const submit = () => {
    if (!id) return;
    modal.confirm({
      title: '提交审核',
      content: (
        <Typography.Paragraph>
          提交后信息进入“初审”环节，不能再修改，直至审核人员退回。初审须进行保密审查（《中华人民共和国政府信息公开条例》第十七条），确认不含国家秘密、工作秘密和不应公开的个人信息。
          {(findings?.length ?? 0) > 0 && ` 检查发现 ${findings?.length} 条提示，将一并提交审核人员判断。`}
        </Typography.Paragraph>
      ),
      okText: '提交', cancelText: '取消',
      onOk: async () => {
        try {
          await api.post(`/publications/items/${id}/submit`);
          message.success('已提交审核');
          navigate(`/publications/${id}`);
        } catch (e) {
          const f = e instanceof ApiError ? (e.details?.findings as CheckFinding[] | undefined) : undefined;
          if (f) setFindings(f);
          message.error(errorMessage(e));
        }
      },
    });
  };

  if (loading) return <Spin style={{ display: 'block', margin: 48 }} description="正在加载…" />;
  const status = detail?.item.status;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Link to={id ? `/publications/${id}` : '/publications'} aria-label="返回"><ArrowLeftOutlined /></Link>
          <Typography.Title level={2} style={{ margin: 0 }}>{id ? '编辑信息' : '新建信息'}</Typography.Title>
          {status && <Tag color={STATUS_COLORS[status]}>{ITEM_STATUS_LABELS[status]}</Tag>}
          {unit && <Typography.Text type="secondary">{unit.name}</Typography.Text>}
        </Space>
        <Space wrap>
          <Button icon={<SaveOutlined />} onClick={() => void save()} loading={saving} disabled={!editable}>保存草稿</Button>
          <Button type="primary" icon={<SendOutlined />} onClick={submit} disabled={!!submitBlocked || !editable} aria-describedby="gk-submit-why">提交审核</Button>
        </Space>
      </Flex>
      <Typography.Text id="gk-submit-why" type={blocks > 0 ? 'danger' : 'secondary'} role="status">
        {editable ? (submitBlocked ?? '检查通过，可以提交审核') : '只有草稿可以修改；已退回的信息修改后重新提交'}
      </Typography.Text>
      <ErrorAlert messages={errors} />
      <Form form={form} layout="vertical" disabled={!editable} onValuesChange={() => setDirty(true)} scrollToFirstError>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Card size="small">
                <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
                  <Input maxLength={200} showCount />
                </Form.Item>
                <Form.Item name="summary" label="内容概述">
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Form.Item name="bodyHtml" label="正文" extra="可从 Word、WPS 直接粘贴，多余的格式和空行会自动清除；保存时服务器再做一次净化">
                  <RichEditor label="正文" onEditor={onEditor} />
                </Form.Item>
              </Card>
              <AttachmentsCard itemId={id ?? null} attachments={detail?.attachments ?? []} editable={editable}
                onChanged={() => id && void load(id, false)} />
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <CheckPanel findings={findings} loading={checking} stale={dirty} onRecheck={id ? () => void runChecks(id) : undefined} onLocate={locate}
                attachmentName={(aid) => detail?.attachments.find((a) => a.id === aid)?.filename} />
              <MetadataFields unitId={unitId} itemId={id ?? null} columns={columns} known={known} disabled={!editable} />
            </Space>
          </Col>
        </Row>
      </Form>
    </Space>
  );
}
