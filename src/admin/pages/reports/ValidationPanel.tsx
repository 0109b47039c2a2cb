/** R1–R9 results: errors block submission and publication, warnings are shown, null cells make a check "skipped". */
import { Alert, Collapse, List, Table, Tag, Typography } from 'antd';
import type { ComparisonCell, RuleCheck, ValidationResult } from './types';

const list = (items: RuleCheck[], color: string) => (
  <List size="small" dataSource={items} renderItem={(c) => (
    <List.Item><Tag color={color}>{c.rule}</Tag>{c.table} · {c.subject}：{c.message}</List.Item>
  )} />
);

export function ValidationPanel({ v }: { v: ValidationResult }) {
  return (
    <>
      {v.errors.length === 0
        ? <Alert type="success" showIcon message={`勾稽关系校验通过（${v.checks.filter((c) => c.status === 'passed').length} 项通过）`} style={{ marginBottom: 12 }} />
        : <Alert type="error" showIcon message={`${v.errors.length} 处错误：须改正后才能报送和发布`} style={{ marginBottom: 12 }} />}
      <Collapse defaultActiveKey={v.errors.length ? ['errors'] : v.warnings.length ? ['warnings'] : []} items={[
        { key: 'errors', label: `错误（${v.errors.length}）`, children: v.errors.length ? list(v.errors, 'red') : '无' },
        { key: 'warnings', label: `警告（${v.warnings.length}）`, children: v.warnings.length ? list(v.warnings, 'orange') : '无' },
        { key: 'skipped', label: `因数据未填而跳过（${v.skipped.length}）`, children: v.skipped.length ? list(v.skipped, 'default') : '无' },
      ]} />
    </>
  );
}

export function ComparisonTable({ previousYear, cells }: { previousYear: number | null; cells: ComparisonCell[] | null }) {
  if (!previousYear || !cells) return <Typography.Paragraph type="secondary">没有上一年度的报告，无法对比。</Typography.Paragraph>;
  const changed = cells.filter((c) => c.change !== 0);
  return (
    <Table rowKey="path" size="small" pagination={{ pageSize: 30 }} dataSource={changed} columns={[
      { title: '项目', dataIndex: 'label' },
      { title: `${previousYear}年`, dataIndex: 'previous', align: 'right', render: (v: number | null) => v ?? '—' },
      { title: '本年', dataIndex: 'current', align: 'right', render: (v: number | null) => v ?? '—' },
      { title: '增减', dataIndex: 'text', render: (t: string, c) => <Typography.Text type={c.change && c.change > 0 ? 'success' : c.change && c.change < 0 ? 'danger' : undefined}>{t}</Typography.Text> },
    ]} />
  );
}
