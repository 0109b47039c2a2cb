/**
 * Creates a unit's annual report for a year, or refreshes a draft from the latest records: the tables are
 * computed from the records (compute.ts), cells typed in by staff are kept and laid over them, and the narrative
 * the authors wrote is kept (a new report starts from the guided drafts of narrative.ts). Only while the report is
 * a draft or returned: after submission it is locked (Art. 49 workflow, workflow-status.ts).
 */
import { z } from 'zod';
import { beijingDate } from '../calendar/civil-date.js';
import { DomainError } from '../errors.js';
import type { Actor, Deps } from '../ports.js';
import { parseInput } from '../validate.js';
import { computeAnnualReport } from './compute.js';
import { getCell, setCell, templateCellPaths, type AnnualReportDoc } from './interchange.js';
import { draftNarrative } from './narrative.js';
import { narrativeFacts } from './narrative-data.js';
import { assertMayAct, assertReportYear, recordReportChange, saveIfUnchanged, unitScope } from './workflow-context.js';
import type { AnnualReport } from './workflow-record.js';
import { nextReportStatus } from './workflow-status.js';

const input = z.object({
  unitId: z.string({ error: '请选择单位' }).min(1, '请选择单位').max(64),
  year: z.number({ error: '请填写年度' }).int('年度应为整数'),
});

export async function prepareDraft(deps: Deps, actor: Actor, raw: unknown): Promise<{ report: AnnualReport; created: boolean }> {
  const { unitId, year } = parseInput(input, raw);
  const now = deps.clock.now();
  assertReportYear(year, beijingDate(Date.parse(now)));
  return deps.store.write(async (r) => {
    const scope = await unitScope(r, actor, unitId);
    const existing = await r.annualReports.getByUnitYear(unitId, year);
    assertMayAct(actor, scope, existing ? 'refresh' : 'create');
    if (existing) nextReportStatus(existing.status, 'refresh'); // locked after submission
    if (existing?.origin === 'imported') throw new DomainError('INVALID_STATE', '导入的历史年度报告不能按系统记录重新计算；如需修改，请直接编辑');

    const computed = await computeAnnualReport(r, deps, unitId, year);
    let doc: AnnualReportDoc = { ...computed.doc, unit: { name: scope.unit.name, code: scope.unit.code } };
    const valid = new Set(templateCellPaths(doc.template));
    const manualCells = Object.fromEntries(Object.entries(existing?.manualCells ?? {}).filter(([p]) => valid.has(p) && !(p in computed.drill)));
    for (const [path, m] of Object.entries(manualCells)) doc = setCell(doc, path, m.value);
    doc.narrative = existing ? existing.doc.narrative : draftNarrative(await narrativeFacts(r, scope.unit, year), doc);
    const computedCells = Object.keys(computed.drill).filter((p) => valid.has(p) && getCell(doc, p) !== undefined);

    if (!existing) {
      const report: AnnualReport = {
        id: deps.newId(), unitId, year, template: doc.template, status: 'draft', origin: 'computed', doc, manualCells, computedCells,
        computedAt: now, submittedAt: null, submittedBy: null, decidedAt: null, decidedBy: null, returnComment: null, publishedAt: null,
        version: 1, createdAt: now, updatedAt: now,
      };
      await r.annualReports.insert(report);
      await recordReportChange(deps, r, actor, report, 'create', null, null);
      return { report, created: true };
    }
    const report: AnnualReport = { ...existing, template: doc.template, doc, manualCells, computedCells, computedAt: now, version: existing.version + 1, updatedAt: now };
    await saveIfUnchanged(r, report, existing);
    await recordReportChange(deps, r, actor, report, 'refresh', existing.status, null);
    return { report, created: false };
  });
}
