/** Reading imports: the list for the units the user may see, and one import with what the review screen needs. */
import { z } from 'zod';
import { unitsWhere } from '../../policy/policy.js';
import type { Actor, Deps } from '../../ports.js';
import { loadTree } from '../../units/unit-context.js';
import { parseInput } from '../../validate.js';
import { importScope } from './access.js';
import { IMPORT_STATUSES, type ReportImport, type ReportImportSummary } from './model.js';

const listInput = z.object({
  status: z.enum(Object.keys(IMPORT_STATUSES) as [keyof typeof IMPORT_STATUSES], { error: '状态应为 pending、accepted 或 discarded' }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export async function listImports(deps: Deps, actor: Actor, raw: unknown): Promise<(ReportImportSummary & { unitName: string | null; ownerUnitName: string })[]> {
  const q = parseInput(listInput, raw);
  return deps.store.read(async (r) => {
    const { units, tree } = await loadTree(r);
    const visible = unitsWhere(actor, 'report.read', tree, units.map((u) => u.id));
    const names = new Map(units.map((u) => [u.id, u.name]));
    const rows = await r.reportImports.list({ unitIds: visible, status: q.status, limit: q.limit });
    return rows.map((x) => ({ ...x, unitName: x.unitId ? names.get(x.unitId) ?? null : null, ownerUnitName: names.get(x.ownerUnitId) ?? '' }));
  });
}

export interface ImportDetail {
  imp: ReportImport;
  unitName: string | null;
  ownerUnitName: string;
  /** the target unit's existing report for the year, which would refuse acceptance */
  existingReport: { id: string; origin: string; status: string } | null;
}

export async function getImport(deps: Deps, actor: Actor, id: string): Promise<ImportDetail> {
  return deps.store.read(async (r) => {
    const { imp, units } = await importScope(r, actor, id);
    const name = (uid: string | null) => (uid ? units.find((u) => u.id === uid)?.name ?? null : null);
    const existing = imp.status === 'pending' && imp.unitId && imp.year !== null ? await r.annualReports.getByUnitYear(imp.unitId, imp.year) : undefined;
    return {
      imp, unitName: name(imp.unitId), ownerUnitName: name(imp.ownerUnitId) ?? '',
      existingReport: existing ? { id: existing.id, origin: existing.origin, status: existing.status } : null,
    };
  });
}
