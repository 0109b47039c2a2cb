/**
 * 年度报告编辑: the computed tables (drill-down on every computed cell, manual cells editable), the narrative with last
 * year's text beside it, validation with rule ids, year-over-year comparison, history, and the workflow actions the
 * server allows now (报送、退回、通过、定稿、发布). Locked after submission: only a return reopens it.
 */
import { ArrowLeftOutlined, DownloadOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Dropdown, Flex, Input, Modal, Result, Space, Spin, Tabs, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { API_BASE, ApiError, api, errorMessage, isHandledByRedirect } from '../../api/client';
import { useTitle } from '../../app/use-title';
import { REPORT_ACTIONS } from '../../../domain/annual-report/workflow-status.js';
import { DrillModal } from './DrillModal';
import { NarrativePanel } from './NarrativePanel';
import { ReportTables } from './ReportTables';
import { DueText, StatusTag } from './StatusTag';
import type { AnnualReportDoc, ComparisonCell, ReportDetail } from './types';
import { ComparisonTable, ValidationPanel } from './ValidationPanel';

const FORMATS = [['docx', 'Word（DOCX）'], ['pdf', 'PDF'], ['xlsx', 'Excel（XLSX）'], ['json', '交换格式（JSON）'], ['html', '网页（HTML）']] as const;

export default function ReportEditorPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const [d, setD] = useState<ReportDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [narrative, setNarrative] = useState<AnnualReportDoc['narrative'] | null>(null);
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const [saving, setSaving] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [drill, setDrill] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [cmp, setCmp] = useState<{ previousYear: number | null; comparison: { cells: ComparisonCell[] } | null } | null>(null);
  useTitle(d ? `${d.unit.name}${d.report.year}年度报告` : '年度报告');

  const load = useCallback(async () => {
    try {
      const detail = await api.get<ReportDetail>(`/reports/${id}`);
      setD(detail);
      setNarrative(detail.report.doc.narrative);
      setEdits({});
      setError(null);
      setCmp(await api.get(`/reports/${id}/comparison`));
    } catch (e) {
      if (!isHandledByRedirect(e)) setError(e instanceof ApiError ? e : new ApiError(0, 'ERROR', errorMessage(e)));
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  const dirty = useMemo(() => !!d && !!narrative && (Object.keys(edits).length > 0 || (Object.keys(narrative) as (keyof typeof narrative)[]).some((k) => narrative[k] !== d.report.doc.narrative[k])), [d, narrative, edits]);
  if (error) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Link to="/reports">返回年度报告列表</Link>} />;
  if (!d || !narrative) return <Spin />;
  const r = d.report;

  const save = async () => {
    setSaving(true);
    try {
      const cells = Object.entries(edits).map(([path, value]) => ({ path, value }));
      await api.patch(`/reports/${id}`, { version: r.version, narrative: { overview: narrative.overview, problems: narrative.problems, other: narrative.other }, ...(cells.length ? { cells } : {}) });
      message.success('已保存');
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const refresh = async () => {
    setBusy('refresh');
    try {
      await api.post('/reports', { unitId: r.unitId, year: r.year });
      message.success('已按最新办理记录重新计算（手工填写的数据和文字已保留）');
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const act = async (action: string, body: Record<string, unknown> = {}) => {
    setBusy(action);
    try {
      await api.post(`/reports/${id}/actions/${action}`, { ...body, version: r.version });
      message.success('操作成功');
      setReturning(false);
      setComment('');
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to={`/reports?year=${r.year}`}><ArrowLeftOutlined /> 返回年度报告列表</Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>{d.unit.name}{r.year}年政府信息公开工作年度报告</Typography.Title>
        <Space wrap>
          {d.mayRefresh && <Button icon={<ReloadOutlined />} loading={busy === 'refresh'} disabled={dirty} onClick={() => void refresh()}>按最新数据重新计算</Button>}
          {d.mayEdit && <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={() => void save()}>保存</Button>}
          {d.actions.map((a) => (
            <Button key={a.action} type={a.action === 'return' ? 'default' : 'primary'} danger={a.action === 'return'} disabled={dirty} loading={busy === a.action}
              onClick={() => (a.action === 'return' ? setReturning(true) : void act(a.action))}>{a.label}</Button>
          ))}
          <Dropdown menu={{ items: FORMATS.map(([f, label]) => ({ key: f, label: <a href={`${API_BASE}/reports/${id}/download/${f}`}>{label}</a> })) }}>
            <Button icon={<DownloadOutlined />}>下载</Button>
          </Dropdown>
        </Space>
      </Flex>
      {dirty && <Alert type="info" showIcon message="有未保存的修改：保存后才能报送或重新计算。" />}
      {r.status === 'returned' && r.returnComment && <Alert type="warning" showIcon message="上级退回意见" description={r.returnComment} />}
      {(r.status === 'submitted' || r.status === 'accepted') && <Alert type="info" showIcon message={`报告${r.statusLabel}，已锁定；如需修改，须由${d.supervisor?.name ?? '本级政府信息公开工作机构'}退回。`} />}
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
          { key: 's', label: '状态', children: <StatusTag row={d.deadline} /> },
          { key: 'd', label: '报送期限', children: <DueText row={d.deadline} /> },
          { key: 'v', label: '审核单位', children: d.supervisor?.name ?? '本级定稿（本级政府年度报告）' },
          { key: 'c', label: '数据计算时间', children: r.computedAt ? new Date(r.computedAt).toLocaleString('zh-CN') : '导入' },
          { key: 'p', label: '公开', children: r.publishedAt ? <a href={`/u/${d.unit.slug}/nb/${r.year}`}>在门户网站查看</a> : '未公开' },
        ]} />
      </Card>
      <Tabs items={[
        { key: 'tables', label: '统计表', children: <ReportTables doc={r.doc} computed={new Set(r.computedCells)} manual={r.manualCells} editable={d.mayEdit} edits={edits}
          onEdit={(p, v) => setEdits((o) => ({ ...o, [p]: v }))} onDrill={r.origin === 'computed' ? setDrill : undefined} /> },
        { key: 'narrative', label: '文字部分', children: <NarrativePanel narrative={narrative} previous={d.previous} editable={d.mayEdit} onChange={(k, text) => setNarrative((n) => (n ? { ...n, [k]: text } : n))} /> },
        { key: 'validation', label: `校验（错误 ${d.validation.errors.length}，警告 ${d.validation.warnings.length}）`, children: <ValidationPanel v={d.validation} /> },
        { key: 'compare', label: '同比', children: <ComparisonTable previousYear={cmp?.previousYear ?? null} cells={cmp?.comparison?.cells ?? null} /> },
        { key: 'history', label: '办理记录', children: <Timeline items={d.events.map((e) => ({ key: e.id, children: <span>{new Date(e.at).toLocaleString('zh-CN')} {e.actorName} · {eventLabel(e.action)}{e.comment ? `：${e.comment}` : ''}</span> }))} /> },
      ]} />
      <DrillModal unitId={r.unitId} year={r.year} path={drill} onClose={() => setDrill(null)} />
      <Modal open={returning} title="退回修改" okText="退回" okButtonProps={{ danger: true, disabled: !comment.trim(), loading: busy === 'return' }} onOk={() => void act('return', { comment })} onCancel={() => setReturning(false)}>
        <label htmlFor="return-comment">退回意见（写明需要修改的内容）</label>
        <Input.TextArea id="return-comment" rows={4} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
      </Modal>
    </Space>
  );
}

const eventLabel = (a: string) => (REPORT_ACTIONS as Record<string, string>)[a] ?? a;
