/**
 * What report this is: its year, its unit and its template, each with the evidence it was decided on (the
 * phrase, where it stands) so a reviewer can check the decision. Templates are told apart by the labels only
 * their tables have (annual-report-format.md §2–4); the year decides only when there is no structural evidence.
 */
import type { TemplateId } from '../annual-report/interchange.js';
import { templateForYear } from '../annual-report/templates.js';
import { labelKey } from './normalise.js';

export interface Evidence {
  template?: TemplateId;
  what: string;
  phrase: string;
  /** offset in the cleaned text */
  offset: number;
}

export interface Detected<T> {
  value: T | null;
  evidence: Evidence[];
}

/** Phrases that only one template's tables carry. */
const TEMPLATE_PHRASES: { template: TemplateId; phrase: string }[] = [
  { template: '2021', phrase: '本年制发件数' },
  { template: '2021', phrase: '本年废止件数' },
  { template: '2021', phrase: '现行有效件数' },
  { template: '2021', phrase: '申请人无正当理由逾期不补正' },
  { template: '2021', phrase: '申请人逾期未按收费通知要求缴纳费用' },
  { template: '2021', phrase: '本年收费金额' },
  { template: '2019', phrase: '本年新制作数量' },
  { template: '2019', phrase: '本年新公开数量' },
  { template: '2019', phrase: '对外公开总数量' },
  { template: '2019', phrase: '上一年项目数量' },
  { template: '2019', phrase: '本年增/减' },
  { template: '2019', phrase: '其他对外管理服务事项' },
  { template: '2019', phrase: '政府集中采购' },
  { template: 'pre2019', phrase: '政府信息公开情况统计表' },
  { template: 'pre2019', phrase: '收到申请数' },
  { template: 'pre2019', phrase: '申请办结数' },
  { template: 'pre2019', phrase: '不同意公开答复数' },
  { template: 'pre2019', phrase: '属于已主动公开范围数' },
  { template: 'pre2019', phrase: '告知通过其他途径办理数' },
  { template: 'pre2019', phrase: '政府信息公开查阅点数' },
];

/** Phrases common to 2019 and 2021 (tables 三 and 四): evidence of "one of the two", decided by the others. */
const NEW_FORMAT_PHRASES = ['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '结转下年度继续办理', '属于四类过程性信息', '未经复议直接起诉'];

/** Offsets of a phrase in the text, tolerant of spaces and punctuation variants (compares labelKeys). */
function findPhrase(keyed: string, keyedOffsets: Int32Array, phrase: string): number {
  const k = labelKey(phrase);
  const at = keyed.indexOf(k);
  return at < 0 ? -1 : keyedOffsets[at]!;
}

/** The text reduced to labelKey characters, with the offset of each kept character (one pass, no regex per char). */
export function keyedText(text: string): { keyed: string; offsets: Int32Array } {
  const codes = new Uint16Array(text.length);
  const offs = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (c <= 0x20 || SKIP_CHARS.has(c)) continue;
    codes[n] = c;
    offs[n++] = i;
  }
  let keyed = '';
  for (let i = 0; i < n; i += 8192) keyed += String.fromCharCode(...codes.subarray(i, Math.min(n, i + 8192)));
  return { keyed, offsets: offs.subarray(0, n) };
}

const SKIP_CHARS = new Set([...'\u00a0\u3000|｜,，.。:：;；、!！?？\'"“”‘’`·•…-—–_~～()（）[]【】{}<>《》〈〉「」『』/\\+=*#'].map((c) => c.charCodeAt(0)));

export function detectYear(text: string, titleLine: string | null): Detected<number> {
  const evidence: Evidence[] = [];
  const period = /统计期限(?:为|是)?(?:自|从)?\s*(\d{4})\s*年\s*1\s*月\s*1\s*日(?:起)?\s*[,，]?\s*(?:至|到)\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/.exec(text)
    ?? /(?:自|从)\s*(\d{4})\s*年\s*1\s*月\s*1\s*日(?:起)?\s*[,，]?\s*(?:至|到)\s*(\d{4})?\s*年?\s*12\s*月\s*31\s*日/.exec(text);
  if (period) {
    const y = Number(period[1]);
    evidence.push({ what: '统计期限', phrase: period[0], offset: period.index });
    if (!period[2] || Number(period[2]) === y) return { value: y, evidence };
  }
  const title = titleLine ? /(\d{4})\s*年(?:度)?[^\d]{0,40}?年度报告/.exec(titleLine) : null;
  const inText = title ? null : /(\d{4})\s*年(?:度)?(?:政府信息公开|政务公开)(?:工作)?年度报告/.exec(text);
  const t = title ?? inText;
  if (t) {
    evidence.push({ what: '标题中的年份', phrase: t[0], offset: title ? Math.max(0, text.indexOf(t[0])) : t.index });
    return { value: Number(t[1]), evidence };
  }
  // Fallback: the year most often written in the first part of the report ("2024年，…").
  const head = text.slice(0, 3000);
  const counts = new Map<number, { n: number; at: number }>();
  for (const m of head.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:印发|发布))/g)) {
    const y = Number(m[1]);
    const c = counts.get(y) ?? { n: 0, at: m.index };
    c.n++;
    counts.set(y, c);
  }
  const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].at - b[1].at)[0];
  if (best && best[1].n >= 2) {
    evidence.push({ what: `正文中最常出现的年份（${best[1].n} 次）`, phrase: `${best[0]}年`, offset: best[1].at });
    return { value: best[0], evidence };
  }
  return { value: null, evidence };
}

const PLACE = '(?:省|自治区|市|州|盟|县|区|旗|镇|乡|街道)';

export function detectUnit(text: string, titleLine: string | null, titleOffset: number): Detected<string> {
  const evidence: Evidence[] = [];
  const title = titleLine?.replace(/\s+/g, '') ?? '';
  const before = /^(.{2,40}?)(?:\d{4})年(?:度)?(?:政府信息公开|政务公开|信息公开)/.exec(title);
  const after = before ? null : /^(?:\d{4})年(?:度)?(.{2,40}?)(?:政府信息公开|政务公开|信息公开)/.exec(title);
  let name = (before ?? after)?.[1]?.replace(/[《》“”"]/g, '') ?? null;
  if (name && /^\d/.test(name)) name = null;
  if (name) {
    evidence.push({ what: '标题中的单位名称', phrase: titleLine!, offset: titleOffset });
    // A bare place name in the title ("庐山市") is the report of its people's government, when the text says so.
    if (new RegExp(`${PLACE}$`).test(name) && text.includes(`${name}人民政府`)) {
      evidence.push({ what: '正文中的全称', phrase: `${name}人民政府`, offset: text.indexOf(`${name}人民政府`) });
      name = `${name}人民政府`;
    }
    return { value: name, evidence };
  }
  // No title: the first "<place>人民政府" / "<place>街道办事处" standing after punctuation in the report's opening.
  const head = text.slice(0, 2000);
  const m = new RegExp(`(?<=^|[\\s,，。；;：:、（(“"])([\\u4e00-\\u9fff]{1,12}?${PLACE})(人民政府|街道办事处)(?!办公室|门户|网站|信息公开工作领导)`, 'm').exec(head);
  if (m) {
    evidence.push({ what: '正文开头提到的单位（推断）', phrase: m[1]! + m[2]!, offset: m.index });
    return { value: m[1]! + m[2]!, evidence };
  }
  return { value: null, evidence };
}

export interface TemplateDecision {
  value: TemplateId;
  evidence: Evidence[];
  /** true when decided by year only (no structural evidence) */
  byYearOnly: boolean;
  /** structural evidence points one way and the year another */
  conflict: string | null;
}

export function detectTemplate(text: string, year: number | null, hasIndicatorTable: boolean): TemplateDecision {
  const { keyed, offsets } = keyedText(text);
  const evidence: Evidence[] = [];
  const score: Record<TemplateId, number> = { '2021': 0, '2019': 0, pre2019: 0 };
  for (const p of TEMPLATE_PHRASES) {
    const at = findPhrase(keyed, offsets, p.phrase);
    if (at >= 0) {
      score[p.template]++;
      evidence.push({ template: p.template, what: '只有该格式的表格才有的标签', phrase: p.phrase, offset: at });
    }
  }
  let newFormat = 0;
  for (const phrase of NEW_FORMAT_PHRASES) {
    const at = findPhrase(keyed, offsets, phrase);
    if (at >= 0) {
      newFormat++;
      evidence.push({ what: '2019/2021 格式共有的标签', phrase, offset: at });
    }
  }
  if (hasIndicatorTable) score.pre2019 += 2;
  const ranked = (Object.entries(score) as [TemplateId, number][]).sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  let value: TemplateId;
  let byYearOnly = false;
  if (top![1] > 0 && top![1] > second![1]) value = top![0];
  else if (newFormat > 0) value = year !== null && year <= 2020 ? '2019' : '2021';
  else if (year !== null) {
    value = templateForYear(year);
    byYearOnly = true;
    evidence.push({ what: '没有表格标签，按报告年份确定格式', phrase: `${year}年`, offset: 0 });
  } else {
    value = '2021';
    byYearOnly = true;
  }
  let conflict: string | null = null;
  if (year !== null && !byYearOnly && templateForYear(year) !== value) {
    conflict = `表格标签表明是“${value}”格式，但报告年份 ${year} 年应使用“${templateForYear(year)}”格式`;
  }
  return { value, evidence, byYearOnly, conflict };
}
