/**
 * `gongkai report import` as an operator runs it (the built CLI): a directory of scraped reports → one interchange
 * JSON per file plus a summary table; one file with --json → the document on stdout; overrides; clear errors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnnualReportDoc } from '../../src/domain/annual-report/interchange.js';
import { ensureBuilt, runCli } from '../support/built-cli.js';
import { FIXTURE_DIR, FIXTURES } from './support.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-report-import-'));
const inDir = path.join(root, 'reports');
const outDir = path.join(root, 'out');

beforeAll(async () => {
  await ensureBuilt();
  fs.mkdirSync(inDir);
  for (const f of FIXTURES) fs.copyFileSync(path.join(FIXTURE_DIR, `${f}.txt`), path.join(inDir, `${f}.txt`));
  fs.writeFileSync(path.join(inDir, 'notes.md'), 'not a report'); // ignored: not .txt/.html
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('gongkai report import', { timeout: 120_000 }, () => {
  it('reads a directory: one JSON per report, a line per file and a summary table', async () => {
    const r = await runCli(['report', 'import', inDir, '--out', outDir]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(outDir).sort()).toEqual(FIXTURES.map((f) => `${f}.json`).sort());
    const doc = JSON.parse(fs.readFileSync(path.join(outDir, '2024-town-aga-2021-format.json'), 'utf8'));
    const parsed = parseAnnualReportDoc(doc);
    expect(parsed.ok).toBe(true);
    expect(doc.template).toBe('2021');
    expect(doc.source.cells['applications.received.natural']).toMatchObject({ text: '0' });
    expect(r.stdout).toContain('2024-town-aga-2021-format.txt · 格式 2021 · 2024年 · 阿戛镇人民政府 · 读取 200/200 个单元格 · 规则 0 错误');
    expect(r.stdout).toMatch(/文件\s+格式\s+年份\s+单位\s+单元格\s+规则错误\s+规则警告\s+读取警告/);
    expect(r.stdout).toContain('共 3 个文件，读取 3 个，失败 0 个');
  });

  it('--json prints the document of one file to stdout; --unit fills a name the report does not state', async () => {
    const r = await runCli(['report', 'import', path.join(inDir, '2017-town-hengnan-traditional.txt'), '--json', '--unit', '衡南县某镇人民政府']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.unit.name).toBe('衡南县某镇人民政府');
    expect(doc.template).toBe('pre2019');
    expect(doc.indicators['applications.received']).toBe(0);
    expect(doc.indicators['applications.inPerson']).toBeNull();
    expect(doc.source.script).toBe('traditional');
    expect(r.stderr).toContain('读取警告：附表“（二）通过不同渠道和方式公开政府信息的情况”');
  });

  it('a file without a year fails with what to do; --year fixes it', async () => {
    const f = path.join(root, 'no-year.txt');
    fs.writeFileSync(f, '某某局政府信息公开工作年度报告\n一、总体情况\n本局认真做好政府信息公开工作。\n');
    const bad = await runCli(['report', 'import', f, '--out', outDir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('没有找到报告年份');
    const good = await runCli(['report', 'import', f, '--year', '2016', '--json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).year).toBe(2016);
  });

  it('refuses --json for a directory, a missing path and a bad --year, in Chinese', async () => {
    const a = await runCli(['report', 'import', inDir, '--json']);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('--json 只能用于单个文件');
    const b = await runCli(['report', 'import', path.join(root, 'nope.txt')]);
    expect(b.stderr).toContain('文件或目录不存在');
    const c = await runCli(['report', 'import', inDir, '--year', '24']);
    expect(c.stderr).toContain('应为四位年份');
  });
});
