/**
 * `gongkai report import <file|dir>`: reads published annual reports (HTML or text, UTF-8 or GBK) into the
 * interchange JSON, one document per file, written next to the file or into --out; `--json` prints the document
 * of a single file to stdout. A summary line per file (template, year, unit, cells read, rule findings, reading
 * warnings); for a directory a progress bar on stderr (terminal only) and a summary table. Works on files only:
 * no database is opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { TEMPLATE_IDS, type TemplateId } from '../domain/annual-report/interchange.js';
import { DomainError } from '../domain/errors.js';
import { importReportBytes, type ImportedReport } from '../infra/report-import/read-file.js';

const REPORT_EXT = /\.(txt|text|htm|html|shtml|xhtml)$/i;
/** Larger files are not annual reports (typical: 10–30 KB); refused before reading. */
const MAX_BYTES = 5 * 1024 * 1024;

interface ImportCliOptions {
  json?: boolean;
  unit?: string;
  year?: number;
  template?: TemplateId;
  out?: string;
}

const yearOption = (v: string) => {
  if (!/^\d{4}$/.test(v) || Number(v) < 1990 || Number(v) > 2200) throw new DomainError('VALIDATION', `--year ${v}：应为四位年份，例如 2024`);
  return Number(v);
};
const templateOption = (v: string) => {
  if (!(TEMPLATE_IDS as readonly string[]).includes(v)) throw new DomainError('VALIDATION', `--template ${v}：应为 2021、2019 或 pre2019`);
  return v as TemplateId;
};

function listReports(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && REPORT_EXT.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function summaryLine(r: ImportedReport): string {
  const v = r.validation;
  const rules = v ? `规则 ${v.errors.length} 错误 ${v.warnings.length} 警告 ${v.skipped.length} 跳过` : '规则 未检查';
  return [
    path.basename(r.file),
    `格式 ${r.template}`,
    r.year !== null ? `${r.year}年` : '年份未知',
    r.doc?.unit.name ?? r.unit ?? '单位未知',
    `读取 ${r.cellsRead}/${r.cellsTotal} 个单元格`,
    rules,
    `读取警告 ${r.warnings.length}`,
    r.encoding,
    r.script === 'traditional' ? '繁体→简体' : '简体',
  ].join(' · ');
}

function outputPath(file: string, out: string | undefined): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '') + '.json';
  return path.join(out ?? path.dirname(file), base);
}

function importOne(file: string, o: ImportCliOptions): ImportedReport {
  const size = fs.statSync(file).size;
  if (size > MAX_BYTES) throw new DomainError('VALIDATION', `${file}：文件有 ${(size / 1048576).toFixed(1)} MB，不像是一份年度报告（上限 5 MB）`);
  return importReportBytes(fs.readFileSync(file), path.basename(file), { unit: o.unit, year: o.year, template: o.template });
}

function printDetails(r: ImportedReport, write: (s: string) => void): void {
  if (r.error) write(`  错误：${r.error}`);
  for (const w of r.warnings) write(`  读取警告：${w}`);
  for (const c of r.validation?.errors ?? []) write(`  规则错误 ${c.message}`);
  for (const c of r.validation?.warnings ?? []) write(`  规则警告 ${c.message}`);
  if (r.validation?.skipped.length) write(`  规则跳过 ${r.validation.skipped.length} 项（涉及未载明的单元格）`);
}

function progress(done: number, total: number, name: string): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / Math.max(1, total)) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name.slice(0, 40).padEnd(40)}`);
  if (done === total) process.stderr.write('\n');
}

function summaryTable(rows: ImportedReport[]): string[] {
  const cols = ['文件', '格式', '年份', '单位', '单元格', '规则错误', '规则警告', '读取警告'];
  const data = rows.map((r) => [
    path.basename(r.file),
    r.template,
    r.year !== null ? String(r.year) : '—',
    r.doc?.unit.name ?? '—',
    `${r.cellsRead}/${r.cellsTotal}`,
    String(r.validation?.errors.length ?? '—'),
    String(r.validation?.warnings.length ?? '—'),
    String(r.warnings.length),
  ]);
  const width = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\u9fff\uac00-\ud7a3\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const widths = cols.map((c, i) => Math.max(width(c), ...data.map((d) => width(d[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ');
  return [line(cols), widths.map((w) => '-'.repeat(w)).join('  '), ...data.map(line)];
}

export function registerReportImportCommand(report: Command): void {
  report
    .command('import')
    .description('把已发布的年度报告（HTML 或文本）读成交换格式 JSON (read published annual reports into the interchange JSON)')
    .argument('<path>', '报告文件，或包含报告文件（.txt/.html）的目录')
    .option('--json', '只处理一个文件时，把 JSON 输出到标准输出而不写文件')
    .option('--unit <name>', '单位名称（原文没有写明或需要更正时）')
    .option('--year <year>', '报告年份（原文没有写明时）', yearOption)
    .option('--template <id>', '强制使用的格式：2021、2019 或 pre2019', templateOption)
    .option('--out <dir>', '把 JSON 写到这个目录（默认写在报告文件旁边）')
    .action((target: string, o: ImportCliOptions) => {
      if (!fs.existsSync(target)) throw new DomainError('VALIDATION', `${target}：文件或目录不存在`);
      const isDir = fs.statSync(target).isDirectory();
      const files = isDir ? listReports(target) : [target];
      if (isDir && files.length === 0) throw new DomainError('VALIDATION', `${target}：目录中没有报告文件（.txt、.html）`);
      if (o.json && files.length > 1) throw new DomainError('VALIDATION', '--json 只能用于单个文件；目录请用 --out 指定输出目录');
      if (o.out) fs.mkdirSync(o.out, { recursive: true });
      const results: ImportedReport[] = [];
      let failed = 0;
      files.forEach((file, i) => {
        let r: ImportedReport;
        try {
          r = importOne(file, o);
        } catch (e) {
          failed++;
          console.error(`${path.basename(file)} · 无法读取：${e instanceof Error ? e.message : String(e)}`);
          progress(i + 1, files.length, path.basename(file));
          return;
        }
        results.push(r);
        if (!r.doc) failed++;
        if (o.json && r.doc) {
          process.stdout.write(JSON.stringify(r.doc, null, 2) + '\n');
          console.error(summaryLine(r));
          printDetails(r, (s) => console.error(s));
        } else {
          if (r.doc) fs.writeFileSync(outputPath(file, o.out), JSON.stringify(r.doc, null, 2) + '\n');
          if (process.stderr.isTTY && isDir) process.stderr.write('\r\x1b[K');
          console.log(summaryLine(r) + (r.doc ? ` → ${outputPath(file, o.out)}` : ''));
          if (!isDir) printDetails(r, (s) => console.log(s));
          else if (r.error) console.log(`  错误：${r.error}`);
        }
        if (isDir) progress(i + 1, files.length, path.basename(file));
      });
      if (isDir) {
        console.log('');
        for (const l of summaryTable(results)) console.log(l);
        console.log(`共 ${files.length} 个文件，读取 ${files.length - failed} 个，失败 ${failed} 个`);
      }
      if (failed) process.exitCode = 1;
    });
}
