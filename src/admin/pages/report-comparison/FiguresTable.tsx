/** The key figures of every compared report: one row per unit and year, columns grouped as on the report. */
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { FigureCell } from './Cell';
import { TEMPLATE_LABELS, type Comparison, type ComparisonRow } from './types';

export function FiguresTable({ c }: { c: Comparison }) {
  const note = (row: ComparisonRow, key: string) => c.notes.find((n) => n.template === row.template && n.figure === key)?.note;
  // Rows arrive sorted by unit, then year: the unit cell spans its years.
  const span = (i: number) => {
    const row = c.rows[i]!;
    if (i > 0 && c.rows[i - 1]!.unitId === row.unitId) return 0;
    let n = 1;
    while (c.rows[i + n]?.unitId === row.unitId) n++;
    return n;
  };
  const groups = Object.entries(c.groups) as [keyof Comparison['groups'], string][];
  const columns: ColumnsType<ComparisonRow> = [
    {
      title: '单位', dataIndex: 'unitName', fixed: 'left', width: 180,
      onCell: (_r, i) => ({ rowSpan: span(i ?? 0) }),
    },
    {
      title: '年度', dataIndex: 'year', fixed: 'left', width: 90,
      render: (y: number, r) => <Link to={`/reports/${r.reportId}`} aria-label={`查看${r.unitName}${y}年度报告`}>{y}</Link>,
    },
    {
      title: '报告', key: 'meta', width: 150,
      render: (_, r) => <span>{TEMPLATE_LABELS[r.template]}<br /><Tag>{r.originLabel}</Tag><Tag>{r.statusLabel}</Tag></span>,
    },
    ...groups.map(([g, label]) => ({
      title: label,
      children: c.figures.filter((f) => f.group === g).map((f) => ({
        title: f.unit === '%' ? `${f.label}（%）` : f.label, key: f.key, align: 'right' as const, width: 96,
        render: (_: unknown, r: ComparisonRow) => <FigureCell row={r} figure={f} note={note(r, f.key)} />,
      })),
    })),
    {
      title: '勾稽校验', key: 'findings', width: 130,
      render: (_, r) => (r.findings.errors === 0 && r.findings.warnings === 0 ? <Tag color="success">通过</Tag> : (
        <span>{r.findings.errors > 0 && <Tag color="error">错误 {r.findings.errors}</Tag>}{r.findings.warnings > 0 && <Tag color="warning">警告 {r.findings.warnings}</Tag>}</span>
      )),
    },
  ];
  return (
    <Table<ComparisonRow> rowKey="reportId" size="small" bordered pagination={false} scroll={{ x: 'max-content' }} dataSource={c.rows} columns={columns}
      caption={<span className="visually-hidden">各单位各年度年度报告关键数据</span>}
      locale={{ emptyText: '所选年度内没有已审核通过或已公开的年度报告' }} />
  );
}
