/**
 * Tables 三 (收到和处理政府信息公开申请情况) and 四 (政府信息公开行政复议、行政诉讼情况), shared by the 2021 format
 * (国办公开办函〔2021〕30号) and the 2019 trial format (国办公开办函〔2019〕60号); in 2019 the 其他处理 block is
 * a single row (annual-report-format.md §3). Labels are the published cell texts.
 */
import { bodyGrid, headerGrid, type ColumnDef, type RowDef, type TableDef } from './templates-model.js';

const APPLICANT = '申请人情况';
const ORG = '法人或其他组织';
const applicantColumns: { key: string; path: string[] }[] = [
  { key: 'natural', path: [APPLICANT, '自然人'] },
  { key: 'commercial', path: [APPLICANT, ORG, '商业企业'] },
  { key: 'research', path: [APPLICANT, ORG, '科研机构'] },
  { key: 'nonprofit', path: [APPLICANT, ORG, '社会公益组织'] },
  { key: 'legal', path: [APPLICANT, ORG, '法律服务机构'] },
  { key: 'other', path: [APPLICANT, ORG, '其他'] },
  { key: 'total', path: [APPLICANT, '总计'] },
];
export const APPLICANT_COLUMN_KEYS = applicantColumns.map((c) => c.key);
/** The six columns summed into 总计 (rule R2); the five under 法人或其他组织 have no subtotal column. */
export const APPLICANT_PART_KEYS = APPLICANT_COLUMN_KEYS.filter((k) => k !== 'total');

const RESULTS = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER = '（六）其他处理';

interface RowSpec { key: string; labels: string[]; fullLabel: string; shortLabel?: string; result?: boolean }

function applicationRows(variant: '2021' | '2019'): RowSpec[] {
  const otherRows: RowSpec[] =
    variant === '2021'
      ? [
          { key: 'otherNoCorrection', labels: [RESULTS, OTHER, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'], fullLabel: '三（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', shortLabel: '三（六）1', result: true },
          { key: 'otherFeeUnpaid', labels: [RESULTS, OTHER, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'], fullLabel: '三（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', shortLabel: '三（六）2', result: true },
          { key: 'otherOther', labels: [RESULTS, OTHER, '3.其他'], fullLabel: '三（六）3.其他', shortLabel: '三（六）3', result: true },
        ]
      : [{ key: 'otherOther', labels: [RESULTS, OTHER], fullLabel: '三（六）其他处理', shortLabel: '三（六）', result: true }];
  return [
    { key: 'received', labels: ['一、本年新收政府信息公开申请数量'], fullLabel: '一、本年新收政府信息公开申请数量', shortLabel: '一、本年新收' },
    { key: 'carriedOver', labels: ['二、上年结转政府信息公开申请数量'], fullLabel: '二、上年结转政府信息公开申请数量', shortLabel: '二、上年结转' },
    { key: 'disclosed', labels: [RESULTS, '（一）予以公开'], fullLabel: '三（一）予以公开', shortLabel: '三（一）', result: true },
    { key: 'partiallyDisclosed', labels: [RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'], fullLabel: '三（二）部分公开（区分处理的，只计这一情形，不计其他情形）', shortLabel: '三（二）', result: true },
    { key: 'withheldStateSecret', labels: [RESULTS, WITHHELD, '1.属于国家秘密'], fullLabel: '三（三）不予公开 1.属于国家秘密', shortLabel: '三（三）1', result: true },
    { key: 'withheldLawProhibited', labels: [RESULTS, WITHHELD, '2.其他法律行政法规禁止公开'], fullLabel: '三（三）2.其他法律行政法规禁止公开', shortLabel: '三（三）2', result: true },
    { key: 'withheldSecurityStability', labels: [RESULTS, WITHHELD, '3.危及“三安全一稳定”'], fullLabel: '三（三）3.危及“三安全一稳定”', shortLabel: '三（三）3', result: true },
    { key: 'withheldThirdParty', labels: [RESULTS, WITHHELD, '4.保护第三方合法权益'], fullLabel: '三（三）4.保护第三方合法权益', shortLabel: '三（三）4', result: true },
    { key: 'withheldInternalAffairs', labels: [RESULTS, WITHHELD, '5.属于三类内部事务信息'], fullLabel: '三（三）5.属于三类内部事务信息', shortLabel: '三（三）5', result: true },
    { key: 'withheldProcessInfo', labels: [RESULTS, WITHHELD, '6.属于四类过程性信息'], fullLabel: '三（三）6.属于四类过程性信息', shortLabel: '三（三）6', result: true },
    { key: 'withheldEnforcementFile', labels: [RESULTS, WITHHELD, '7.属于行政执法案卷'], fullLabel: '三（三）7.属于行政执法案卷', shortLabel: '三（三）7', result: true },
    { key: 'withheldQueryMatter', labels: [RESULTS, WITHHELD, '8.属于行政查询事项'], fullLabel: '三（三）8.属于行政查询事项', shortLabel: '三（三）8', result: true },
    { key: 'unavailableNotHeld', labels: [RESULTS, UNAVAILABLE, '1.本机关不掌握相关政府信息'], fullLabel: '三（四）无法提供 1.本机关不掌握相关政府信息', shortLabel: '三（四）1', result: true },
    { key: 'unavailableNeedsCreation', labels: [RESULTS, UNAVAILABLE, '2.没有现成信息需要另行制作'], fullLabel: '三（四）2.没有现成信息需要另行制作', shortLabel: '三（四）2', result: true },
    { key: 'unavailableStillUnclear', labels: [RESULTS, UNAVAILABLE, '3.补正后申请内容仍不明确'], fullLabel: '三（四）3.补正后申请内容仍不明确', shortLabel: '三（四）3', result: true },
    { key: 'notProcessedPetition', labels: [RESULTS, NOT_PROCESSED, '1.信访举报投诉类申请'], fullLabel: '三（五）不予处理 1.信访举报投诉类申请', shortLabel: '三（五）1', result: true },
    { key: 'notProcessedRepeated', labels: [RESULTS, NOT_PROCESSED, '2.重复申请'], fullLabel: '三（五）2.重复申请', shortLabel: '三（五）2', result: true },
    { key: 'notProcessedPublication', labels: [RESULTS, NOT_PROCESSED, '3.要求提供公开出版物'], fullLabel: '三（五）3.要求提供公开出版物', shortLabel: '三（五）3', result: true },
    { key: 'notProcessedExcessive', labels: [RESULTS, NOT_PROCESSED, '4.无正当理由大量反复申请'], fullLabel: '三（五）4.无正当理由大量反复申请', shortLabel: '三（五）4', result: true },
    { key: 'notProcessedConfirmation', labels: [RESULTS, NOT_PROCESSED, '5.要求行政机关确认或重新出具已获取信息'], fullLabel: '三（五）5.要求行政机关确认或重新出具已获取信息', shortLabel: '三（五）5', result: true },
    ...otherRows,
    { key: 'handledTotal', labels: [RESULTS, '（七）总计'], fullLabel: '三（七）总计', shortLabel: '三（七）总计' },
    { key: 'carriedForward', labels: ['四、结转下年度继续办理'], fullLabel: '四、结转下年度继续办理', shortLabel: '四、结转下年度继续办理' },
  ];
}

export function applicationsTable(variant: '2021' | '2019'): TableDef {
  const specs = applicationRows(variant);
  const columns: ColumnDef[] = applicantColumns.map((c) => ({ key: c.key, label: c.path[c.path.length - 1]!, fullLabel: c.path.join('·'), unit: '件', kind: 'count' }));
  const rows: RowDef[] = specs.map((s) => ({
    key: s.key,
    label: s.labels[s.labels.length - 1]!,
    fullLabel: s.fullLabel,
    shortLabel: s.shortLabel ?? s.fullLabel,
    groups: s.labels.slice(0, -1),
    columns: [...APPLICANT_COLUMN_KEYS],
    cols: columns,
    ...(s.result ? { result: true } : {}),
  }));
  const labelColumns = 3;
  // The header note is printed in the official table: it is the statement of rule R1.
  const header = headerGrid(applicantColumns.map((c) => c.path), labelColumns, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  const body = bodyGrid(specs.map((s) => ({ labels: s.labels, values: APPLICANT_COLUMN_KEYS.map((c) => `applications.${s.key}.${c}`) })), labelColumns);
  return {
    key: 'applications',
    id: 'applications',
    number: '三',
    title: '收到和处理政府信息公开申请情况',
    shortName: '表三',
    columns,
    rows,
    gridColumns: labelColumns + columns.length,
    columnWidths: [2, 3, 10, 3, 3, 3, 3, 3, 3, 3],
    headerRows: header.length,
    grid: [...header, ...body],
  };
}

const REVIEW_RESULT_COLUMNS: { key: string; label: string }[] = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];
export const REVIEW_PART_KEYS = ['upheld', 'corrected', 'other', 'pending'];

/** Table 四: one header row per level and all 15 values in one row, as published (行政复议 | 行政诉讼). */
export function reviewsTable(): TableDef {
  const rowSpecs = [
    { key: 'reconsideration', path: ['行政复议'] },
    { key: 'litigationDirect', path: ['行政诉讼', '未经复议直接起诉'] },
    { key: 'litigationAfterReconsideration', path: ['行政诉讼', '复议后起诉'] },
  ];
  const columns: ColumnDef[] = REVIEW_RESULT_COLUMNS.map((c) => ({ key: c.key, label: c.label, fullLabel: c.label, unit: '件', kind: 'count' }));
  const rows: RowDef[] = rowSpecs.map((r) => ({
    key: r.key,
    label: r.path[r.path.length - 1]!,
    fullLabel: r.path.join('·'),
    shortLabel: r.path.join('·'),
    groups: r.path.slice(0, -1),
    columns: REVIEW_RESULT_COLUMNS.map((c) => c.key),
    cols: columns,
  }));
  const paths = rowSpecs.flatMap((r) => REVIEW_RESULT_COLUMNS.map((c) => [...r.path, c.label]));
  const header = headerGrid(paths, 0);
  const values = rowSpecs.flatMap((r) => REVIEW_RESULT_COLUMNS.map((c) => `reviews.${r.key}.${c.key}`));
  return {
    key: 'reviews',
    id: 'reviews',
    number: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    shortName: '表四',
    columns,
    rows,
    gridColumns: 15,
    columnWidths: Array(15).fill(1),
    headerRows: header.length,
    grid: [...header, values.map((path) => ({ role: 'value' as const, path }))],
  };
}
