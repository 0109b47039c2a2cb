/** Consistency of a case with the application it challenges. */
import { invalid, type FieldError } from '../errors.js';
import type { Application } from '../requests/application.js';

export function checkLink(app: Application | null, unitId: string, v: { filedOn: string; challengedNotice?: string | null | undefined }): void {
  const problems: FieldError[] = [];
  if (!app) {
    // rules.md §4: link each case to what it challenges; without an application in the system, its 文号 at least.
    if (!v.challengedNotice) problems.push({ path: 'receiptNo', message: '请填写所关联申请的受理编号，或被复议/被诉答复的文号' });
  } else {
    if (app.unitId !== unitId) problems.push({ path: 'receiptNo', message: '所关联的申请不属于本单位：案件应登记在作出答复的单位' });
    const received = app.receivedOn ?? app.createdAt.slice(0, 10);
    if (v.filedOn < received) problems.push({ path: 'filedOn', message: `立案（申请）日期不能早于所关联申请的收到日期 ${received}` });
  }
  if (problems.length) throw invalid(problems);
}
