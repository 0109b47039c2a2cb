/**
 * The report's workflow steps after drafting (workflow-status.ts): submit to the supervising office, its return
 * (with a comment) or acceptance, a government's own 定稿, and publication on the portal. Each is one transaction:
 * the transition table, a conditional update on the status and version read, an event row and an audit row.
 * R-rule errors (validate.ts) block submission, 定稿, acceptance and publication; warnings never do.
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';
import type { Actor, Deps } from '../ports.js';
import { parseInput } from '../validate.js';
import { NARRATIVE_LABELS, unfinishedSections } from './narrative.js';
import { assertMayAct, recordReportChange, reportScope, saveIfUnchanged } from './workflow-context.js';
import type { AnnualReport } from './workflow-record.js';
import { nextReportStatus, REPORT_ACTIONS, type ReportAction } from './workflow-status.js';
import { validateStoredReport } from './workflow-validation.js';

export type StepAction = Extract<ReportAction, 'submit' | 'finalize' | 'return' | 'accept' | 'publish'>;
export const STEP_ACTIONS: StepAction[] = ['submit', 'finalize', 'return', 'accept', 'publish'];

const input = z.object({
  comment: z.string({ error: '意见应为文字' }).trim().max(2000, '意见不超过2000字').optional(),
  version: z.number().int().optional(),
});

export async function reportStep(deps: Deps, actor: Actor, reportId: string, action: StepAction, raw: unknown): Promise<AnnualReport> {
  if (!STEP_ACTIONS.includes(action)) throw new DomainError('VALIDATION', '未知的年度报告操作');
  const data = parseInput(input, raw ?? {});
  const comment = data.comment ? data.comment : null;
  if (action === 'return' && !comment) {
    throw new DomainError('VALIDATION', '请填写退回意见，说明需要修改的内容', { fields: [{ path: 'comment', message: '请填写退回意见' }] });
  }
  return deps.store.write(async (r) => {
    const scope = await reportScope(r, actor, reportId);
    const before = scope.report;
    assertMayAct(actor, scope, action);
    const to = nextReportStatus(before.status, action);
    if (data.version !== undefined && data.version !== before.version) throw new DomainError('CONFLICT', '该年度报告已被他人修改，请刷新后重试');
    const selfDecided = scope.supervisor.id === scope.unit.id;
    if (action === 'submit' && selfDecided) throw new DomainError('INVALID_STATE', '本级政府的年度报告由本级政府信息公开工作机构定稿，无需报送；请使用“本级定稿”');
    if (action === 'finalize' && !selfDecided) throw new DomainError('INVALID_STATE', `本报告须报送${scope.supervisor.name}审核，不能自行定稿`);

    if (action !== 'return') {
      const v = await validateStoredReport(r, before);
      if (v.errors.length) {
        throw new DomainError('VALIDATION', `报告有${v.errors.length}处数据不符合勾稽关系，不能${REPORT_ACTIONS[action]}：${v.errors[0]!.message}${v.errors.length > 1 ? ' 等' : ''}`, {
          fields: v.errors.map((e) => ({ path: e.cells[0] ?? e.rule, message: `${e.rule} ${e.message}` })), details: { errors: v.errors },
        });
      }
      const unfinished = unfinishedSections(before.doc.narrative);
      if (unfinished.length && before.origin === 'computed') {
        const u = unfinished[0]!;
        throw new DomainError('VALIDATION', `“${NARRATIVE_LABELS[u.key]}”还有未填写的提示文字${u.prompt.slice(0, 40)}，请补充或删除后再${REPORT_ACTIONS[action]}`, {
          fields: unfinished.map((x) => ({ path: `narrative.${x.key}`, message: `仍有提示文字：${x.prompt.slice(0, 40)}` })),
        });
      }
    }

    const now = deps.clock.now();
    const report: AnnualReport = { ...before, status: to, version: before.version + 1, updatedAt: now };
    switch (action) {
      case 'submit':
        Object.assign(report, { submittedAt: now, submittedBy: actor.name, decidedAt: null, decidedBy: null });
        break;
      case 'finalize':
        Object.assign(report, { submittedAt: now, submittedBy: actor.name, decidedAt: now, decidedBy: actor.name, returnComment: null });
        break;
      case 'accept':
        Object.assign(report, { decidedAt: now, decidedBy: actor.name, returnComment: null });
        break;
      case 'return':
        Object.assign(report, { decidedAt: now, decidedBy: actor.name, returnComment: comment });
        break;
      case 'publish':
        report.publishedAt = now;
        break;
    }
    await saveIfUnchanged(r, report, before);
    await recordReportChange(deps, r, actor, report, action, before.status, comment);
    return report;
  });
}
