/**
 * Deciding a reviewed import. Accept: the corrected document becomes the target unit's annual report for its year
 * (annual_reports, origin 'imported', status 已审核通过 — it was published before the platform existed), each hand
 * correction a manual cell whose note keeps the value read; the provenance of corrected cells is dropped (it no
 * longer states the stored number). One report per unit and year (Art. 49–50): an existing one is never
 * overwritten. Discard: the import is set aside, its original kept; it can be restored for review.
 */
import { z } from 'zod';
import type { AnnualReport, ManualCell } from '../../annual-report/workflow-record.js';
import { assertMayAct, assertReportYear, recordReportChange, unitScope } from '../../annual-report/workflow-context.js';
import { DomainError } from '../../errors.js';
import type { Actor, Deps } from '../../ports.js';
import { parseInput } from '../../validate.js';
import { assertMayReview, assertPending, assertVersion, auditImport, correctedDoc, importScope, saveImport } from './access.js';
import type { ReportImport } from './model.js';

const versionOnly = z.object({ version: z.number({ error: '请提供所核对记录的版本号' }).int() });
const discardInput = versionOnly.extend({ reason: z.string().trim().max(500, '原因不超过 500 字').default('') });

const shown = (v: number | null) => (v === null ? '未载明' : String(v));

export async function acceptImport(deps: Deps, actor: Actor, id: string, raw: unknown): Promise<{ imp: ReportImport; report: AnnualReport }> {
  const { version } = parseInput(versionOnly, raw);
  const now = deps.clock.now();
  return deps.store.write(async (r) => {
    const s = await importScope(r, actor, id);
    assertMayReview(actor, s);
    const before = s.imp;
    assertPending(before);
    assertVersion(before, version);
    if (!before.unitId) throw new DomainError('VALIDATION', '请先选择这份年报属于哪个单位', { fields: [{ path: 'unitId', message: '请选择单位' }] });
    if (!before.doc || before.year === null) throw new DomainError('VALIDATION', '没有读取到报告年份，请先选择年度', { fields: [{ path: 'year', message: '请选择年度' }] });
    assertReportYear(before.year, now.slice(0, 10));
    const scope = await unitScope(r, actor, before.unitId);
    assertMayAct(actor, scope, 'import');
    const existing = await r.annualReports.getByUnitYear(before.unitId, before.year);
    if (existing) {
      throw new DomainError('CONFLICT', `${scope.unit.name}${before.year}年度已有年度报告（${existing.origin === 'imported' ? '历史导入' : '系统生成'}），不能用导入覆盖；如需修改，请在年报编辑中修改，或放弃本次导入`);
    }
    const read = before.doc;
    let doc = correctedDoc(read, before.corrections);
    const manualCells: Record<string, ManualCell> = {};
    const cells = { ...(read.source?.cells ?? {}) };
    for (const [path, c] of Object.entries(before.corrections)) {
      delete cells[path];
      manualCells[path] = { value: c.value, note: `人工更正（导入读取值：${shown(c.read)}）${c.note ? `：${c.note}` : ''}`, by: c.by, at: c.at };
    }
    doc = { ...doc, unit: { name: scope.unit.name, code: scope.unit.code }, source: { ...(read.source ?? { file: before.filename, encoding: before.encoding, script: before.script, warnings: [] }), file: before.filename, cells } };
    const report: AnnualReport = {
      id: deps.newId(), unitId: before.unitId, year: before.year, template: doc.template, status: 'accepted', origin: 'imported', doc, manualCells,
      computedCells: [], computedAt: null, submittedAt: null, submittedBy: null, decidedAt: now, decidedBy: actor.name, returnComment: null,
      publishedAt: null, version: 1, createdAt: now, updatedAt: now,
    };
    const next: ReportImport = { ...before, status: 'accepted', acceptedReportId: report.id, decidedBy: actor.name, decidedAt: now, updatedAt: now, version: before.version + 1 };
    await r.annualReports.insert(report);
    await saveImport(r, next, before);
    await recordReportChange(deps, r, actor, report, 'import', null, `导入自 ${before.filename}`, {
      file: before.filename, importId: before.id, corrections: Object.keys(before.corrections).length,
    });
    await auditImport(r, actor, next, 'accept', now, { status: before.status }, { status: next.status, reportId: report.id, unitId: report.unitId, year: report.year });
    return { imp: next, report };
  });
}

export async function discardImport(deps: Deps, actor: Actor, id: string, raw: unknown): Promise<ReportImport> {
  const { version, reason } = parseInput(discardInput, raw);
  const now = deps.clock.now();
  return deps.store.write(async (r) => {
    const s = await importScope(r, actor, id);
    assertMayReview(actor, s);
    const before = s.imp;
    assertPending(before);
    assertVersion(before, version);
    const next: ReportImport = { ...before, status: 'discarded', decidedBy: actor.name, decidedAt: now, updatedAt: now, version: before.version + 1 };
    await saveImport(r, next, before);
    await auditImport(r, actor, next, 'discard', now, { status: before.status }, { status: next.status, reason: reason || null });
    return next;
  });
}

/** A discarded import back under review (nothing uploaded is lost). */
export async function restoreImport(deps: Deps, actor: Actor, id: string, raw: unknown): Promise<ReportImport> {
  const { version } = parseInput(versionOnly, raw);
  const now = deps.clock.now();
  return deps.store.write(async (r) => {
    const s = await importScope(r, actor, id);
    assertMayReview(actor, s);
    const before = s.imp;
    if (before.status !== 'discarded') throw new DomainError('INVALID_STATE', '只有已放弃的导入记录可以恢复核对');
    assertVersion(before, version);
    const next: ReportImport = { ...before, status: 'pending', decidedBy: null, decidedAt: null, updatedAt: now, version: before.version + 1 };
    await saveImport(r, next, before);
    await auditImport(r, actor, next, 'restore', now, { status: before.status }, { status: next.status });
    return next;
  });
}
