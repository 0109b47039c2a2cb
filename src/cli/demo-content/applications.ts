/**
 * Demo applications for disclosure (依申请公开) with outcomes across the rows of annual-report table 三: received
 * in the report year and closed in it, carried over from the year before, open at its end (carried forward), a
 * correction that was never answered (Art. 30), a fee paid (《政府信息公开信息处理费管理办法》), a withdrawal. Each
 * goes through registerApplication and transitionApplication with the clock set to the day it happened.
 */
import { addDays, dayNumber } from '../../domain/calendar/civil-date.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import type { Actor, Deps } from '../../domain/ports.js';
import type { Outcome } from '../../domain/requests/outcome.js';
import { registerApplication } from '../../domain/requests/register-application.js';
import { transitionApplication } from '../../domain/requests/transition-application.js';
import { orgCodeCheckChar, usccCheckChar } from '../../domain/units/codes.js';
import type { Prng } from './prng.js';
import { GIVEN, SURNAMES, VOCAB, type UnitKind } from './vocab.js';

export interface AppScenario {
  receivedOn: string;
  outcome: Outcome | 'withdraw' | null;
  /** Working days from receipt to reply. */
  replyAfter: number;
  correction?: 'unanswered' | 'unclear';
  fee?: boolean;
  applicant: 'natural' | 'commercial' | 'research' | 'legal' | 'nonprofit';
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function residentId(rng: Prng): string {
  const birth = `${rng.int(1955, 2002)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const first = `520381${birth}${String(rng.int(100, 999))}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first[i]) * (ID_WEIGHTS[i] as number);
  return first + ('10X98765432'[sum % 11] as string);
}
function companyCode(rng: Prng, head: string): string {
  const org8 = String(rng.int(10000000, 99999999));
  const first17 = `${head}520381${org8}${orgCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}

const ORGS: Record<Exclude<AppScenario['applicant'], 'natural'>, [string, string][]> = {
  commercial: [['安澜市恒通建材有限公司', '91'], ['安澜县兴农农业开发有限公司', '91'], ['贵州澜江建设工程有限公司', '91']],
  research: [['安澜职业技术学院', '12']],
  legal: [['贵州安诚律师事务所', '31']],
  nonprofit: [['安澜市绿水青山环保志愿者协会', '51']],
};

const DOCS = ['批复文件', '会议纪要', '审批结果', '资金发放明细', '实施方案', '验收报告', '补偿标准依据', '检查记录'];

/** Scenarios for a unit and report year: `fgj` and the government get the richest mix. */
export function scenarios(rng: Prng, year: number, rich: boolean, today: string): AppScenario[] {
  const outcomes: Outcome[] = rich
    ? ['disclosed', 'disclosed', 'disclosed', 'disclosed', 'disclosed', 'partiallyDisclosed', 'partiallyDisclosed', 'withheldThirdParty', 'withheldProcessInfo', 'withheldInternalAffairs',
      'withheldEnforcementFile', 'unavailableNotHeld', 'unavailableNotHeld', 'unavailableNeedsCreation', 'notProcessedPetition', 'notProcessedRepeated', 'notProcessedPublication', 'withheldLawProhibited']
    : ['disclosed', 'disclosed', 'disclosed', 'partiallyDisclosed', 'unavailableNotHeld', rng.pick<Outcome>(['withheldThirdParty', 'notProcessedPetition', 'unavailableNeedsCreation'])];
  const who = (): AppScenario['applicant'] => (rng.chance(0.7) ? 'natural' : rng.pick(['commercial', 'commercial', 'research', 'legal', 'nonprofit'] as const));
  const dayIn = (from: string, to: string) => addDays(from, rng.int(0, dayNumber(to) - dayNumber(from)));
  const out: AppScenario[] = outcomes.map((outcome) => ({ receivedOn: dayIn(`${year}-01-10`, `${year}-11-20`), outcome, replyAfter: rng.int(5, 19), applicant: who() }));
  if (rich) {
    out.push({ receivedOn: dayIn(`${year}-03-01`, `${year}-09-30`), outcome: 'otherNoCorrection', replyAfter: 0, correction: 'unanswered', applicant: 'natural' });
    out.push({ receivedOn: dayIn(`${year}-02-01`, `${year}-09-30`), outcome: 'unavailableStillUnclear', replyAfter: 0, correction: 'unclear', applicant: 'natural' });
    out.push({ receivedOn: dayIn(`${year}-04-01`, `${year}-10-30`), outcome: 'disclosed', replyAfter: 15, fee: true, applicant: 'commercial' });
    out.push({ receivedOn: dayIn(`${year}-05-01`, `${year}-10-30`), outcome: 'withdraw', replyAfter: 4, applicant: 'natural' });
    out.push({ receivedOn: `${year - 1}-12-${rng.int(22, 26)}`, outcome: 'disclosed', replyAfter: 12, applicant: 'natural' });
  }
  // Received in December, answered in January: open at the year's end (carriedForward), carried over into the next.
  out.push({ receivedOn: `${year}-12-${rng.int(17, 23)}`, outcome: 'disclosed', replyAfter: 14, applicant: who() });
  if (rich) out.push({ receivedOn: `${year}-12-${rng.int(24, 29)}`, outcome: 'partiallyDisclosed', replyAfter: 16, applicant: who() });
  // This year's work queue: one answered, one still open.
  const recent = addDays(today, -rng.int(3, 12));
  if (recent.slice(0, 4) > String(year)) out.push({ receivedOn: recent, outcome: null, replyAfter: 0, applicant: who() });
  return out;
}

const instant = (on: string, minute: number) => `${on}T0${2 + Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}:00.000Z`;

/** Registers and handles the scenarios; steps that would fall after today are left for the officer (still open). */
export async function seedApplications(deps: Deps, actor: Actor, unitId: string, kind: UnitKind, cal: WorkingCalendar, rng: Prng, list: AppScenario[], today: string): Promise<{ id: string; receiptNo: string; outcome: string | null; receivedOn: string; repliedOn: string | null }[]> {
  const out: { id: string; receiptNo: string; outcome: string | null; receivedOn: string; repliedOn: string | null }[] = [];
  const v = VOCAB[kind];
  for (const s of list.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))) {
    const receivedOn = cal.nextWorkingDayOnOrAfter(s.receivedOn);
    if (receivedOn >= today) continue;
    const clock = (on: string, m = 0) => ({ ...deps, clock: { now: () => instant(on, m) } });
    const name = rng.pick(SURNAMES) + rng.pick(GIVEN);
    const applicant = s.applicant === 'natural'
      ? { type: 'natural' as const, name, idType: 'residentId' as const, idNumber: residentId(rng), phone: `13${rng.int(0, 9)}${String(rng.int(10000000, 99999999))}`, address: `安澜市${rng.pick(['城关镇', '石桥镇', '桃源乡'])}${rng.pick(['兴隆街', '解放路', '河滨路', '新华路'])}${rng.int(1, 200)}号` }
      : (() => {
        const [orgName, head] = rng.pick(ORGS[s.applicant]);
        return { type: s.applicant, name: orgName, orgCode: companyCode(rng, head), contactPerson: name, phone: `0851-8${rng.int(1000000, 9999999)}`, address: `安澜市府前大道${rng.int(1, 300)}号` };
      })();
    const topic = rng.pick(v.topics).name;
    const description = `申请公开${rng.pick(v.projects).replaceAll('{p}', rng.pick(['河坝村', '石桥村', '桃源村'])).replaceAll('{y}', receivedOn.slice(0, 4))}相关的${rng.pick(DOCS)}（涉及${topic}）。`;
    const reg = await registerApplication(clock(receivedOn), actor, {
      unitId, applicant, description, provisionForm: rng.pick(['paper', 'email', 'viewing'] as const), deliveryMethod: rng.pick(['post', 'inPerson'] as const),
      channel: rng.pick(['inPerson', 'registeredPost'] as const), receivedOn,
    });
    const id = reg.application.id;
    const step = async (action: Parameters<typeof transitionApplication>[3], on: string, payload: Record<string, unknown> = {}, m = 30) => {
      if (on >= today) return false;
      await transitionApplication(clock(on, m), actor, id, action, { on, ...payload });
      return true;
    };
    let repliedOn: string | null = null;
    let ok = true;
    if (s.correction) {
      const asked = cal.addWorkingDays(receivedOn, 2).due;
      ok = await step('requestCorrection', asked, { items: '请明确所需信息的名称、文号或者便于查询的其他特征性描述。', periodDays: 15 });
      if (ok && s.correction === 'unclear') {
        const back = cal.addWorkingDays(asked, 6).due;
        ok = await step('receiveCorrection', back, { summary: '申请人补正了申请内容，但仍未能指向具体信息。' });
        repliedOn = cal.addWorkingDays(back, 8).due;
      } else repliedOn = cal.addWorkingDays(asked, 17).due;
    } else if (s.outcome !== null) {
      ok = await step('accept', cal.addWorkingDays(receivedOn, 1).due);
      if (ok && s.fee) {
        const noticeOn = cal.addWorkingDays(receivedOn, 4).due;
        await step('issueFeeNotice', noticeOn, { method: 'perVolume', pages: 260 });
        await step('recordPayment', cal.addWorkingDays(noticeOn, 5).due, { amountYuan: 100, receiptNo: `AL${receivedOn.replaceAll('-', '')}01` });
      }
      repliedOn = cal.addWorkingDays(receivedOn, s.replyAfter).due;
    }
    if (ok && repliedOn && s.outcome === 'withdraw') {
      await step('withdraw', repliedOn, { reason: '申请人已通过其他途径获取所需信息，书面申请撤回。' });
    } else if (ok && repliedOn && s.outcome) {
      const outcome = s.outcome;
      const replied = await step('reply', repliedOn, {
        outcome,
        ...(outcome === 'partiallyDisclosed' ? { withheld: [{ what: '涉及第三方个人信息的内容', ground: 'withheldThirdParty' }] } : {}),
        ...(outcome === 'unavailableNotHeld' ? { competentAgency: '安澜市住房和城乡建设局' } : {}),
        remarks: '已按规定出具答复告知书。',
      });
      if (replied) {
        const servedOn = cal.addWorkingDays(repliedOn, 1).due;
        if (await step('serve', servedOn, { method: 'post', trackingNo: `1${rng.int(100000000, 999999999)}` })) await step('archive', addDays(servedOn, 20));
      } else repliedOn = null;
    } else repliedOn = null;
    out.push({ id, receiptNo: reg.application.receiptNo, outcome: repliedOn ? String(s.outcome) : null, receivedOn, repliedOn });
  }
  return out;
}
