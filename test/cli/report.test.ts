/**
 * `gongkai report validate` and `gongkai report render` as an operator runs them (the built bin/gongkai.js),
 * on the sample interchange documents in test/fixtures/reports: exit codes, the messages printed, and each
 * output format written. No database is involved.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnnualReportDoc } from '../../src/domain/annual-report/interchange.js';
import { ensureBuilt, runCli } from '../support/built-cli.js';

const FIX = path.resolve(__dirname, '../fixtures/reports');
const fx = (name: string) => path.join(FIX, name);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-report-cli-'));
const gk = (...args: string[]) => runCli(args);

beforeAll(async () => { await ensureBuilt(); }, 120_000);
afterAll(() => { fs.rmSync(root, { recursive: true, force: true }); });

describe('gongkai report validate', () => {
  it('a balanced report: exit 0, lists what was skipped and says it may be published', async () => {
    const r = await gk('report', 'validate', fx('2024-fgj-2021.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('安澜市发展和改革局2024年政府信息公开工作年度报告（格式：国办公开办函〔2021〕30号）');
    expect(r.stdout).toContain('已跳过（2 项）');
    expect(r.stdout).toContain('R5 表三 上年结转：已跳过，未提供上一年度报告');
    expect(r.stdout).toContain('结论：没有勾稽错误');
  }, 60_000);

  it('with --previous and --fees the cross-year and narrative rules are checked too', async () => {
    const r = await gk('report', 'validate', fx('2024-fgj-2021.json'), '--previous', fx('2023-fgj-2021.json'), '--fees', '0.18');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/跳过 0 项/);
    // The same report against a different fee total: a warning, still exit 0.
    const w = await gk('report', 'validate', fx('2024-fgj-2021.json'), '--fees', '0.5');
    expect(w.code).toBe(0);
    expect(w.stdout).toContain('警告（1 项）');
    expect(w.stdout).toContain('即 0.18 万元 ≠ 收费记录合计 0.5 万元');
  }, 60_000);

  it('an unbalanced report: exit 1, each error with rule, table, labels and both sides', async () => {
    const r = await gk('report', 'validate', fx('2024-fgj-2021-unbalanced.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('错误（3 项）');
    expect(r.stdout).toContain('R1 表三 申请人情况·自然人：一、本年新收 12 + 二、上年结转 3 = 15 ≠ 三（七）总计 13 + 四、结转下年度继续办理 1 = 14');
    expect(r.stdout).toContain('R4 表四 行政复议：总计 3 ≠ 结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 2');
    expect(r.stdout).toContain('结论：有勾稽错误，改正前不得公开。');
  }, 60_000);

  it('--json prints the findings for tools', async () => {
    const r = await gk('report', 'validate', fx('2024-fgj-2021-unbalanced.json'), '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { ok: boolean; errors: { rule: string }[] };
    expect(j.ok).toBe(false);
    expect(j.errors.map((e) => e.rule)).toEqual(['R1', 'R2', 'R4']);
  }, 60_000);

  it('a document with only totals (2019 format) skips what it does not state, and passes what it does', async () => {
    const r = await gk('report', 'validate', fx('2020-city-2019.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('R1 表三 申请人情况·自然人：已跳过，以下单元格为空（原文未载明）');
  }, 60_000);

  it.each([
    ['missing file', () => path.join(root, 'nope.json'), '错误：找不到文件'],
    ['not JSON', () => { const f = path.join(root, 'bad.json'); fs.writeFileSync(f, '{"format": '); return f; }, '不是有效的 JSON'],
    ['wrong keys', () => {
      const f = path.join(root, 'typo.json');
      fs.writeFileSync(f, JSON.stringify({ format: 'gongkai-annual-report/1', template: '2021', year: 2024, unit: { name: '某局', code: null }, tables: { applications: { recieved: { natural: 1 } } } }));
      return f;
    }, 'tables.applications.recieved：模板 2021 的表三没有这一行'],
    ['a directory', () => root, '是目录'],
  ])('%s: exit 2 with a Chinese message', async (_name, file, message) => {
    const r = await gk('report', 'validate', file());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  }, 60_000);
});

describe('gongkai report render', () => {
  const magic: Record<string, (b: Buffer) => boolean> = {
    html: (b) => b.toString('utf8').startsWith('<!doctype html>') && b.toString('utf8').includes('<caption'),
    json: (b) => parseAnnualReportDoc(JSON.parse(b.toString('utf8'))).ok,
    docx: (b) => b.subarray(0, 2).toString() === 'PK' && b.includes(Buffer.from('word/document.xml')),
    xlsx: (b) => b.subarray(0, 2).toString() === 'PK' && b.includes(Buffer.from('xl/workbook.xml')),
    pdf: (b) => b.subarray(0, 5).toString() === '%PDF-',
  };
  it.each(Object.keys(magic))('writes %s', async (format) => {
    const out = path.join(root, 'out', `report.${format}`);
    const r = await gk('report', 'render', fx('2024-fgj-2021.json'), '--format', format, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已生成 ${out}`);
    expect(magic[format]!(fs.readFileSync(out))).toBe(true);
  }, 90_000);

  it('renders a report with errors but says it must not be published', async () => {
    const out = path.join(root, 'out', 'bad.html');
    const r = await gk('report', 'render', fx('2024-fgj-2021-unbalanced.json'), '--format', 'html', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('该报告有 3 项勾稽错误');
  }, 60_000);

  it('refuses an unknown format and an unreadable file', async () => {
    const a = await gk('report', 'render', fx('2024-fgj-2021.json'), '--format', 'doc', '--out', path.join(root, 'x.doc'));
    expect(a.code).not.toBe(0);
    expect(a.stderr).toContain('Allowed choices are html, docx, pdf, xlsx, json');
    expect(fs.existsSync(path.join(root, 'x.doc'))).toBe(false);
    const b = await gk('report', 'render', path.join(root, 'nope.json'), '--format', 'pdf', '--out', path.join(root, 'y.pdf'));
    expect(b.code).toBe(2);
    expect(fs.existsSync(path.join(root, 'y.pdf'))).toBe(false);
  }, 60_000);
});
