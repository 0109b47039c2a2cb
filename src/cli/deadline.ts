import type { Command } from 'commander';
import { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { DomainError } from '../domain/errors.js';
import { computeDeadlines, DEFAULT_RULES, type PauseKind } from '../domain/requests/deadline.js';
import { feePerApplication, feePerVolume } from '../domain/requests/fees.js';
import { officialCalendar } from '../infra/official-calendar.js';

const PAUSE_KINDS: PauseKind[] = ['thirdParty', 'coAgency', 'consultation', 'fee'];

function parsePause(v: string, prev: { kind: PauseKind; from: string; to: string }[] = []) {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})(?::(\w+))?$/.exec(v);
  if (!m) throw new DomainError('VALIDATION', `--pause ${v}：格式应为 起始日期..结束日期，例如 2025-03-10..2025-03-14（可加 :thirdParty、:coAgency 或 :fee）`);
  const kind = (m[3] ?? 'consultation') as PauseKind;
  if (!PAUSE_KINDS.includes(kind)) throw new DomainError('VALIDATION', `--pause 的类型应为 ${PAUSE_KINDS.join('、')} 之一`);
  return [...prev, { kind, from: m[1] as string, to: m[2] as string }];
}

const int = (name: string) => (v: string) => {
  if (!/^\d+$/.test(v)) throw new DomainError('VALIDATION', `${name} 应为非负整数`);
  return Number(v);
};

/** `gongkai deadline` and `gongkai fee`: the statutory clock and the fee calculator, for staff and reviewers. */
export function registerDeadlineCommands(program: Command): void {
  program
    .command('deadline')
    .description('计算依申请公开的答复期限并说明依据 (compute a statutory due date with its explanation)')
    .argument('<received>', '收到申请的日期 YYYY-MM-DD')
    .option('--days <n>', '期限（工作日），默认20', int('--days'))
    .option('--correction-received <date>', '收到补正申请的日期（期限自该日重新起算）')
    .option('--pause <from..to[:kind]>', '不计入期限的征求意见或缴费期间，可重复', parsePause)
    .option('--extension <n>', '经批准延长的工作日数（最多20）', int('--extension'))
    .option('--json', '以 JSON 输出 { due, provisional, steps }')
    .action((received: string, o: { days?: number; correctionReceived?: string; pause?: { kind: PauseKind; from: string; to: string }[]; extension?: number; json?: boolean }) => {
      const cal = new WorkingCalendar(officialCalendar());
      const r = computeDeadlines(DEFAULT_RULES, cal, {
        receivedOn: received, replyDays: o.days, correctionReceivedOn: o.correctionReceived, pauses: o.pause,
        extension: o.extension ? { days: o.extension } : undefined,
      });
      if (o.json) {
        console.log(JSON.stringify({ due: r.replyDue, provisional: r.provisional, provisionalYears: r.provisionalYears, calendar: r.calendarVersion, steps: r.steps }, null, 2));
        return;
      }
      console.log(r.replyDue ?? '（计时暂停）');
      if (r.provisional) console.log(`临时结果：${r.provisionalYears.join('、')}年节假日安排尚未载入`);
      for (const s of r.steps) console.log(`  · ${s.text}`);
      console.log(`  （日历数据：${r.calendarVersion}）`);
    });

  program
    .command('fee')
    .description('计算信息处理费（国办函〔2020〕109号），按件或按量二选一 (processing fee)')
    .option('--per-application <nth>', '按件：同一申请人本月第几件申请', int('--per-application'))
    .option('--pages <n>', '按量：页数', int('--pages'))
    .option('--json', '以 JSON 输出')
    .action((o: { perApplication?: number; pages?: number; json?: boolean }) => {
      if ((o.perApplication === undefined) === (o.pages === undefined)) {
        throw new DomainError('VALIDATION', '请在 --per-application 和 --pages 中选择一种计费方式（同一申请只能按一种方式计收）');
      }
      const r = o.pages !== undefined ? feePerVolume(o.pages) : feePerApplication(o.perApplication as number);
      if (o.json) return console.log(JSON.stringify(r, null, 2));
      console.log(r.amountYuan);
      for (const line of r.explanation) console.log(`  · ${line}`);
    });
}
