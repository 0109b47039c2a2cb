/**
 * Key figures of one annual report for the supervising office's comparison (issue 6 item 5), read from the
 * interchange document of any template. The mapping is data: for each template, which cells a figure sums and
 * whether the figure means the same thing as in the 2021 format ('same') or only roughly ('approximate', with
 * the reason). A figure a template does not have is null, never 0; a sum with any null cell is null. Pure.
 */
import { getCell, type AnnualReportDoc, type TemplateId } from './interchange.js';

export const FIGURE_KEYS = [
  'itemsPublished', 'docsIssued',
  'received', 'carriedOver', 'handledTotal', 'carriedForward',
  'disclosed', 'partiallyDisclosed', 'withheld', 'unavailable', 'notProcessed', 'otherOutcome',
  'reconsiderationTotal', 'reconsiderationCorrected', 'reconsiderationConcluded',
  'litigationTotal', 'litigationCorrected', 'litigationConcluded',
  'correctedRate',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export type FigureGroup = 'proactive' | 'applications' | 'outcomes' | 'reviews';

export interface FigureDef {
  key: FigureKey;
  label: string;
  group: FigureGroup;
  unit: string;
}

export const FIGURE_GROUPS: Record<FigureGroup, string> = {
  proactive: '主动公开',
  applications: '依申请公开',
  outcomes: '办理结果构成',
  reviews: '行政复议和行政诉讼',
};

export const FIGURES: FigureDef[] = [
  { key: 'itemsPublished', label: '主动公开信息数', group: 'proactive', unit: '条' },
  { key: 'docsIssued', label: '制发规章和规范性文件', group: 'proactive', unit: '件' },
  { key: 'received', label: '本年新收申请', group: 'applications', unit: '件' },
  { key: 'carriedOver', label: '上年结转申请', group: 'applications', unit: '件' },
  { key: 'handledTotal', label: '办理结果总计', group: 'applications', unit: '件' },
  { key: 'carriedForward', label: '结转下年度办理', group: 'applications', unit: '件' },
  { key: 'disclosed', label: '予以公开', group: 'outcomes', unit: '件' },
  { key: 'partiallyDisclosed', label: '部分公开', group: 'outcomes', unit: '件' },
  { key: 'withheld', label: '不予公开', group: 'outcomes', unit: '件' },
  { key: 'unavailable', label: '无法提供', group: 'outcomes', unit: '件' },
  { key: 'notProcessed', label: '不予处理', group: 'outcomes', unit: '件' },
  { key: 'otherOutcome', label: '其他处理', group: 'outcomes', unit: '件' },
  { key: 'reconsiderationTotal', label: '行政复议总数', group: 'reviews', unit: '件' },
  { key: 'reconsiderationCorrected', label: '复议结果纠正', group: 'reviews', unit: '件' },
  { key: 'reconsiderationConcluded', label: '复议已审结', group: 'reviews', unit: '件' },
  { key: 'litigationTotal', label: '行政诉讼总数', group: 'reviews', unit: '件' },
  { key: 'litigationCorrected', label: '诉讼结果纠正', group: 'reviews', unit: '件' },
  { key: 'litigationConcluded', label: '诉讼已审结', group: 'reviews', unit: '件' },
  { key: 'correctedRate', label: '被纠错率', group: 'reviews', unit: '%' },
];

/** The outcome figures that make up 办理结果总计 (table 三 三（一）–（六）), in display order. */
export const OUTCOME_KEYS: FigureKey[] = ['disclosed', 'partiallyDisclosed', 'withheld', 'unavailable', 'notProcessed', 'otherOutcome'];

/**
 * How a template gives a figure. `cells`: summed cell paths; `records`: the platform's publication records (only
 * for reports computed on the platform); `derived`: computed from other figures; `absent`: the template has no
 * such figure (null).
 */
export type FigureSource =
  | { kind: 'cells'; cells: string[]; basis: 'same' | 'approximate'; note?: string }
  | { kind: 'records'; basis: 'approximate'; note: string }
  | { kind: 'derived'; basis: 'same' | 'approximate'; note?: string }
  | { kind: 'absent'; note: string };

const rows = (keys: string[], col = 'total') => keys.map((k) => `applications.${k}.${col}`);
const WITHHELD = ['withheldStateSecret', 'withheldLawProhibited', 'withheldSecurityStability', 'withheldThirdParty', 'withheldInternalAffairs', 'withheldProcessInfo', 'withheldEnforcementFile', 'withheldQueryMatter'];
const UNAVAILABLE = ['unavailableNotHeld', 'unavailableNeedsCreation', 'unavailableStillUnclear'];
const NOT_PROCESSED = ['notProcessedPetition', 'notProcessedRepeated', 'notProcessedPublication', 'notProcessedExcessive', 'notProcessedConfirmation'];
const LITIGATION = ['litigationDirect', 'litigationAfterReconsideration'];
const concluded = (rowKeys: string[]) => rowKeys.flatMap((r) => ['upheld', 'corrected', 'other'].map((c) => `reviews.${r}.${c}`));

const same = (...cells: string[]): FigureSource => ({ kind: 'cells', cells, basis: 'same' });
const approx = (note: string, ...cells: string[]): FigureSource => ({ kind: 'cells', cells, basis: 'approximate', note });
const RECORDS: FigureSource = {
  kind: 'records', basis: 'approximate',
  note: '2019年起的报告表二不载明主动公开信息总数：本列为本平台当年发布记录数，仅适用于在本平台生成的报告（导入的报告为空）',
};
const RATE: FigureSource = { kind: 'derived', basis: 'same' };

function tableFigures(template: '2021' | '2019'): Record<FigureKey, FigureSource> {
  const issued = template === '2021' ? 'issued' : 'newlyMade';
  return {
    itemsPublished: RECORDS,
    docsIssued: template === '2021'
      ? same(`proactive.regulations.${issued}`, `proactive.normativeDocuments.${issued}`)
      : approx('2019年格式为“本年新制作数量”，2021年格式为“本年制发件数”', `proactive.regulations.${issued}`, `proactive.normativeDocuments.${issued}`),
    received: same('applications.received.total'),
    carriedOver: same('applications.carriedOver.total'),
    handledTotal: same('applications.handledTotal.total'),
    carriedForward: same('applications.carriedForward.total'),
    disclosed: same('applications.disclosed.total'),
    partiallyDisclosed: same('applications.partiallyDisclosed.total'),
    withheld: same(...rows(WITHHELD)),
    unavailable: same(...rows(UNAVAILABLE)),
    notProcessed: same(...rows(NOT_PROCESSED)),
    otherOutcome: same(...rows(template === '2021' ? ['otherNoCorrection', 'otherFeeUnpaid', 'otherOther'] : ['otherOther'])),
    reconsiderationTotal: same('reviews.reconsideration.total'),
    reconsiderationCorrected: same('reviews.reconsideration.corrected'),
    reconsiderationConcluded: same(...concluded(['reconsideration'])),
    litigationTotal: same(...LITIGATION.map((r) => `reviews.${r}.total`)),
    litigationCorrected: same(...LITIGATION.map((r) => `reviews.${r}.corrected`)),
    litigationConcluded: same(...concluded(LITIGATION)),
    correctedRate: RATE,
  };
}

const ind = (k: string) => `indicators.${k}`;
const PRE2019_REVIEW_NOTE = '2018年及以前附表无“尚未审结”栏：已审结数按维持、纠错、其他情形之和计';

/** The pre2019 附表 (annual-report-format.md §4) read as well as its categories allow. */
const PRE2019: Record<FigureKey, FigureSource> = {
  itemsPublished: same(ind('proactive.total')),
  docsIssued: approx('附表只有“制发规范性文件总数”，不含规章', ind('proactive.normativeDocsIssued')),
  received: same(ind('applications.received')),
  carriedOver: { kind: 'absent', note: '2018年及以前附表没有上年结转申请数' },
  handledTotal: approx('附表为“申请答复数”（已主动公开、同意公开、部分公开、不同意公开及5–8项之和）', ind('applications.replied')),
  carriedForward: { kind: 'absent', note: '2018年及以前附表没有结转下年度申请数' },
  disclosed: approx('附表“属于已主动公开范围数”与“同意公开答复数”之和', ind('applications.alreadyPublic'), ind('applications.disclosed')),
  partiallyDisclosed: approx('附表“同意部分公开答复数”（2019年起区分处理的只计部分公开）', ind('applications.partiallyDisclosed')),
  withheld: approx('附表“不同意公开答复数”，不公开理由分类与2019年起的格式不同', ind('applications.refused')),
  unavailable: approx('附表“不属于本行政机关公开数”与“申请信息不存在数”之和', ind('applications.notThisAgency'), ind('applications.notExist')),
  notProcessed: { kind: 'absent', note: '2018年及以前附表没有“不予处理”类别' },
  otherOutcome: approx('附表“告知作出更改补充数”与“告知通过其他途径办理数”之和', ind('applications.correctionRequested'), ind('applications.otherChannel')),
  reconsiderationTotal: approx('附表“行政复议数量”可能含尚未审结的案件', ind('reconsideration.total')),
  reconsiderationCorrected: same(ind('reconsideration.corrected')),
  reconsiderationConcluded: approx(PRE2019_REVIEW_NOTE, ind('reconsideration.upheld'), ind('reconsideration.corrected'), ind('reconsideration.other')),
  litigationTotal: approx('附表“行政诉讼数量”可能含尚未审结的案件', ind('litigation.total')),
  litigationCorrected: same(ind('litigation.corrected')),
  litigationConcluded: approx(PRE2019_REVIEW_NOTE, ind('litigation.upheld'), ind('litigation.corrected'), ind('litigation.other')),
  correctedRate: { kind: 'derived', basis: 'approximate', note: PRE2019_REVIEW_NOTE },
};

export const FIGURE_SOURCES: Record<TemplateId, Record<FigureKey, FigureSource>> = {
  '2021': tableFigures('2021'),
  '2019': tableFigures('2019'),
  pre2019: PRE2019,
};

export type Figures = Record<FigureKey, number | null>;

/** Sum of cells; null when any is null or missing (a sum with an unknown part is unknown). */
function sumCells(doc: AnnualReportDoc, cells: string[]): number | null {
  let total = 0;
  for (const p of cells) {
    const v = getCell(doc, p);
    if (v === null || v === undefined) return null;
    total += v;
  }
  return Math.round(total * 10_000) / 10_000;
}

/**
 * 被纠错率 = 结果纠正 ÷ 已审结 (复议 + 诉讼) in percent, one decimal. Pending cases are not concluded, so they are
 * not in the denominator. null when a part is unknown or nothing was concluded (no rate, not 0 %).
 */
export function correctedRate(f: Pick<Figures, 'reconsiderationCorrected' | 'reconsiderationConcluded' | 'litigationCorrected' | 'litigationConcluded'>): number | null {
  const { reconsiderationCorrected: rc, reconsiderationConcluded: rn, litigationCorrected: lc, litigationConcluded: ln } = f;
  if (rc === null || rn === null || lc === null || ln === null || rn + ln === 0) return null;
  return Math.round(((rc + lc) / (rn + ln)) * 1000) / 10;
}

/**
 * The key figures of one report. `publishedRecords` is the platform's count of items the unit published in the
 * report year, passed only for reports computed on the platform (null otherwise).
 */
export function keyFigures(doc: AnnualReportDoc, publishedRecords: number | null = null): Figures {
  const sources = FIGURE_SOURCES[doc.template];
  const out = {} as Figures;
  for (const key of FIGURE_KEYS) {
    const s = sources[key];
    out[key] = s.kind === 'cells' ? sumCells(doc, s.cells) : s.kind === 'records' ? publishedRecords : null;
  }
  out.correctedRate = correctedRate(out);
  return out;
}

/** Which figure of which template is not like-for-like with the 2021 format, and why. */
export function comparabilityNotes(templates: Iterable<TemplateId>): { template: TemplateId; figure: FigureKey; label: string; basis: 'approximate' | 'absent'; note: string }[] {
  const out: ReturnType<typeof comparabilityNotes> = [];
  for (const t of new Set(templates)) {
    for (const f of FIGURES) {
      const s = FIGURE_SOURCES[t][f.key];
      if (s.kind === 'absent') out.push({ template: t, figure: f.key, label: f.label, basis: 'absent', note: s.note });
      else if (s.basis === 'approximate' && s.note) out.push({ template: t, figure: f.key, label: f.label, basis: 'approximate', note: s.note });
    }
  }
  return out;
}
