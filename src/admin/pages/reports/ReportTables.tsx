/**
 * The report's tables as rows × columns: computed cells are read-only and open the records behind them
 * (report-compute's drill-down), cells typed in by staff are editable while the report is a draft or returned.
 */
import { Button, InputNumber, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { getCell, type AnnualReportDoc } from '../../../domain/annual-report/interchange.js';
import { templateById } from '../../../domain/annual-report/templates.js';
import type { ManualCell } from '../../../domain/annual-report/workflow-record';

export interface TablesProps {
  doc: AnnualReportDoc;
  computed: ReadonlySet<string>;
  manual: Record<string, ManualCell>;
  editable: boolean;
  edits: Record<string, number | null>;
  onEdit: (path: string, value: number | null) => void;
  onDrill?: ((path: string) => void) | undefined;
  /** Cells to mark (e.g. the roll-up's cells left null by a unit). */
  flagged?: ReadonlySet<string> | undefined;
}

type Row = { key: string; label: string; paths: Record<string, string> };

export function ReportTables({ doc, computed, manual, editable, edits, onEdit, onDrill, flagged }: TablesProps) {
  const t = templateById(doc.template);
  return (
    <>
      {t.tables.map((def) => {
        const rows: Row[] = def.rows.map((r) => ({ key: r.key, label: r.fullLabel, paths: Object.fromEntries(r.columns.map((c) => [c, `${def.key}.${r.key}.${c}`])) }));
        const columns: TableColumnsType<Row> = [
          { title: '项目', dataIndex: 'label', fixed: 'left', width: 260 },
          ...def.columns.map((c) => ({
            title: `${c.label}${c.unit && c.unit !== '件' ? `（${c.unit}）` : ''}`,
            key: c.key,
            align: 'right' as const,
            render: (_: unknown, row: Row) => {
              const path = row.paths[c.key];
              if (!path) return null;
              const value = path in edits ? edits[path] : getCell(doc, path);
              const label = `${def.shortName} ${row.label} ${c.label}`;
              if (computed.has(path)) {
                const text = value === null || value === undefined ? '—' : String(value);
                return onDrill
                  ? <Button type="link" size="small" aria-label={`${label}：${text}，查看计算依据`} onClick={() => onDrill(path)}>{text}</Button>
                  : text;
              }
              if (editable) {
                return (
                  <InputNumber aria-label={label} size="small" style={{ width: 96 }} min={c.kind === 'signedChange' ? undefined : 0}
                    step={c.kind === 'amountWan' ? 0.01 : 1} value={value ?? null} placeholder="未填" onChange={(v) => onEdit(path, v === null ? null : Number(v))} />
                );
              }
              const m = manual[path];
              const text = value === null || value === undefined ? '—' : String(value);
              return (
                <span>
                  {m ? <Tooltip title={`手工填写：${m.note || '未注明来源'}（${m.by ?? ''}）`}><Typography.Text underline>{text}</Typography.Text></Tooltip> : text}
                  {flagged?.has(path) && <Tag color="orange" style={{ marginInlineStart: 4 }}>有单位未填</Tag>}
                </span>
              );
            },
          })),
        ];
        return (
          <section key={def.key} style={{ marginBottom: 24 }}>
            <Typography.Title level={4}>{def.number}、{def.title}</Typography.Title>
            <Table rowKey="key" size="small" bordered columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />
          </section>
        );
      })}
    </>
  );
}
