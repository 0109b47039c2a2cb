/**
 * Fixtures, hand-checked expectations, generated variants and the "zero invented numbers" check for the report
 * import tests and benchmarks (bench/report-import.mjs and bench/import-accuracy.mjs load this file too).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { templateCellPaths, getCell, type AnnualReportDoc } from '../../src/domain/annual-report/interchange.js';
import { parseCellNumber, parseChineseNumeral } from '../../src/domain/imports/normalise.js';

/** The repository root (this file also runs bundled from .bench/ by the benchmarks). */
function repoRoot(): string {
  let d = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(d, 'package.json')) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
}
const ROOT = repoRoot();
const here = path.join(ROOT, 'test/imports');
export const FIXTURE_DIR = process.env.GONGKAI_REPORT_FIXTURES ?? path.resolve(ROOT, '../shared/fixtures/annual-reports');

export interface Expected {
  fixture: string;
  template: string;
  year: number;
  unit: string | null;
  script: 'traditional' | 'simplified';
  cells: Record<string, number>;
  warningsInclude?: string[];
}

export const FIXTURES = ['2024-town-aga-2021-format', '2017-town-hengnan-traditional', '2018-city-lushan-narrative'] as const;

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, `${name}.txt`), 'utf8');
}

export function expected(name: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(here, 'expected', `${name}.json`), 'utf8')) as Expected;
}

/** Deterministic pseudo-random numbers (variants must be the same on every run). */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const NAV_HEAD = [
  '网站首页 | 政务公开 | 办事服务 | 互动交流 | 走进本区',
  '当前位置：首页 > 政务公开 > 政府信息公开年报',
  '字号：大 中 小',
  '【打印本页】 【关闭窗口】',
  '分享到：微信 微博 QQ空间',
].join('\n');
const NAV_TAIL = ['扫一扫在手机打开当前页', '上一篇：关于印发2023年工作要点的通知', '下一篇：无', '网站地图 | 联系我们', '主办：某某区人民政府办公室 版权所有', '黔ICP备12345678号 网站标识码：5202210001 公网安备 52020302000123号'].join('\n');

export interface Variant {
  name: string;
  base: (typeof FIXTURES)[number];
  bytes: Uint8Array;
  /** the cells a correct reading yields (base expectations adjusted by the variant) */
  cells: Record<string, number>;
  /** rule ids the validation must report as failed (broken sums) */
  failedRules?: string[];
  /** a reading warning must mention this */
  warning?: string;
  /** true when offsets point into the text as given (plain text inputs) */
  plain: boolean;
  decodedText: string;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Table value lines (one cell per line, "0 |") joined 1–4 at a time, stray "|" marks appended, labels kept. */
export function shuffleCells(text: string, seed: number): string {
  const r = rng(seed);
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const l = lines[i]!;
    if (/^\s*[\d.]+\s*\|[\s|]*$/.test(l)) {
      const k = 1 + Math.floor(r() * 4);
      const group: string[] = [];
      while (group.length < k && i < lines.length && /^\s*[\d.]+\s*\|[\s|]*$/.test(lines[i]!)) group.push(lines[i++]!.replace(/\|[\s|]*$/, '|'));
      out.push(group.join(' ') + (r() < 0.3 ? ' ||' : ''));
      continue;
    }
    // a label line sometimes gets its first value on the same line
    if (/\|\s*$/.test(l) && !/^\s*[\d.]+\s*\|/.test(l) && /^\s*[\d.]+\s*\|\s*$/.test(lines[i + 1] ?? '') && r() < 0.3) {
      out.push(`${l.replace(/\s*\|[\s|]*$/, '')} | ${lines[i + 1]!.trim()}`);
      i += 2;
      continue;
    }
    out.push(l);
    i++;
  }
  return out.join('\n');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The report as a CMS page: paragraphs for prose, a <table> per run of cell lines, navigation around it. */
export function asHtml(text: string): string {
  const parts: string[] = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>年报</title><script>var x = "<td>9</td>";</script></head><body>'];
  parts.push('<nav><a href="/">网站首页</a> | <a>政务公开</a></nav><div class="crumb">当前位置：首页 &gt; 政府信息公开年报</div><div class="tools">字号：<a>大</a> <a>中</a> <a>小</a></div><div class="content">');
  let inTable = false;
  let row: string[] = [];
  const flush = () => {
    if (row.length) parts.push(`<tr>${row.join('')}</tr>`);
    row = [];
  };
  for (const l of text.split('\n')) {
    const cell = /^(.*?)\s*\|[\s|]*$/.exec(l);
    if (cell) {
      if (!inTable) parts.push('<table border="1">');
      inTable = true;
      row.push(`<td>${escapeHtml(cell[1]!.replace(/^\|\s*/, ''))}</td>`);
      if (row.length >= 8) flush();
    } else {
      if (inTable) {
        flush();
        parts.push('</table>');
      }
      inTable = false;
      parts.push(`<p>${escapeHtml(l).replace(/ /g, '&nbsp;')}</p>`);
    }
  }
  if (inTable) {
    flush();
    parts.push('</table>');
  }
  parts.push('</div><div class="footer">扫一扫在手机打开当前页<br>版权所有：某某区人民政府 ICP备00000000号</div></body></html>');
  return parts.join('\n');
}

function without(cells: Record<string, number>, prefix: string): Record<string, number> {
  return Object.fromEntries(Object.entries(cells).filter(([k]) => !k.startsWith(prefix)));
}

export function variants(): Variant[] {
  const out: Variant[] = [];
  const add = (v: Omit<Variant, 'decodedText' | 'plain'> & { text: string; plain?: boolean }) => {
    const { text, ...rest } = v;
    out.push({ ...rest, plain: v.plain ?? true, decodedText: text });
  };
  for (const name of FIXTURES) {
    const text = fixtureText(name);
    const exp = expected(name).cells;
    add({ name: `${name}`, base: name, bytes: utf8(text), cells: exp, text });
    for (const seed of [1, 2, 3]) {
      const t = shuffleCells(text, seed);
      add({ name: `${name} · cells shuffled #${seed}`, base: name, bytes: utf8(t), cells: exp, text: t });
    }
    const nav = `${NAV_HEAD}\n${text}\n${NAV_TAIL}`;
    add({ name: `${name} · navigation`, base: name, bytes: utf8(nav), cells: exp, text: nav });
    const enc = name.includes('traditional') ? 'gb18030' : 'gbk';
    add({ name: `${name} · ${enc.toUpperCase()}`, base: name, bytes: iconv.encode(text, enc), cells: exp, text });
    const html = asHtml(text);
    add({ name: `${name} · HTML`, base: name, bytes: utf8(html), cells: exp, text: html, plain: false });
    const crlf = '\ufeff' + text.replace(/\n/g, '\r\n');
    add({ name: `${name} · BOM + CRLF`, base: name, bytes: utf8(crlf), cells: exp, text: crlf.slice(1) });
  }
  // 2024 in traditional characters (OpenCC cn→t): script detection on a 2021-format report.
  const t2024 = fixtureText(FIXTURES[0]);
  const trad = OpenCC.Converter({ from: 'cn', to: 't' })(t2024);
  add({ name: '2024 · traditional script', base: FIXTURES[0], bytes: utf8(trad), cells: expected(FIXTURES[0]).cells, text: trad });
  // 2024 with table 三's cells lost (heading and labels kept, values gone).
  const lines = t2024.split('\n');
  const a = lines.findIndex((l) => l.startsWith('三、收到和处理政府信息公开申请情况'));
  const b = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
  const missing = [...lines.slice(0, a), ...lines.slice(a, b).filter((l) => !/^\s*\d+\s*\|/.test(l)), ...lines.slice(b)].join('\n');
  add({ name: '2024 · table 三 cells missing', base: FIXTURES[0], bytes: utf8(missing), cells: without(expected(FIXTURES[0]).cells, 'applications.'), text: missing, warning: '表三' });
  // 2024 with table 三 removed entirely (heading too).
  const gone = [...lines.slice(0, a), ...lines.slice(b)].join('\n');
  add({ name: '2024 · table 三 removed', base: FIXTURES[0], bytes: utf8(gone), cells: without(expected(FIXTURES[0]).cells, 'applications.'), text: gone, warning: '未找到表三' });
  // 2024 with a broken 勾稽 sum: 自然人 of 一、本年新收 printed as 3 while 总计 stays 0 (R1, R2 fail).
  const recv = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
  const broken = [...lines];
  broken[recv + 1] = '3 |';
  const bt = broken.join('\n');
  add({ name: '2024 · broken sum (R1, R2)', base: FIXTURES[0], bytes: utf8(bt), cells: { ...expected(FIXTURES[0]).cells, 'applications.received.natural': 3 }, text: bt, failedRules: ['R1', 'R2'] });
  // 2017 with its 附表 cut off: a narrative report then. Its prose states staff, budget, meetings, training and
  // hot topics (專職人員2名，兼職人員1名 … 經費2萬元 … 會議1次 … 培訓1次，參加培訓52人 … 熱點0次); 公開政府信息63條
  // does not say 主動公開 and 60餘人次 is approximate, so neither is read.
  const t2017 = fixtureText(FIXTURES[1]);
  const cut = t2017.slice(0, t2017.indexOf('十一、附表'));
  add({
    name: '2017 · 附表 removed (narrative)', base: FIXTURES[1], bytes: utf8(cut), text: cut, warning: '没有附表',
    cells: { 'indicators.org.staffFullTime': 2, 'indicators.org.staffPartTime': 1, 'indicators.org.budgetWan': 2, 'indicators.meetings.meetings': 1, 'indicators.meetings.trainings': 1, 'indicators.meetings.trainees': 52, 'indicators.response.hotTopics': 0 },
  });
  return out;
}

/** Numbers a snippet states: Arabic (with thousands separators) and Chinese numerals. */
function numbersIn(s: string): number[] {
  const out: number[] = [];
  for (const m of s.matchAll(/[-+]?\d[\d,]*(?:\.\d+)?/g)) {
    const v = parseCellNumber(m[0]) ?? Number(m[0].replace(/,/g, ''));
    if (Number.isFinite(v)) out.push(v);
  }
  for (const m of s.matchAll(/[零〇一二两三四五六七八九十百千万]+/g)) {
    const v = parseChineseNumeral(m[0]);
    if (v !== null) out.push(v);
  }
  return out;
}

/**
 * Zero invented numbers: every non-null cell has provenance whose snippet states that number (as written, or
 * in 元 for a 万元 cell). For plain text inputs the snippet is also exactly the source text at its offset.
 * Returns the problems found (empty when none).
 */
export function inventedCells(doc: AnnualReportDoc, decodedSource: string | null): string[] {
  const problems: string[] = [];
  for (const p of templateCellPaths(doc.template)) {
    const v = getCell(doc, p);
    if (v === null || v === undefined) continue;
    const prov = doc.source?.cells[p];
    if (!prov) {
      problems.push(`${p} = ${v} has no provenance`);
      continue;
    }
    const nums = numbersIn(prov.text);
    const ok = nums.some((n) => Math.abs(n - v) < 1e-9 || Math.abs(n / 10000 - v) < 1e-9 || Math.abs(n / 10 - v) < 1e-9);
    if (!ok) problems.push(`${p} = ${v}: provenance “${prov.text}” does not state it`);
    if (decodedSource !== null && decodedSource.slice(prov.offset, prov.offset + prov.text.length) !== prov.text) {
      problems.push(`${p}: provenance “${prov.text}” is not the source text at offset ${prov.offset}`);
    }
  }
  return problems;
}

/** Accuracy of one reading against the stated cells: correct, wrong, missed, invented (non-null where nothing is stated). */
export function score(doc: AnnualReportDoc | null, cells: Record<string, number>): { stated: number; correct: number; wrong: string[]; missed: string[]; invented: string[] } {
  const stated = Object.keys(cells).length;
  if (!doc) return { stated, correct: 0, wrong: [], missed: Object.keys(cells), invented: [] };
  let correct = 0;
  const wrong: string[] = [];
  const missed: string[] = [];
  const invented: string[] = [];
  for (const p of templateCellPaths(doc.template)) {
    const v = getCell(doc, p);
    const e = cells[p];
    if (e === undefined) {
      if (v !== null && v !== undefined) invented.push(`${p}=${v}`);
    } else if (v === null || v === undefined) missed.push(p);
    else if (Math.abs(v - e) < 1e-9) correct++;
    else wrong.push(`${p}=${v} (expected ${e})`);
  }
  return { stated, correct, wrong, missed, invented };
}
