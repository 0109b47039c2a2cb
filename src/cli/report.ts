/**
 * `gongkai report …`: the annual report (政府信息公开工作年度报告) on files — validate an interchange JSON
 * against R1–R9 and render it to HTML, DOCX, PDF, XLSX or JSON. No database is opened. Each subcommand lives
 * in its own file and registers itself on the group (report compute, report import).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { parseAnnualReportDoc, type AnnualReportDoc } from '../domain/annual-report/interchange.js';
import { reportTitle, templateById } from '../domain/annual-report/templates.js';
import { validateAnnualReport, type RuleCheck, type ValidationResult } from '../domain/annual-report/validate.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../infra/report-render/index.js';
import { registerReportCompute } from './report-compute.js';
import { registerReportImportCommand } from './report-import.js';

/** Exit code for a file that cannot be read or is not an interchange document (1 is "has errors"). */
export const EXIT_UNREADABLE = 2;

class UnreadableReport extends Error {}

/** Reads and parses an interchange document; throws UnreadableReport with a Chinese message. */
export function readReportFile(file: string): AnnualReportDoc {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableReport(code === 'ENOENT' ? `找不到文件 ${file}` : code === 'EISDIR' ? `${file} 是目录，请给出一个 JSON 文件` : `无法读取 ${file}：${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UnreadableReport(`${file} 不是有效的 JSON：${(e as Error).message}`);
  }
  const r = parseAnnualReportDoc(json);
  if (!r.ok) throw new UnreadableReport(`${file} 不是有效的年度报告交换文档（gongkai-annual-report/1）：\n${r.errors.map((e) => `  ${e}`).join('\n')}`);
  return r.doc;
}

function fail(e: unknown): void {
  if (!(e instanceof UnreadableReport)) throw e;
  console.error(`错误：${e.message}`);
  process.exitCode = EXIT_UNREADABLE;
}

const list = (title: string, checks: RuleCheck[]) => (checks.length ? [`${title}（${checks.length} 项）：`, ...checks.map((c) => `  ${c.message}`)] : []);

export function formatValidation(doc: AnnualReportDoc, r: ValidationResult): string {
  const t = templateById(doc.template);
  const passed = r.checks.filter((c) => c.status === 'passed').length;
  return [
    `${reportTitle(doc.unit.name, doc.year)}（格式：${t.basis}）`,
    ...list('错误', r.errors),
    ...list('警告', r.warnings),
    ...list('已跳过', r.skipped),
    `通过 ${passed} 项检查，错误 ${r.errors.length} 项，警告 ${r.warnings.length} 项，跳过 ${r.skipped.length} 项。`,
    r.ok ? '结论：没有勾稽错误，可以提交和公开。' : '结论：有勾稽错误，改正前不得公开。',
  ].join('\n');
}

const feesOption = (v: string) => {
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v) || !Number.isFinite(n)) throw new UnreadableReport(`--fees ${v}：应为本年收取的信息处理费金额（万元），例如 0.18`);
  return n;
};

function registerValidate(report: Command): void {
  report
    .command('validate')
    .description('按勾稽关系 R1–R9 检查年度报告（交换格式 JSON）；无错误时退出码 0，有错误时 1，文件无法读取时 2')
    .argument('<file>', '年度报告 JSON（gongkai-annual-report/1）')
    .option('--previous <file>', '上一年度报告 JSON，用于 R5（结转）和 R7（现行有效件数）')
    .option('--fees <万元>', '本年收费记录合计（万元），用于 R8 检查正文是否说明收费情况')
    .option('--json', '以 JSON 输出检查结果')
    .action((file: string, o: { previous?: string; fees?: string; json?: boolean }) => {
      try {
        const doc = readReportFile(file);
        const previous = o.previous ? readReportFile(o.previous) : null;
        const amount = o.fees === undefined ? null : feesOption(o.fees);
        const r = validateAnnualReport(doc, { previous, feeRecords: amount === null ? null : { exist: amount > 0, amountWan: amount } });
        console.log(o.json ? JSON.stringify({ ok: r.ok, errors: r.errors, warnings: r.warnings, skipped: r.skipped }, null, 2) : formatValidation(doc, r));
        process.exitCode = r.ok ? 0 : 1;
      } catch (e) {
        fail(e);
      }
    });
}

function registerRender(report: Command): void {
  report
    .command('render')
    .description('把年度报告（交换格式 JSON）生成 HTML、DOCX、PDF、XLSX 或 JSON 文件')
    .argument('<file>', '年度报告 JSON（gongkai-annual-report/1）')
    .addOption(new Option('--format <format>', '输出格式').choices([...REPORT_FORMATS]).makeOptionMandatory())
    .requiredOption('--out <file>', '输出文件')
    .action(async (file: string, o: { format: ReportFormat; out: string }) => {
      try {
        const doc = readReportFile(file);
        const data = await renderReport(doc, o.format);
        fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
        fs.writeFileSync(o.out, data);
        console.log(`已生成 ${o.out}（${o.format.toUpperCase()}，${(data.length / 1024).toFixed(1)} KB）`);
        const v = validateAnnualReport(doc);
        if (!v.ok) console.error(`注意：该报告有 ${v.errors.length} 项勾稽错误，改正前不得公开（运行 gongkai report validate ${file} 查看）。`);
      } catch (e) {
        fail(e);
      }
    });
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('政府信息公开工作年度报告：检查、生成、计算、导入 (annual report)');
  registerValidate(report);
  registerRender(report);
  // report compute (src/cli/report-compute.ts) registers here:
  registerReportCompute(report);
  // report import (src/cli/report-import.ts) registers here:
  registerReportImportCommand(report);
}
