/**
 * Edits a draft or returned report: the narrative sections and the cells not computed from records (e.g. table 二
 * 行政许可 decisions kept in another system, or a value the records cannot give). Computed cells are read-only:
 * a wrong number is fixed in the records and the draft refreshed, so every number stays explainable.
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';
import type { Actor, Deps } from '../ports.js';
import { parseInput } from '../validate.js';
import { getCell, parseCellPath, setCell, type AnnualReportDoc } from './interchange.js';
import { templateById } from './templates.js';
import { assertMayAct, recordReportChange, reportScope, saveIfUnchanged } from './workflow-context.js';
import type { AnnualReport, ManualCell } from './workflow-record.js';
import { nextReportStatus } from './workflow-status.js';

const section = z.string({ error: '请填写文字' }).max(20_000, '每部分不超过20000字');
const input = z.object({
  /** The version the editor loaded: a stale editor cannot overwrite a newer version. */
  version: z.number({ error: '缺少版本号，请刷新后重试' }).int(),
  narrative: z.object({ overview: section.optional(), problems: section.optional(), other: section.optional() }).optional(),
  cells: z.array(z.object({
    path: z.string().min(1).max(200),
    value: z.number({ error: '请填写数字；未掌握的数据请留空' }).finite().nullable(),
    note: z.string().max(500, '说明不超过500字').optional(),
  })).max(500).optional(),
});

export async function editReport(deps: Deps, actor: Actor, reportId: string, raw: unknown): Promise<AnnualReport> {
  const data = parseInput(input, raw);
  return deps.store.write(async (r) => {
    const scope = await reportScope(r, actor, reportId);
    const before = scope.report;
    assertMayAct(actor, scope, 'edit');
    nextReportStatus(before.status, 'edit'); // locked after submission
    if (data.version !== before.version) throw new DomainError('CONFLICT', '该年度报告已被他人修改，请刷新后在最新版本上修改');
    const now = deps.clock.now();
    let doc: AnnualReportDoc = { ...before.doc, narrative: { ...before.doc.narrative, ...stripUndefined(data.narrative ?? {}) } };
    const manualCells: Record<string, ManualCell> = { ...before.manualCells };
    const computed = new Set(before.computedCells);
    const changedCells: string[] = [];
    for (const c of data.cells ?? []) {
      checkCell(doc, c.path, c.value, computed);
      if (getCell(doc, c.path) === c.value && manualCells[c.path]?.note === (c.note ?? '')) continue;
      doc = setCell(doc, c.path, c.value);
      manualCells[c.path] = { value: c.value, note: c.note ?? '', by: actor.name, at: now };
      changedCells.push(c.path);
    }
    const report: AnnualReport = { ...before, doc, manualCells, version: before.version + 1, updatedAt: now };
    await saveIfUnchanged(r, report, before);
    const sections = Object.keys(stripUndefined(data.narrative ?? {}));
    await recordReportChange(deps, r, actor, report, 'edit', before.status, null, { narrative: sections, cells: changedCells });
    return report;
  });
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The path exists in the template, is not computed, and the value fits the column (R6). */
function checkCell(doc: AnnualReportDoc, path: string, value: number | null, computed: Set<string>): void {
  const fail = (message: string) => new DomainError('VALIDATION', message, { fields: [{ path: `cells.${path}`, message }] });
  const p = parseCellPath(path);
  if (!p || getCell(doc, path) === undefined) throw fail(`模板 ${doc.template} 没有单元格 ${path}`);
  if (computed.has(path)) throw fail('该数据由系统根据办理记录计算，不能手工修改；如有误，请更正原始记录后点击“按最新数据重新计算”');
  if (value === null) return;
  const t = templateById(doc.template);
  const kind = p.kind === 'indicator'
    ? t.indicators.find((i) => i.key === p.key)?.kind
    : t.tables.find((x) => x.key === p.table)?.columns.find((c) => c.key === p.col)?.kind;
  // annual-report-format.md R6: counts are non-negative integers, 万元 amounts non-negative, 2019 增/减 any integer.
  if (kind === 'signedChange') {
    if (!Number.isInteger(value)) throw fail('“本年增/减”应为整数');
  } else if (kind === 'amountWan') {
    if (value < 0) throw fail('金额不能为负数');
  } else if (!Number.isInteger(value) || value < 0) {
    throw fail('件数应为不小于0的整数');
  }
}
