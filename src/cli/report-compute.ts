/**
 * `gongkai report compute --unit <code|slug> --year <y> [--json]`: a unit's annual report computed from its
 * records now (tables 二, 三, 四), printed as tables with the validator's findings and the figures still to be
 * entered, or as the interchange JSON on stdout. Read-only: nothing is stored.
 */
import type { Command } from 'commander';
import { computeReportFor } from '../domain/annual-report/compute-report.js';
import { displayTables, templateById, type RowDef } from '../domain/annual-report/templates.js';
import type { AnnualReportDoc, TableKey } from '../domain/annual-report/interchange.js';
import { DomainError } from '../domain/errors.js';
import { cliActor, withRuntime } from './common.js';

/** Display width in a terminal: CJK and full-width characters take two columns. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;
const show = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

export function printTables(doc: AnnualReportDoc): string[] {
  const t = templateById(doc.template);
  const lines: string[] = [];
  const titles = new Map(displayTables(t).map((d) => [d.id, `表${d.number ?? ''} ${d.title}`]));
  for (const def of t.tables) {
    lines.push('', titles.get(def.key) ?? def.shortName);
    // Rows with the same columns print under one header line (table 二 has blocks with different headers).
    let header = '';
    const labelW = Math.min(48, Math.max(...def.rows.map((r) => width(label(def.key, r)))) + 2);
    for (const row of def.rows) {
      const h = padEnd('', labelW) + row.cols.map((c) => padStart(c.label.replace(/（单位：万元）/, '(万元)'), Math.max(8, width(c.label) + 2))).join('');
      if (h !== header) {
        lines.push(h);
        header = h;
      }
      const values = row.cols.map((c) => padStart(show(doc.tables[def.key as TableKey][row.key]?.[c.key]), Math.max(8, width(c.label) + 2)));
      lines.push(padEnd(truncate(label(def.key, row), labelW - 2), labelW) + values.join(''));
    }
  }
  return lines;
}

const label = (table: string, r: RowDef) => (table === 'applications' ? r.shortLabel : r.fullLabel);
const truncate = (s: string, w: number) => {
  if (width(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > w - 1) break;
    out += ch;
  }
  return `${out}…`;
};

export function registerReportCompute(report: Command): void {
  report
    .command('compute')
    .description('按办理记录计算单位年度报告的表二、表三、表四，并做勾稽关系校验 (compute a report from records)')
    .requiredOption('--unit <code|slug>', '单位：统一社会信用代码、网址标识或单位ID')
    .requiredOption('--year <year>', '报告年度（2019年及以后）', (v: string) => {
      if (!/^\d{4}$/.test(v)) throw new DomainError('VALIDATION', `--year ${v}：应为四位年份，例如 2024`);
      return Number(v);
    })
    .option('--json', '向标准输出写出年报交换格式 JSON (gongkai-annual-report/1)')
    .action(async (o: { unit: string; year: number; json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        const res = await computeReportFor(rt.deps, cliActor('report compute'), { unit: o.unit, year: o.year });
        if (o.json) {
          process.stdout.write(`${JSON.stringify(res.doc, null, 2)}\n`);
          return;
        }
        const t = templateById(res.doc.template);
        const out = [`${res.unit.name} ${res.doc.year}年政府信息公开工作年度报告（按记录计算，${t.basis}格式）`, ...printTables(res.doc), ''];
        const v = res.validation;
        out.push(v.ok ? `勾稽关系校验：通过（${v.checks.filter((c) => c.status === 'passed').length} 项通过，${v.skipped.length} 项因数据为空跳过）` : `勾稽关系校验：${v.errors.length} 处错误`);
        for (const c of [...v.errors, ...v.warnings]) out.push(`  ${c.severity === 'error' ? '错误' : '警告'} ${c.message}`);
        if (res.missing.length) out.push(`尚未录入（表中为“—”）：${res.missing.map((m) => m.label).join('、')}`);
        console.log(out.join('\n'));
      });
    });
}
