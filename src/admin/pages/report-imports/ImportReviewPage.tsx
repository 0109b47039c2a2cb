/**
 * Reviewing one stored import side by side: the source text with every number read highlighted ↔ the tables with
 * each cell's value and provenance (choosing one shows the other), corrections in place (手工更正, with the value
 * replaced), the unit and year it belongs to, reading warnings apart from the report's own 勾稽 findings, and the
 * decision: accept into the unit's history, or discard (the original stays; it can be restored).
 */
import { Alert, App, Button, Card, Col, Descriptions, Empty, InputNumber, Popconfirm, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { cellLabel, templateById } from '../../../domain/annual-report/templates.js';
import { templateCellPaths, type TemplateId } from '../../../domain/annual-report/interchange.js';
import { api, errorMessage, isHandledByRedirect } from '../../api/client';
import { formatTime } from '../../app/format';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { CellsPane, cellRowId } from './CellsPane';
import { SourcePane, sourceMarkId } from './SourcePane';
import { TEMPLATE_LABELS, type ImportDetail } from './types';

const STATUS_COLOR = { pending: 'processing', accepted: 'success', discarded: 'default' } as const;

export default function ImportReviewPage() {
  const { id = '' } = useParams();
  useTitle('核对导入的年报');
  const { message } = App.useApp();
  const { units } = useUnits();
  const [d, setD] = useState<ImportDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [template, setTemplate] = useState<TemplateId | null>(null);

  const show = useCallback((x: ImportDetail) => {
    setD(x);
    setUnitId(x.unitId);
    setYear(x.year);
    setTemplate(x.template);
  }, []);

  useEffect(() => {
    api.get<ImportDetail>(`/report-imports/${id}`).then(show, (e) => { if (!isHandledByRedirect(e)) setError(errorMessage(e)); });
  }, [id, show]);

  const run = async (fn: () => Promise<ImportDetail>, done?: string): Promise<boolean> => {
    setSaving(true);
    try {
      show(await fn());
      if (done) message.success(done);
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    } finally {
      setSaving(false);
    }
  };

  const labels = useMemo(() => {
    if (!d?.doc) return {};
    const t = templateById(d.doc.template);
    return Object.fromEntries(templateCellPaths(d.doc.template).map((p) => [p, cellLabel(t, p)]));
  }, [d?.doc]);
  const corrected = useMemo(() => new Set(Object.keys(d?.corrections ?? {})), [d?.corrections]);
  const flagged = useMemo(() => new Set((d?.findings?.errors ?? []).flatMap((f) => f.cells)), [d?.findings]);

  const showCell = useCallback((path: string) => {
    setActive(path);
    const row = document.getElementById(cellRowId(path));
    row?.scrollIntoView({ block: 'center' });
    (row?.querySelector('button') as HTMLElement | null)?.focus({ preventScroll: true });
  }, []);
  const showSource = useCallback((path: string) => {
    setActive(path);
    const mark = document.getElementById(sourceMarkId(path));
    mark?.scrollIntoView({ block: 'center' });
    mark?.focus({ preventScroll: true });
  }, []);

  if (error) return <Alert type="error" showIcon message={error} action={<Link to="/reports/imports">返回导入列表</Link>} />;
  if (!d) return <Spin tip="正在加载" fullscreen={false}><div style={{ height: 200 }} /></Spin>;

  const pending = d.status === 'pending';
  const targetChanged = unitId !== d.unitId || year !== d.year || template !== d.template;
  const canAccept = pending && !!d.unitId && d.year !== null && !!d.doc && !d.existingReport && !targetChanged;
  const evidence = [...d.read.evidence.template.slice(0, 4), ...d.read.evidence.year.slice(0, 2), ...d.read.evidence.unit.slice(0, 2)];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap align="center">
        <Link to="/reports/imports">← 历史年报导入</Link>
      </Space>
      <Typography.Title level={3} style={{ margin: 0 }}>
        核对：{d.filename} <Tag color={STATUS_COLOR[d.status]}>{d.statusLabel}</Tag>
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
        { key: 'f', label: '读取为', children: `${TEMPLATE_LABELS[d.template]}（原文判断：${d.detected.template}），${d.year ?? '年度未识别'}${d.year ? ' 年度' : ''}` },
        { key: 'u', label: '原文单位', children: d.detected.unitName ?? '未写明' },
        { key: 'c', label: '读取单元格', children: `${d.read.cellsRead}/${d.read.cellsTotal}` },
        { key: 'e', label: '编码', children: `${d.encoding}${d.script === 'traditional' ? '；原文为繁体，已转换为简体读取（出处显示原文）' : ''}` },
        { key: 'b', label: '上传', children: `${d.uploadedByName ?? ''} ${formatTime(d.uploadedAt)}（${d.ownerUnitName}）` },
        { key: 'o', label: '原始文件', children: <a href={`/api/v1/report-imports/${d.id}/original`} download={d.filename}>下载 {d.filename}</a> },
        ...(d.decidedAt ? [{ key: 'd', label: '处理', children: `${d.decidedBy ?? ''} ${formatTime(d.decidedAt)}` }] : []),
      ]} />

      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>存入哪个单位、哪一年度</h2>}>
        <Space wrap align="center">
          <label htmlFor="target-unit">单位：</label>
          <UnitTreeSelect id="target-unit" units={units} value={unitId} onChange={setUnitId} disabled={!pending} style={{ width: 260 }} aria-label="存入单位" />
          <label htmlFor="target-year">年度：</label>
          <InputNumber id="target-year" aria-label="年度" value={year} min={2008} max={new Date().getFullYear()} precision={0} disabled={!pending} onChange={(v) => setYear(v === null ? null : Number(v))} />
          <label htmlFor="target-template">格式：</label>
          <Select<TemplateId> id="target-template" aria-label="格式" value={template ?? undefined} disabled={!pending} style={{ width: 200 }} onChange={setTemplate}
            options={(Object.keys(TEMPLATE_LABELS) as TemplateId[]).map((t) => ({ value: t, label: TEMPLATE_LABELS[t] }))} />
          <Button disabled={!pending || !targetChanged} loading={saving}
            onClick={() => void run(() => api.patch<ImportDetail>(`/report-imports/${d.id}`, {
              version: d.version, unitId,
              ...(year !== d.year && year !== null ? { year } : {}),
              ...(template !== d.template && template ? { template } : {}),
            }), year !== d.year || template !== d.template ? '已按所选年度和格式重新读取原文' : '已保存')}>
            保存单位和年度
          </Button>
        </Space>
        {d.existingReport && pending && (
          <Alert style={{ marginTop: 12 }} type="warning" showIcon
            message={<>{d.unitName}{d.year}年度已有年度报告（{d.existingReport.origin === 'imported' ? '历史导入' : '系统生成'}），不能存入。<Link to={`/reports/${d.existingReport.id}`}>查看该年报</Link></>} />
        )}
        <Space wrap style={{ marginTop: 12 }}>
          {pending && (
            <Popconfirm title="存入年报历史" description={`把这份报告（含 ${corrected.size} 处人工更正）存入${d.unitName ?? ''}${d.year ?? ''}年度的年报历史？`} okText="存入" cancelText="取消"
              onConfirm={() => run(async () => (await api.post<ImportDetail>(`/report-imports/${d.id}/accept`, { version: d.version })), '已存入该单位的年报历史')}>
              <Button type="primary" disabled={!canAccept} loading={saving}>存入年报历史</Button>
            </Popconfirm>
          )}
          {pending && (
            <Popconfirm title="放弃导入" description="放弃后原始文件和读取结果仍会保留，可以恢复核对。" okText="放弃" cancelText="取消"
              onConfirm={() => run(() => api.post<ImportDetail>(`/report-imports/${d.id}/discard`, { version: d.version }), '已放弃')}>
              <Button danger loading={saving}>放弃导入</Button>
            </Popconfirm>
          )}
          {d.status === 'discarded' && <Button loading={saving} onClick={() => void run(() => api.post<ImportDetail>(`/report-imports/${d.id}/restore`, { version: d.version }), '已恢复核对')}>恢复核对</Button>}
          {d.acceptedReportId && <Link to={`/reports/${d.acceptedReportId}`}>查看存入的年度报告</Link>}
          {pending && !canAccept && !d.existingReport && (
            <Typography.Text type="secondary">{targetChanged ? '请先保存单位和年度' : !d.unitId ? '请先选择存入的单位' : d.year === null ? '请先选择年度' : ''}</Typography.Text>
          )}
        </Space>
      </Card>

      {d.readError && <Alert type="error" showIcon message={d.readError} />}
      {d.read.warnings.length > 0 && (
        <Alert type="warning" showIcon message="读取问题（核对时请特别留意）" description={<ul style={{ margin: 0 }}>{d.read.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>} />
      )}
      {d.findings && !d.findings.ok && (
        <Alert type="error" showIcon message="勾稽关系错误（这是报告本身或更正后的问题，不是读取错误）"
          description={<ul style={{ margin: 0 }}>{d.findings.errors.map((f, i) => <li key={i}>{f.message}</li>)}</ul>} />
      )}
      {d.findings && d.findings.warnings.length > 0 && (
        <Alert type="info" showIcon message="勾稽提示" description={<ul style={{ margin: 0 }}>{d.findings.warnings.map((f, i) => <li key={i}>{f.message}</li>)}</ul>} />
      )}
      {d.findings?.ok && <Alert type="success" showIcon message={`勾稽校验无错误${d.findings.skipped ? `（${d.findings.skipped} 项因原文未载明而跳过）` : ''}`} />}
      {evidence.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          判断依据：{evidence.map((e) => `${e.what}“${e.phrase}”`).join('；')}
        </Typography.Paragraph>
      )}

      <Row gutter={16}>
        <Col xs={24} lg={11}>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>原文</h2>} extra={<Typography.Text type="secondary">点击标出的数字查看对应单元格</Typography.Text>}>
            {d.sourceText !== null
              ? <SourcePane text={d.sourceText} cells={d.doc?.source?.cells ?? {}} labels={labels} corrected={corrected} active={active} onPick={showCell} />
              : <Alert type="error" showIcon message="原始文件在存储中找不到，无法显示原文" />}
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>读取结果</h2>} extra={<Typography.Text type="secondary">点击单元格名称查看原文出处</Typography.Text>}>
            {d.doc ? (
              <CellsPane doc={d.doc} corrections={d.corrections} active={active} flagged={flagged} editable={pending} saving={saving} onShowSource={showSource}
                onCorrect={(path, value, note) => run(() => api.patch<ImportDetail>(`/report-imports/${d.id}/cells`, { version: d.version, corrections: [{ path, value, note }] }), '已记录人工更正')}
                onRevert={(path) => run(() => api.patch<ImportDetail>(`/report-imports/${d.id}/cells`, { version: d.version, corrections: [{ path, revert: true }] }), '已撤销更正')} />
            ) : (
              <Empty description="没有读出文档：请先选择年度" />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
