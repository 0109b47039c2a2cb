/**
 * 历史年报导入 (issue 6 item 4): upload one or many published reports, review each side by side — the source
 * text with every number that was read highlighted ↔ the cells read, with reading warnings, evidence and rule
 * findings — correct a cell by hand (recorded as a manual correction) and accept the report into a unit's history.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, InputNumber, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { getCell, templateCellPaths, type AnnualReportDoc } from '../../../domain/annual-report/interchange.js';
import { cellLabel, templateById } from '../../../domain/annual-report/templates.js';
import { api, errorMessage } from '../../api/client';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

interface ReadItem {
  file: string;
  encoding: string;
  script: 'traditional' | 'simplified';
  template: string;
  year: number | null;
  unit: string | null;
  error: string | null;
  warnings: string[];
  evidence: { year: { what: string; phrase: string }[]; unit: { what: string; phrase: string }[]; template: { what: string; phrase: string }[] };
  cellsRead: number;
  cellsTotal: number;
  validation: { ok: boolean; errors: string[]; warnings: string[]; skipped: number } | null;
  doc: AnnualReportDoc | null;
  sourceText: string;
}

/** The source text cut into plain runs and highlighted numbers (one per cell read). */
function SourceWithHighlights({ item, active, onPick }: { item: ReadItem; active: string | null; onPick: (path: string) => void }) {
  const parts = useMemo(() => {
    const marks = Object.entries(item.doc?.source?.cells ?? {})
      .map(([path, c]) => ({ path, start: c.offset, end: c.offset + c.text.length }))
      .sort((a, b) => a.start - b.start);
    const out: { text: string; path?: string }[] = [];
    let at = 0;
    for (const m of marks) {
      if (m.start < at) continue;
      out.push({ text: item.sourceText.slice(at, m.start) });
      out.push({ text: item.sourceText.slice(m.start, m.end), path: m.path });
      at = m.end;
    }
    out.push({ text: item.sourceText.slice(at) });
    return out;
  }, [item]);
  return (
    <pre style={{ whiteSpace: 'pre-wrap', maxHeight: '70vh', overflow: 'auto', fontSize: 13, margin: 0 }} aria-label="原文（读取到的数字已标出）">
      {parts.map((p, i) =>
        p.path ? (
          <mark key={i} id={`src-${p.path}`} title={p.path} onClick={() => onPick(p.path!)} style={{ cursor: 'pointer', background: p.path === active ? '#ffd666' : '#d6e4ff' }}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </pre>
  );
}

export default function ReportImportsPage() {
  useTitle('历史年报导入');
  const { message } = App.useApp();
  const { units } = useUnits();
  const [items, setItems] = useState<ReadItem[]>([]);
  const [selected, setSelected] = useState(0);
  const [reading, setReading] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const [corrections, setCorrections] = useState<Record<string, number | null>>({});
  const [unitId, setUnitId] = useState<string | null>(null);
  const [accepting, setAccepting] = useState(false);
  const [accepted, setAccepted] = useState<Record<number, string>>({});
  const item = items[selected];

  const read = async (files: File[]) => {
    const fd = new FormData();
    files.forEach((f, i) => fd.append(`file${i}`, f, f.name));
    setReading(true);
    try {
      const res = await api.post<{ items: ReadItem[] }>('/report-imports/read', fd);
      setItems(res.items);
      setSelected(0);
      setCorrections({});
      setAccepted({});
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setReading(false);
    }
  };

  const accept = async () => {
    if (!item?.doc || !unitId) return;
    setAccepting(true);
    try {
      const body = { unitId, doc: item.doc, corrections: Object.entries(corrections).map(([path, value]) => ({ path, value, note: '' })) };
      const res = await api.post<{ id: string }>('/report-imports/accept', body);
      setAccepted((a) => ({ ...a, [selected]: res.id }));
      message.success('已存入该单位的年报历史');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setAccepting(false);
    }
  };

  const cells = useMemo(() => {
    if (!item?.doc) return [];
    const doc = item.doc;
    const t = templateById(doc.template);
    return templateCellPaths(doc.template).map((path) => ({ path, label: cellLabel(t, path), value: getCell(doc, path) ?? null, source: doc.source?.cells[path] ?? null }));
  }, [item]);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>历史年报导入</Typography.Title>
      <Typography.Paragraph type="secondary">
        上传已经发布的政府信息公开工作年度报告（网页 HTML 或文本，可一次多个）。系统读取表格或附表中的数字并标出出处；原文没有写明的单元格记为“未载明”，不会当作 0。核对、必要时人工更正后，存入单位的年报历史。
      </Typography.Paragraph>
      <Upload multiple accept=".txt,.htm,.html,.shtml" showUploadList={false} beforeUpload={(_f, list) => { if (_f === list[list.length - 1]) void read(list as unknown as File[]); return false; }}>
        <Button icon={<UploadOutlined />} loading={reading}>选择年报文件</Button>
      </Upload>
      {items.length > 0 && (
        <Table<ReadItem & { key: number }>
          size="small"
          pagination={false}
          dataSource={items.map((x, key) => ({ ...x, key }))}
          rowSelection={{ type: 'radio', selectedRowKeys: [selected], onChange: (keys) => { setSelected(Number(keys[0])); setCorrections({}); setActive(null); } }}
          columns={[
            { title: '文件', dataIndex: 'file' },
            { title: '格式', dataIndex: 'template' },
            { title: '年度', dataIndex: 'year', render: (y: number | null) => y ?? <Tag color="red">未识别</Tag> },
            { title: '单位（原文）', dataIndex: 'unit', render: (u: string | null) => u ?? <Tag>未写明</Tag> },
            { title: '读取单元格', render: (_: unknown, r) => `${r.cellsRead}/${r.cellsTotal}` },
            { title: '勾稽', render: (_: unknown, r) => (r.validation ? (r.validation.ok ? <Tag color="green">无错误</Tag> : <Tag color="red">{r.validation.errors.length} 项错误</Tag>) : '—') },
            { title: '读取警告', render: (_: unknown, r) => r.warnings.length },
            { title: '状态', render: (_: unknown, r) => (accepted[r.key] ? <Link to={`/reports/${accepted[r.key]}`}>已存入</Link> : '待核对') },
          ]}
        />
      )}
      {item && (
        <>
          {item.error && <Alert type="error" showIcon message={item.error} />}
          {item.warnings.length > 0 && <Alert type="warning" showIcon message="读取问题" description={<ul style={{ margin: 0 }}>{item.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>} />}
          {item.validation && !item.validation.ok && (
            <Alert type="error" showIcon message="原文的勾稽关系错误（这是报告本身的问题，不是读取错误）" description={<ul style={{ margin: 0 }}>{item.validation.errors.map((w, i) => <li key={i}>{w}</li>)}</ul>} />
          )}
          <Typography.Text type="secondary">
            判断依据：{[...item.evidence.template.slice(0, 4), ...item.evidence.year, ...item.evidence.unit].map((e) => `${e.what}“${e.phrase}”`).join('；')}
            {item.script === 'traditional' ? '；原文为繁体，已转换为简体（出处仍显示原文）' : ''}；编码 {item.encoding}
          </Typography.Text>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card size="small" title="原文（点击标出的数字查看对应单元格）">
                <SourceWithHighlights item={item} active={active} onPick={(p) => { setActive(p); document.getElementById(`cell-${p}`)?.scrollIntoView({ block: 'center' }); }} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="读取结果（可人工更正）" extra={<Space><UnitTreeSelect units={units} value={unitId} onChange={setUnitId} style={{ width: 220 }} aria-label="存入哪个单位" /><Button type="primary" disabled={!item.doc || !unitId || Boolean(accepted[selected])} loading={accepting} onClick={() => void accept()}>存入年报历史</Button></Space>}>
                {item.doc ? (
                  <div style={{ maxHeight: '70vh', overflow: 'auto' }}>
                    <Table
                      size="small"
                      pagination={false}
                      rowKey="path"
                      dataSource={cells}
                      onRow={(r) => ({ id: `cell-${r.path}`, style: r.path === active ? { background: '#fffbe6' } : undefined })}
                      columns={[
                        { title: '单元格', dataIndex: 'label', render: (l: string, r) => <a onClick={() => { setActive(r.path); document.getElementById(`src-${r.path}`)?.scrollIntoView({ block: 'center' }); }}>{l}</a> },
                        { title: '读取值', dataIndex: 'value', width: 90, render: (v: number | null) => (v === null ? <Typography.Text type="secondary">未载明</Typography.Text> : v) },
                        {
                          title: '人工更正', width: 130,
                          render: (_: unknown, r) => (
                            <InputNumber size="small" aria-label={`更正 ${r.label}`} value={r.path in corrections ? corrections[r.path] : undefined} placeholder="不更正"
                              onChange={(v) => setCorrections((c) => { const next = { ...c }; if (v === null || v === undefined) delete next[r.path]; else next[r.path] = Number(v); return next; })} />
                          ),
                        },
                      ]}
                    />
                  </div>
                ) : (
                  <Empty description="没有读出文档" />
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
