/**
 * 用语检查报告 as an XLSX workbook: 按信息汇总 (one row per item, worst first), 问题明细 (one row per finding) and
 * 说明 (range, dictionary version, when). exceljs is loaded on the first export, not at start-up. Every text cell
 * is neutralised: titles and excerpts are written by drafters, and a leading = + - @ would run as a formula.
 */
import type { CheckReport } from '../../domain/publications/check-report.js';
import { CHECK_REPORT_SCOPES } from '../../domain/publications/check-report.js';
import type { CheckFinding } from '../../domain/publications/checks/index.js';
import { SEVERITY_LABELS } from '../../domain/publications/checks/labels.js';
import { ITEM_STATUS_LABELS } from '../../domain/publications/model.js';
import type { Deps } from '../../domain/ports.js';

const KIND: Record<CheckFinding['kind'], string> = { wording: '用语', personalData: '个人信息', link: '链接', metadata: '元数据' };
const FIELD: Record<CheckFinding['field'], string> = { title: '标题', summary: '内容概述', body: '正文', attachment: '附件', metadata: '元数据' };

/** A leading = + - @ (or tab/CR) would run as a formula in Excel/WPS: prefix an apostrophe (as the ledger export does). */
export const safeCell = (v: unknown): string | number => {
  if (typeof v === 'number') return v;
  const s = v === null || v === undefined ? '' : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

/** An ISO instant as Beijing wall-clock time 'YYYY-MM-DD HH:mm:ss'. */
export const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

export async function unitNames(deps: Deps): Promise<Map<string, string>> {
  return new Map((await deps.store.read((r) => r.units.list())).map((u) => [u.id, u.name]));
}

function place(f: CheckReport['rows'][number]['findings'][number]): string {
  const field = f.field === 'attachment' ? `附件“${f.attachmentName ?? ''}”` : FIELD[f.field];
  return f.start !== undefined ? `${field}第${f.start + 1}字` : field;
}

export async function checkReportWorkbook(r: CheckReport, units: Map<string, string>): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const bold = { bold: true };

  const byItem = wb.addWorksheet('按信息汇总');
  byItem.addRow(['单位', '标题', '索引号', '文号', '状态', '发布日期', '生成日期', '阻止发布', '提示', '用语', '个人信息', '链接']).font = bold;
  for (const row of r.rows) {
    const i = row.item;
    byItem.addRow([units.get(i.unitId) ?? '', i.title, i.indexNumber ?? '', i.docNumber ?? '', ITEM_STATUS_LABELS[i.status], i.publishedOn ?? '', i.createdOn,
      row.block, row.warn, row.byKind.wording ?? 0, row.byKind.personalData ?? 0, row.byKind.link ?? 0].map(safeCell));
  }
  byItem.columns.forEach((c, k) => { c.width = [18, 50, 30, 20, 10, 12, 12, 10, 8, 8, 10, 8][k] ?? 10; });
  byItem.views = [{ state: 'frozen', ySplit: 1 }];

  const detail = wb.addWorksheet('问题明细');
  detail.addRow(['单位', '标题', '索引号', '严重程度', '类型', '位置', '说明', '摘录']).font = bold;
  for (const row of r.rows) {
    for (const f of row.findings) {
      detail.addRow([units.get(row.item.unitId) ?? '', row.item.title, row.item.indexNumber ?? '', SEVERITY_LABELS[f.severity], KIND[f.kind], place(f), f.message, f.excerpt].map(safeCell));
    }
  }
  detail.columns.forEach((c, k) => { c.width = [18, 44, 28, 10, 10, 16, 60, 36][k] ?? 10; });
  detail.views = [{ state: 'frozen', ySplit: 1 }];

  const about = wb.addWorksheet('说明');
  const range = r.fromOn || r.toOn ? `${r.fromOn ?? '不限'} 至 ${r.toOn ?? '不限'}` : '不限';
  for (const [k, v] of [
    ['检查范围', CHECK_REPORT_SCOPES[r.scope].label], ['日期范围', range], ['检查时间（北京时间）', beijing(r.checkedAt)], ['词库版本', r.dictionaryVersion],
    ['检查信息数', r.checked], ['有问题的信息数', r.withFindings], ['有阻止发布问题的信息数', r.withBlock],
    ...r.counts.map((c) => [`${KIND[c.kind]}·${SEVERITY_LABELS[c.severity]}`, `${c.findings} 处，涉及 ${c.items} 条信息`]),
  ] as [string, string | number][]) about.addRow([k, v].map(safeCell));
  about.getColumn(1).width = 26;
  about.getColumn(2).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
