/**
 * The compute endpoint and CLI: a unit's report for a year computed from its records now, with the validator's
 * findings (R1–R9), the figures still to be entered, and the drill-down of one cell (the records behind it).
 * Read-only: nothing is stored (report-workflow's prepareDraft stores a draft).
 */
import { z } from 'zod';
import { DomainError, notFound } from '../errors.js';
import { can } from '../policy/policy.js';
import type { Actor, Deps, Repos, Unit } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { parseInput } from '../validate.js';
import { computeAnnualReport, type ComputedReport, type DrillKind } from './compute.js';
import type { DrillRecord } from './compute-sources.js';
import { getCell, parseCellPath, templateCellPaths, type AnnualReportDoc } from './interchange.js';
import { cellLabel, templateById } from './templates.js';
import { validateAnnualReport, type ValidationResult } from './validate.js';

export const computeQuery = z.object({
  unit: z.string({ error: '请指定单位（单位ID、网址标识或统一社会信用代码）' }).trim().min(1, '请指定单位（单位ID、网址标识或统一社会信用代码）').max(64),
  year: z.coerce.number({ error: '请填写年度' }).int('年度应为四位数年份').min(2019, '2018年及以前的年报使用统计表格式，无法从记录计算').max(2100, '年度不正确'),
});
export const drillQuery = computeQuery.extend({ cell: z.string({ error: '请指定单元格' }).trim().min(3, '请指定单元格，例如 applications.received.natural').max(120) });

/** A unit by id, 网址标识 (slug) or 统一社会信用代码. */
export async function findUnit(r: Repos, ref: string): Promise<Unit | undefined> {
  return (await r.units.get(ref)) ?? (await r.units.getBySlug(ref.toLowerCase())) ?? (await r.units.getByCode(ref.toUpperCase()));
}

export interface ComputeResponse {
  unit: { id: string; name: string; slug: string };
  doc: AnnualReportDoc;
  validation: ValidationResult;
  missing: ComputedReport['missing'];
  /** cell path → number of records behind it */
  drillCounts: Record<string, number>;
}

async function computeFor(deps: Deps, actor: Actor, r: Repos, unitRef: string, year: number, withIds: boolean) {
  const { tree } = await loadTree(r);
  const unit = await findUnit(r, unitRef);
  if (!unit || !can(actor, 'report.read', unit.id, tree)) throw notFound('单位');
  const computed = await computeAnnualReport(r, deps, unit.id, year, { drill: withIds });
  return { unit, computed };
}

export async function computeReportFor(deps: Deps, actor: Actor, raw: unknown): Promise<ComputeResponse> {
  const q = parseInput(computeQuery, raw);
  return deps.store.read(async (r) => {
    const { unit, computed } = await computeFor(deps, actor, r, q.unit, q.year, true);
    // R5/R7 compare with last year's report: the stored one (published or imported) or, failing that, last year's records.
    const stored = await r.annualReports.getByUnitYear(unit.id, q.year - 1);
    const previous = stored?.doc ?? (q.year - 1 >= 2019 ? (await computeAnnualReport(r, deps, unit.id, q.year - 1, { drill: false })).doc : null);
    const fees = await r.annualReports.feesCollectedYuan(unit.id, q.year);
    const validation = validateAnnualReport(computed.doc, { previous, feeRecords: { exist: fees.payments > 0, amountWan: fees.amountYuan / 10000 } });
    return {
      unit: { id: unit.id, name: unit.name, slug: unit.slug }, doc: computed.doc, validation, missing: computed.missing,
      drillCounts: Object.fromEntries(Object.entries(computed.drill).map(([p, d]) => [p, d.ids.length])),
    };
  });
}

export interface DrillResponse {
  cell: string;
  label: string;
  value: number | null;
  kind: DrillKind | null;
  total: number;
  records: DrillRecord[];
  /** why a cell has no records: a manual figure not entered, or a cell the records do not give */
  note: string | null;
}

export async function drillCell(deps: Deps, actor: Actor, raw: unknown, limit = 500): Promise<DrillResponse> {
  const q = parseInput(drillQuery, raw);
  return deps.store.read(async (r) => {
    const { computed } = await computeFor(deps, actor, r, q.unit, q.year, true);
    const t = templateById(computed.doc.template);
    const p = parseCellPath(q.cell);
    if (!p || !templateCellPaths(t.id).includes(q.cell)) {
      throw new DomainError('VALIDATION', `单元格“${q.cell}”不在${t.basis}格式的年报中，请使用“表.行.列”形式，例如 applications.received.natural`, { fields: [{ path: 'cell', message: '单元格不存在' }] });
    }
    const d = computed.drill[q.cell];
    const value = getCell(computed.doc, q.cell) ?? null;
    const records = d ? await r.reportData.drillRecords(d.kind, d.ids, limit) : [];
    const note = d ? null : value === null ? '该数据来自其他业务系统，尚未录入（请在“统计数据录入”中录入或导入）' : null;
    return { cell: q.cell, label: cellLabel(t, q.cell), value, kind: d?.kind ?? null, total: d?.ids.length ?? 0, records, note };
  });
}
