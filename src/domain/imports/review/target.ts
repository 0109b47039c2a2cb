/**
 * Choosing which unit's history an import belongs to, and its year (and, when the reader's evidence was weak, its
 * template). A different year or template re-reads the stored original bytes with that choice (the reader uses
 * the year to pick the template when the tables say nothing); corrections of cells the new template still has are
 * kept, the others are dropped and said so in the audit entry.
 */
import { z } from 'zod';
import { TEMPLATE_IDS, getCell } from '../../annual-report/interchange.js';
import { assertReportYear } from '../../annual-report/workflow-context.js';
import { DomainError, notFound } from '../../errors.js';
import { can } from '../../policy/policy.js';
import type { Actor, Deps } from '../../ports.js';
import { parseInput } from '../../validate.js';
import { assertMayReview, assertPending, assertVersion, auditImport, findingsFor, importScope, saveImport } from './access.js';
import type { ReadFileResult, ReportImport, ReportReader } from './model.js';

const input = z.object({
  version: z.number({ error: '请提供所核对记录的版本号' }).int(),
  unitId: z.string().min(1).max(64).nullable().optional(),
  year: z.number({ error: '年度应为数字' }).int('年度应为整数').optional(),
  template: z.enum(TEMPLATE_IDS, { error: '格式应为 2021、2019 或 pre2019' }).optional(),
});

export async function chooseImportTarget(deps: Deps, read: ReportReader, actor: Actor, id: string, raw: unknown): Promise<ReportImport> {
  const body = parseInput(input, raw);
  const now = deps.clock.now();
  if (body.year !== undefined) assertReportYear(body.year, now.slice(0, 10));
  // Re-reading happens outside the transaction (blob and reader work); the write checks the version read here.
  const seen = await deps.store.read(async (r) => {
    const s = await importScope(r, actor, id);
    assertMayReview(actor, s);
    assertPending(s.imp);
    assertVersion(s.imp, body.version);
    return s.imp;
  });
  const year = body.year ?? seen.year;
  const template = body.template ?? (body.year !== undefined && body.year !== seen.year ? undefined : seen.template);
  let reread: ReadFileResult | null = null;
  if (year !== seen.year || template !== seen.template) {
    const bytes = await deps.blobs.get(seen.sourceSha256);
    if (!bytes) throw new DomainError('INVALID_STATE', '原始文件已丢失（存储中找不到），无法重新读取；请重新上传该报告');
    reread = read(bytes, seen.filename, { year: year ?? undefined, template });
  }
  return deps.store.write(async (r) => {
    const s = await importScope(r, actor, id);
    assertMayReview(actor, s);
    const before = s.imp;
    assertPending(before);
    assertVersion(before, body.version);
    const next: ReportImport = { ...before, updatedAt: now, version: before.version + 1 };
    if (body.unitId !== undefined) {
      if (body.unitId !== null) {
        if (!s.tree.has(body.unitId) || !can(actor, 'report.read', body.unitId, s.tree)) throw notFound('单位');
        if (!can(actor, 'report.edit', body.unitId, s.tree)) throw new DomainError('FORBIDDEN', '您没有为该单位导入历史年报的权限（需要该单位公开办管理员角色）');
      }
      next.unitId = body.unitId;
    }
    const dropped: string[] = [];
    if (reread) {
      next.template = reread.template;
      next.year = reread.year;
      next.doc = reread.doc;
      next.readError = reread.error;
      next.read = { warnings: reread.warnings, evidence: reread.evidence, cellsRead: reread.cellsRead, cellsTotal: reread.cellsTotal };
      const kept: ReportImport['corrections'] = {};
      for (const [path, c] of Object.entries(before.corrections)) {
        const cell = reread.doc ? getCell(reread.doc, path) : undefined;
        if (cell === undefined) dropped.push(path);
        else kept[path] = { ...c, read: cell };
      }
      next.corrections = kept;
    }
    next.findings = await findingsFor(r, next);
    await saveImport(r, next, before);
    await auditImport(r, actor, next, 'target', now,
      { unitId: before.unitId, year: before.year, template: before.template },
      { unitId: next.unitId, year: next.year, template: next.template, ...(dropped.length ? { droppedCorrections: dropped } : {}) });
    return next;
  });
}
