/**
 * The tables as read: each cell's value ("未载明" when the source does not state it, never 0), where it was read
 * from, and a correction in place — shown as 手工更正 with the value it replaced. One row is edited at a time.
 */
import { Button, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { getCell, templateCellPaths, type AnnualReportDoc } from '../../../domain/annual-report/interchange.js';
import { cellLabel, templateById } from '../../../domain/annual-report/templates.js';
import type { Correction } from './types';

export const cellRowId = (path: string) => `cell-${path}`;

interface Row {
  path: string;
  label: string;
  read: number | null;
  correction: Correction | undefined;
  source: string | null;
}

interface Props {
  doc: AnnualReportDoc;
  corrections: Record<string, Correction>;
  active: string | null;
  /** cell paths named by a failed rule */
  flagged: ReadonlySet<string>;
  editable: boolean;
  saving: boolean;
  onShowSource: (path: string) => void;
  onCorrect: (path: string, value: number | null, note: string) => Promise<boolean>;
  onRevert: (path: string) => Promise<boolean>;
}

const shown = (v: number | null | undefined) => (v === null || v === undefined ? '未载明' : String(v));

export function CellsPane({ doc, corrections, active, flagged, editable, saving, onShowSource, onCorrect, onRevert }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [value, setValue] = useState<number | null>(null);
  const [note, setNote] = useState('');

  const groups = useMemo(() => {
    const t = templateById(doc.template);
    const heading = (key: string) => {
      for (const s of t.sections) {
        if (key === 'indicators' && s.kind === 'indicators') return s.heading;
        if (s.kind === 'table' && s.table === key) return s.heading;
      }
      return key === 'indicators' ? '附表' : key;
    };
    const out = new Map<string, Row[]>();
    for (const path of templateCellPaths(doc.template)) {
      const key = path.split('.')[0]!;
      const rows = out.get(key) ?? [];
      rows.push({ path, label: cellLabel(t, path), read: getCell(doc, path) ?? null, correction: corrections[path], source: doc.source?.cells[path]?.text ?? null });
      out.set(key, rows);
    }
    return [...out.entries()].map(([key, rows]) => ({ key, heading: heading(key), rows }));
  }, [doc, corrections]);

  const start = (r: Row) => {
    setEditing(r.path);
    setValue(r.correction ? r.correction.value : r.read);
    setNote(r.correction?.note ?? '');
  };

  return (
    <div style={{ maxHeight: '70vh', overflow: 'auto' }} role="region" aria-label="读取结果（可人工更正）" tabIndex={0}>
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`cells-${g.key}`}>
          <h3 id={`cells-${g.key}`} style={{ fontSize: 15, margin: '12px 0 6px' }}>{g.heading}</h3>
          <Table<Row>
            size="small"
            pagination={false}
            rowKey="path"
            dataSource={g.rows}
            onRow={(r) => ({
              id: cellRowId(r.path),
              style: r.path === active ? { background: '#fffbe6', outline: '2px solid #d48806' } : flagged.has(r.path) ? { background: '#fff1f0' } : undefined,
            })}
            columns={[
              {
                title: '单元格',
                dataIndex: 'label',
                render: (l: string, r) =>
                  r.source !== null ? (
                    <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onShowSource(r.path)}>
                      {l}
                    </Button>
                  ) : (
                    l
                  ),
              },
              {
                title: '数值',
                width: 160,
                render: (_: unknown, r) => {
                  if (editing === r.path) {
                    return (
                      <Space direction="vertical" size={4}>
                        <InputNumber size="small" autoFocus aria-label={`${r.label} 更正值（留空表示未载明）`} value={value} min={r.path.endsWith('.change') ? undefined : 0} onChange={(v) => setValue(v === null || v === undefined ? null : Number(v))} />
                        <Input size="small" aria-label="更正说明" placeholder="更正说明（可选）" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
                      </Space>
                    );
                  }
                  if (r.correction) {
                    return (
                      <Space direction="vertical" size={0}>
                        <Space size={4}>
                          <strong>{shown(r.correction.value)}</strong>
                          <Tag color="orange">手工更正</Tag>
                        </Space>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          原值 {shown(r.correction.previous)}{r.correction.previous !== r.correction.read ? `（读取值 ${shown(r.correction.read)}）` : ''}
                          {r.correction.note ? `；${r.correction.note}` : ''}；{r.correction.by}
                        </Typography.Text>
                      </Space>
                    );
                  }
                  return r.read === null ? <Typography.Text type="secondary">未载明</Typography.Text> : r.read;
                },
              },
              {
                title: '出处',
                width: 100,
                render: (_: unknown, r) => (r.source !== null ? <Typography.Text code style={{ wordBreak: 'break-all' }}>{r.source.length > 30 ? `${r.source.slice(0, 30)}…` : r.source}</Typography.Text> : '—'),
              },
              ...(editable
                ? [{
                  title: '操作',
                  width: 140,
                  render: (_: unknown, r: Row) =>
                    editing === r.path ? (
                      <Space size={4} wrap>
                        <Button size="small" type="primary" loading={saving} onClick={async () => { if (await onCorrect(r.path, value, note)) setEditing(null); }}>保存</Button>
                        <Button size="small" onClick={() => setEditing(null)}>取消</Button>
                      </Space>
                    ) : (
                      <Space size={4} wrap>
                        <Button size="small" onClick={() => start(r)} aria-label={`更正 ${r.label}`}>更正</Button>
                        {r.correction && <Button size="small" loading={saving} onClick={() => void onRevert(r.path)} aria-label={`撤销更正 ${r.label}`}>撤销更正</Button>}
                      </Space>
                    ),
                }]
                : []),
            ]}
          />
        </section>
      ))}
    </div>
  );
}
