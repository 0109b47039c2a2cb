/**
 * 用语词库: the wording dictionary of the checks before publication — entries that apply to a unit (its own,
 * its superiors', platform-wide), added and edited by the disclosure office (platform-wide ones by system
 * administrators), exported and imported as CSV; the unit's personal-data rules; a box to try the checks.
 */
import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Input, Popconfirm, Row, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { useDefaultUnitParam } from '../../app/use-default-unit-param';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { EntryModal } from './EntryModal';
import { PersonalDataCard } from './PersonalDataCard';
import { TryCheckCard } from './TryCheckCard';
import { SEVERITY_LABELS, WORDING_KIND_LABELS, type ListedEntry, type WordingKind, type WordingList } from './types';

const KIND_COLORS: Record<WordingKind, string> = { sensitive: 'magenta', wrong: 'red', outdatedName: 'blue', typo: 'gold' };

export default function WordingPage() {
  useTitle('用语词库');
  const { message } = App.useApp();
  const { units } = useUnits();
  const [params, setParams] = useSearchParams();
  const unitId = useDefaultUnitParam(units);
  const scope = (params.get('scope') as 'all' | 'unit' | 'platform' | null) ?? 'all';
  const kind = params.get('kind') ?? undefined;
  const [q, setQ] = useState(params.get('q') ?? '');
  const [list, setList] = useState<WordingList | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<ListedEntry | null | 'new'>(null);
  const [importProblems, setImportProblems] = useState<{ row: number; message: string }[]>([]);
  const unit = units.find((u) => u.id === unitId);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
    setParams(next);
  };
  const qs = useMemo(() => query({ unitId, scope, kind, q: params.get('q') }), [unitId, scope, kind, params]);

  const load = useCallback(async () => {
    if (!unitId) return;
    setLoading(true);
    try {
      setList(await api.get<WordingList>(`/publication-checks/wording${qs}`));
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
      setList(null);
    } finally {
      setLoading(false);
    }
  }, [unitId, qs, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const toggle = async (e: ListedEntry, active: boolean) => {
    try {
      await api.put(`/publication-checks/wording/${e.id}`, { phrase: e.phrase, kind: e.kind, suggestion: e.suggestion, severity: e.severity, note: e.note, active });
      await load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const remove = async (e: ListedEntry) => {
    try {
      await api.del(`/publication-checks/wording/${e.id}`);
      message.success(`已删除“${e.phrase}”`);
      await load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const importFile = async (file: File, target: 'unit' | 'platform') => {
    const fd = new FormData();
    if (target === 'unit' && unitId) fd.append('unitId', unitId);
    fd.append('file', file);
    setImportProblems([]);
    try {
      const r = await api.post<{ added: number; updated: number; unchanged: number }>('/publication-checks/wording/import', fd);
      message.success(`导入完成：新增 ${r.added} 条，更新 ${r.updated} 条，未变 ${r.unchanged} 条`);
      await load();
    } catch (e) {
      const problems = e instanceof ApiError ? (e.details?.problems as { row: number; message: string }[] | undefined) : undefined;
      if (problems) setImportProblems(problems);
      message.error(errorMessage(e));
    }
  };

  const unitName = (id: string | null) => (id === null ? '全平台' : units.find((u) => u.id === id)?.name ?? '上级单位');
  const exportHref = `/api/v1/publication-checks/wording/export.csv${qs}`;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>用语词库</Typography.Title>
        <UnitTreeSelect aria-label="单位" units={units} value={unitId} onChange={(v) => v && set({ unitId: v })} style={{ minWidth: 280 }} />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        提交审核和发布前，系统按词库检查标题、摘要、正文和附件文字：“阻止发布”的问题修改前不能提交，“提示”的问题由审核人员判断。本单位的词条也适用于下级单位；同一词语以最近一级单位的设置为准。
      </Typography.Paragraph>
      {unitId && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card size="small" title={`适用于${unit?.name ?? ''}的词条`} extra={
              <Space wrap>
                {(list?.canEditUnit || list?.canEditPlatform) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>新增词条</Button>}
                <Button icon={<DownloadOutlined />} href={exportHref}>导出 CSV</Button>
                {list?.canEditUnit && (
                  <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void importFile(f, 'unit'); return false; }}>
                    <Button icon={<UploadOutlined />}>导入到本单位</Button>
                  </Upload>
                )}
                {list?.canEditPlatform && (
                  <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void importFile(f, 'platform'); return false; }}>
                    <Button icon={<UploadOutlined />}>导入到全平台</Button>
                  </Upload>
                )}
              </Space>
            }>
              <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                <Select aria-label="范围" value={scope} style={{ width: 150 }} onChange={(v) => set({ scope: v === 'all' ? undefined : v })}
                  options={[{ value: 'all', label: '全部适用词条' }, { value: 'unit', label: '本单位词条' }, { value: 'platform', label: '全平台词条' }]} />
                <Select aria-label="类别" allowClear placeholder="全部类别" value={kind} style={{ width: 190 }} onChange={(v?: string) => set({ kind: v })}
                  options={Object.entries(WORDING_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
                <Input.Search aria-label="搜索词语" placeholder="搜索词语、建议写法或说明" allowClear value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: 260 }} />
              </Flex>
              {importProblems.length > 0 && (
                <Alert type="error" showIcon closable onClose={() => setImportProblems([])} style={{ marginBottom: 12 }} title="导入文件有错误，词库未作任何修改"
                  description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{importProblems.slice(0, 20).map((p, i) => <li key={i}>第{p.row}行：{p.message}</li>)}</ul>} />
              )}
              <Table<ListedEntry> size="small" rowKey="id" loading={loading} dataSource={list?.entries ?? []} pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }} scroll={{ x: 800 }}
                columns={[
                  { title: '词语', dataIndex: 'phrase', render: (p: string, e) => <Typography.Text delete={!e.active}>{p}</Typography.Text> },
                  { title: '类别', dataIndex: 'kind', width: 150, render: (k: WordingKind) => <Tag color={KIND_COLORS[k]}>{WORDING_KIND_LABELS[k]}</Tag> },
                  { title: '建议写法', dataIndex: 'suggestion', render: (s: string | null) => s ?? '—' },
                  { title: '处理方式', dataIndex: 'severity', width: 96, render: (s: 'block' | 'warn') => <Tag color={s === 'block' ? 'red' : 'orange'}>{SEVERITY_LABELS[s]}</Tag> },
                  { title: '适用范围', dataIndex: 'unitId', width: 140, render: (id: string | null) => unitName(id) },
                  { title: '说明', dataIndex: 'note', ellipsis: true, render: (n: string | null) => n ?? '' },
                  { title: '启用', dataIndex: 'active', width: 70, render: (a: boolean, e) => <Switch size="small" aria-label={`启用“${e.phrase}”`} checked={a} disabled={!e.editable} onChange={(v) => void toggle(e, v)} /> },
                  {
                    title: '操作', key: 'ops', width: 110, fixed: 'right',
                    render: (_, e) => e.editable ? (
                      <Space size={0}>
                        <Button type="link" size="small" icon={<EditOutlined />} aria-label={`修改“${e.phrase}”`} onClick={() => setEditing(e)} />
                        <Popconfirm title={`删除“${e.phrase}”？`} okText="删除" cancelText="取消" onConfirm={() => void remove(e)}>
                          <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`删除“${e.phrase}”`} />
                        </Popconfirm>
                      </Space>
                    ) : null,
                  },
                ]} />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              <PersonalDataCard unitId={unitId} editable={list?.canEditUnit ?? false} />
              <TryCheckCard unitId={unitId} />
            </Space>
          </Col>
        </Row>
      )}
      {unitId && list && (
        <EntryModal open={editing !== null} entry={editing === 'new' ? null : editing} unitId={unitId} unitName={unit?.name ?? '本单位'}
          canEditUnit={list.canEditUnit} canEditPlatform={list.canEditPlatform} onClose={(saved) => { setEditing(null); if (saved) void load(); }} />
      )}
    </Space>
  );
}
