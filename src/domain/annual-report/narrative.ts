/**
 * Guided drafts of the narrative sections (Art. 50; 国办公开办函〔2021〕30号): 一 总体情况 filled from the report's own
 * tables and the publication records, 五 存在的主要问题及改进情况 as prompts, 六 其他需要报告的事项 stating the fees
 * collected (rules.md §3.2: section 六 states the total fees). Pure: the facts are gathered by narrative-data.ts.
 * Text in 【】 is a prompt for the author; a report still containing one cannot be submitted.
 */
import type { AnnualReportDoc, AnnualReportNarrative, Cell } from './interchange.js';

export interface NarrativeFacts {
  year: number;
  unitName: string;
  isGovernment: boolean;
  /** Items published in the year on the portal, per column; null when the publication records are not available. */
  published: { total: number; byColumn: { name: string; count: number }[] } | null;
  /** Information released through other channels (公报, 新媒体, 公开栏…), per channel; null when not recorded. */
  offline: { label: string; count: number }[] | null;
  fees: { amountYuan: number; payments: number };
}

const n = (v: Cell | undefined): string => (v === null || v === undefined ? '【待补充】' : String(v));
const cell = (doc: AnnualReportDoc, table: 'applications' | 'reviews' | 'proactive', row: string, col: string): Cell | undefined => doc.tables[table]?.[row]?.[col];

function proactiveParagraph(f: NarrativeFacts, doc: AnnualReportDoc): string {
  const parts: string[] = [];
  if (f.published) {
    const cols = f.published.byColumn.filter((c) => c.count > 0).map((c) => `“${c.name}”${c.count}条`);
    parts.push(`全年通过政府网站主动公开政府信息${f.published.total}条${cols.length ? `，其中${cols.join('、')}` : ''}。`);
  } else {
    parts.push('全年通过政府网站主动公开政府信息【待补充】条。');
  }
  if (f.offline && f.offline.some((c) => c.count > 0)) {
    parts.push(`通过其他渠道公开政府信息：${f.offline.filter((c) => c.count > 0).map((c) => `${c.label}${c.count}条`).join('、')}。`);
  }
  if (doc.template !== 'pre2019') {
    const regs = cell(doc, 'proactive', 'regulations', doc.template === '2021' ? 'issued' : 'newlyMade');
    const docs = cell(doc, 'proactive', 'normativeDocuments', doc.template === '2021' ? 'issued' : 'newlyMade');
    parts.push(`本年制发规章${n(regs)}件、行政规范性文件${n(docs)}件。`);
  }
  parts.push('【请补充政策解读、回应关切等重点领域信息公开情况】');
  return `（一）主动公开。${parts.join('')}`;
}

function applicationsParagraph(doc: AnnualReportDoc): string {
  if (doc.template === 'pre2019') return '（二）依申请公开。【请写明收到和办理政府信息公开申请的情况】';
  const a = (row: string) => n(cell(doc, 'applications', row, 'total'));
  return `（二）依申请公开。全年新收政府信息公开申请${a('received')}件，上年结转${a('carriedOver')}件；本年度办结${a('handledTotal')}件，其中予以公开${a('disclosed')}件、部分公开${a('partiallyDisclosed')}件；结转下年度继续办理${a('carriedForward')}件。`;
}

function supervisionParagraph(doc: AnnualReportDoc): string {
  if (doc.template === 'pre2019') return '（五）监督保障。【请写明行政复议、行政诉讼及监督保障情况】';
  const r = (row: string) => n(cell(doc, 'reviews', row, 'total'));
  return `（五）监督保障。本年度因政府信息公开引起的行政复议${r('reconsideration')}件，未经复议直接起诉的行政诉讼${r('litigationDirect')}件，复议后起诉的行政诉讼${r('litigationAfterReconsideration')}件。【请补充考核、培训、社会评议等监督保障工作情况】`;
}

export function draftOverview(f: NarrativeFacts, doc: AnnualReportDoc): string {
  return [
    `${f.year}年，${f.unitName}认真贯彻落实《中华人民共和国政府信息公开条例》，【请概述本年度政府信息公开工作的总体情况】。现将本年度政府信息公开工作情况报告如下。`,
    proactiveParagraph(f, doc),
    applicationsParagraph(doc),
    '（三）政府信息管理。【请写明政府信息公开审查、动态调整、目录编制等管理情况】',
    '（四）政府信息公开平台建设。【请写明政府网站、政务新媒体等公开平台建设情况】',
    supervisionParagraph(doc),
  ].join('\n\n');
}

export function draftProblems(f: NarrativeFacts): string {
  const parts = [
    '（一）存在的主要问题\n【请逐条写明本年度政府信息公开工作存在的主要问题】',
    '（二）改进情况\n【请对照上一年度报告提出的问题，逐项说明改进措施和成效，并写明下一步工作打算】',
  ];
  // Art. 50(四): a government's report also states assessment, public evaluation and accountability results.
  if (f.isGovernment) parts.push('（三）政务公开工作考核、社会评议和责任追究结果情况\n【请写明考核、社会评议和责任追究的结果】');
  return parts.join('\n\n');
}

/** rules.md §3.2: section 六 states the total fees collected in the year (R8 checks it is mentioned). */
export function feeSentence(f: NarrativeFacts): string {
  if (f.fees.amountYuan <= 0) return `${f.year}年，本机关未收取政府信息公开信息处理费。`;
  const wan = Math.round(f.fees.amountYuan / 100) / 100;
  return `${f.year}年，本机关依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费${f.fees.amountYuan}元（合${wan}万元，共${f.fees.payments}笔）。`;
}

export function draftOther(f: NarrativeFacts): string {
  return `${feeSentence(f)}\n\n【如有其他需要报告的事项（如人大代表建议和政协提案办理结果公开情况、年度政务公开工作要点落实情况等），请在此补充；没有的请删除本段】`;
}

export function draftNarrative(f: NarrativeFacts, doc: AnnualReportDoc): AnnualReportNarrative {
  return { overview: draftOverview(f, doc), problems: draftProblems(f), other: draftOther(f) };
}

/** Sections that still hold an author prompt, with the first prompt found (for the submit check). */
export function unfinishedSections(narrative: AnnualReportNarrative): { key: 'overview' | 'problems' | 'other'; prompt: string }[] {
  const out: { key: 'overview' | 'problems' | 'other'; prompt: string }[] = [];
  for (const key of ['overview', 'problems', 'other'] as const) {
    const m = /【[^】]*】/.exec(narrative[key] ?? '');
    if (m) out.push({ key, prompt: m[0] });
  }
  return out;
}

export const NARRATIVE_LABELS = { overview: '一、总体情况', problems: '五、存在的主要问题及改进情况', other: '六、其他需要报告的事项' } as const;
