/**
 * Correcting cells by hand during review (issue 6 item 4: "correct a cell by hand (recorded as a manual
 * correction)"): each correction keeps the value it replaced, the value read from the source, who and when, and an
 * optional note; the rules R1–R9 are run again on the corrected document. Setting a cell back to the value read,
 * or `revert`, removes the correction. Audited in the same transaction.
 */
import { z } from 'zod';
import { getCell } from '../../annual-report/interchange.js';
import { DomainError } from '../../errors.js';
import type { Actor, Deps } from '../../ports.js';
import { parseInput } from '../../validate.js';
import { assertMayReview, assertPending, assertVersion, auditImport, correctedDoc, findingsFor, importScope, saveImport } from './access.js';
import type { ManualCorrection, ReportImport } from './model.js';

const input = z.object({
  version: z.number({ error: '请提供所核对记录的版本号' }).int(),
  corrections: z
    .array(
      z.object({
        path: z.string({ error: '请指明更正的单元格' }).min(1, '请指明更正的单元格').max(120),
        value: z.number({ error: '更正值应为数字，或留空表示原文未载明' }).finite('更正值应为有限的数字').max(1e12, '数字过大').nullable().optional(),
        revert: z.boolean().optional(),
        note: z.string().trim().max(500, '说明不超过 500 字').default(''),
      }),
      { error: 'corrections 应为数组' },
    )
    .min(1, '请至少更正一个单元格')
    .max(500, '一次最多更正 500 个单元格'),
});

export async function correctImportCells(deps: Deps, actor: Actor, id: string, raw: unknown): Promise<ReportImport> {
  const body = parseInput(input, raw);
  const now = deps.clock.now();
  return deps.store.write(async (r) => {
    const s = await importScope(r, actor, id);
    assertMayReview(actor, s);
    const before = s.imp;
    assertPending(before);
    assertVersion(before, body.version);
    if (!before.doc) throw new DomainError('VALIDATION', '没有读取到报告年份，请先选择年度，再更正单元格');
    const corrections: Record<string, ManualCorrection> = { ...before.corrections };
    const changes: { path: string; from: number | null; to: number | null; note: string }[] = [];
    for (const c of body.corrections) {
      const read = getCell(before.doc, c.path);
      if (read === undefined) {
        throw new DomainError('VALIDATION', `单元格 ${c.path} 不属于“${before.doc.template}”格式的年度报告`, { fields: [{ path: 'corrections', message: c.path }] });
      }
      const current = c.path in corrections ? corrections[c.path]!.value : read;
      if (c.revert || c.value === undefined) {
        if (c.path in corrections) changes.push({ path: c.path, from: current, to: read, note: '撤销人工更正' });
        delete corrections[c.path];
        continue;
      }
      const value = c.value;
      // Counts are never negative; only the "change" column of table 二 may be (annual-report-format.md §2).
      if (value !== null && value < 0 && !c.path.endsWith('.change')) {
        throw new DomainError('VALIDATION', `单元格 ${c.path} 不能为负数`, { fields: [{ path: 'corrections', message: c.path }] });
      }
      if (value === read) {
        if (c.path in corrections) changes.push({ path: c.path, from: current, to: value, note: '恢复为读取值' });
        delete corrections[c.path];
        continue;
      }
      if (current === value && c.path in corrections && corrections[c.path]!.note === c.note) continue;
      corrections[c.path] = { value, previous: current, read, by: actor.name, at: now, note: c.note };
      changes.push({ path: c.path, from: current, to: value, note: c.note });
    }
    const next: ReportImport = { ...before, corrections, updatedAt: now, version: before.version + 1 };
    next.findings = await findingsFor(r, next);
    if (!changes.length) return before;
    await saveImport(r, next, before);
    await auditImport(r, actor, next, 'correct', now,
      Object.fromEntries(changes.map((c) => [c.path, c.from])),
      { cells: Object.fromEntries(changes.map((c) => [c.path, { value: c.to, note: c.note }])), ruleErrors: next.findings?.errors.length ?? 0 });
    return next;
  });
}

/** The corrected document (for the review screen and for acceptance). */
export const effectiveDoc = (imp: ReportImport) => (imp.doc ? correctedDoc(imp.doc, imp.corrections) : null);
