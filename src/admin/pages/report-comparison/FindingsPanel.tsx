/** 勾稽关系 (R1–R9) per compared report: counts as text, messages listed; errors first. */
import { Collapse, Empty, List, Tag, Typography } from 'antd';
import type { Comparison } from './types';

export function FindingsPanel({ c }: { c: Comparison }) {
  const withFindings = c.rows.filter((r) => r.findings.items.length > 0);
  const clean = c.rows.length - withFindings.length;
  if (c.rows.length === 0) return <Empty description="没有可校验的报告" />;
  return (
    <>
      <Typography.Paragraph>
        共 {c.rows.length} 份报告：{clean} 份未发现问题，{withFindings.length} 份有错误或警告。错误（R1–R4、R6）表示表内数据不平衡；警告（R5、R7–R9）提示需要核实。
      </Typography.Paragraph>
      <Collapse items={withFindings.map((r) => ({
        key: r.reportId,
        label: <span>{r.unitName} {r.year}年 <Tag color={r.findings.errors ? 'error' : 'default'}>错误 {r.findings.errors}</Tag><Tag color={r.findings.warnings ? 'warning' : 'default'}>警告 {r.findings.warnings}</Tag></span>,
        children: (
          <List size="small" dataSource={r.findings.items} renderItem={(f) => (
            <List.Item><Tag>{f.severity === 'error' ? '错误' : '警告'}</Tag>{f.message}</List.Item>
          )} />
        ),
      }))} />
    </>
  );
}
