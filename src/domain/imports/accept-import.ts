/**
 * Accepting a read (and reviewed) historical report into a unit's history (issue 6 item 4): the interchange
 * document as read, with the cells a reviewer corrected by hand, is stored as the unit's annual report for that
 * year with origin 'imported' and status 已审核通过 (it was published before the platform existed; the unit may
 * publish it on the portal through the normal workflow). Each correction is kept as a manual cell with the value
 * read before it, who corrected it and when; the provenance of a corrected cell is dropped (it no longer states
 * the stored number). One report per unit and year: an existing report is never overwritten by an import.
 */
import { z } from 'zod';
import { getCell, parseAnnualReportDoc, setCell, type AnnualReportDoc } from '../annual-report/interchange.js';
import { assertMayAct, recordReportChange, unitScope } from '../annual-report/workflow-context.js';
import type { AnnualReport, ManualCell } from '../annual-report/workflow-record.js';
import { DomainError } from '../errors.js';
import type { Actor, Deps } from '../ports.js';
import { parseInput } from '../validate.js';

const input = z.object({
  unitId: z.string({ error: '请选择单位' }).min(1, '请选择单位').max(64),
  doc: z.unknown(),
  corrections: z
    .array(
      z.object({
        path: z.string({ error: '请指明更正的单元格' }).min(1).max(120),
        value: z.number({ error: '更正值应为数字或 null' }).finite().nullable(),
        note: z.string().max(500, '说明不超过 500 字').default(''),
      }),
      { error: 'corrections 应为数组' },
    )
    .max(500, '一次最多更正 500 个单元格')
    .default([]),
});

export async function acceptImportedReport(deps: Deps, actor: Actor, raw: unknown): Promise<AnnualReport> {
  const { unitId, doc: rawDoc, corrections } = parseInput(input, raw);
  const parsed = parseAnnualReportDoc(rawDoc);
  if (!parsed.ok) {
    throw new DomainError('VALIDATION', `导入的年度报告文档不正确：${parsed.errors.slice(0, 3).join('；')}`, { fields: parsed.errors.map((m) => ({ path: 'doc', message: m })) });
  }
  const now = deps.clock.now();
  return deps.store.write(async (r) => {
    const scope = await unitScope(r, actor, unitId);
    assertMayAct(actor, scope, 'import');
    let doc: AnnualReportDoc = { ...parsed.doc, unit: { name: scope.unit.name, code: scope.unit.code } };
    const existing = await r.annualReports.getByUnitYear(unitId, doc.year);
    if (existing) {
      throw new DomainError('CONFLICT', `${scope.unit.name}${doc.year}年度已有年度报告（${existing.origin === 'imported' ? '历史导入' : '系统生成'}），不能用导入覆盖；如需修改，请在年报编辑中修改`);
    }
    const manualCells: Record<string, ManualCell> = {};
    const cells = { ...(doc.source?.cells ?? {}) };
    for (const c of corrections) {
      const before = getCell(doc, c.path);
      if (before === undefined) throw new DomainError('VALIDATION', `单元格 ${c.path} 不属于“${doc.template}”格式的年度报告`, { fields: [{ path: 'corrections', message: c.path }] });
      if (c.value !== null && c.value < 0 && !c.path.endsWith('.change')) throw new DomainError('VALIDATION', `单元格 ${c.path} 不能为负数`);
      doc = setCell(doc, c.path, c.value);
      delete cells[c.path];
      manualCells[c.path] = { value: c.value, note: `人工更正（导入读取值：${before === null ? '未载明' : before}）${c.note ? `：${c.note}` : ''}`, by: actor.name, at: now };
    }
    if (doc.source) doc = { ...doc, source: { ...doc.source, cells } };
    const report: AnnualReport = {
      id: deps.newId(), unitId, year: doc.year, template: doc.template, status: 'accepted', origin: 'imported', doc, manualCells, computedCells: [],
      computedAt: null, submittedAt: null, submittedBy: null, decidedAt: now, decidedBy: actor.name, returnComment: null, publishedAt: null,
      version: 1, createdAt: now, updatedAt: now,
    };
    await r.annualReports.insert(report);
    await recordReportChange(deps, r, actor, report, 'import', null, doc.source?.file ? `导入自 ${doc.source.file}` : null, {
      file: doc.source?.file ?? null, corrections: corrections.length,
    });
    return report;
  });
}
