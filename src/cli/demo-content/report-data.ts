/**
 * The rest of a demo year's annual report (rules.md §5): reconsideration and litigation cases linked to demo
 * applications (table 四), information published through other channels (Art. 23–25) and the figures kept in
 * other systems — licensing, penalty and enforcement decisions and 行政事业性收费 (table 二) — each with its source.
 */
import { createManualEntry } from '../../domain/annual-report/manual-entries-manage.js';
import type { ManualEntryKind } from '../../domain/annual-report/manual-entries.js';
import type { Actor, Deps } from '../../domain/ports.js';
import { createOffline } from '../../domain/publications/offline/manage-offline.js';
import type { OfflineChannel } from '../../domain/publications/offline/model.js';
import { registerReviewCase } from '../../domain/reviews/register-review-case.js';
import type { ReviewKind, ReviewOutcome } from '../../domain/reviews/review-case.js';
import { addDays } from '../../domain/calendar/civil-date.js';
import type { Prng } from './prng.js';
import type { UnitKind } from './vocab.js';

/** Cases against the unit's refusals of the report year: concluded in it, and one still open at its end. */
export async function seedReviewCases(deps: Deps, actor: Actor, unitId: string, apps: { id: string; outcome: string | null; repliedOn: string | null }[], year: number, today: string, rng: Prng, n: number): Promise<number> {
  const challenged = apps.filter((a) => a.repliedOn?.startsWith(String(year)) && a.outcome && a.outcome !== 'disclosed' && a.outcome !== 'withdraw').slice(0, n);
  const plan: { kind: ReviewKind; outcome: ReviewOutcome | null; days: number }[] = [
    { kind: 'reconsideration', outcome: 'upheld', days: 55 },
    { kind: 'litigationDirect', outcome: 'corrected', days: 90 },
    { kind: 'reconsideration', outcome: null, days: 0 },
    { kind: 'litigationAfterReconsideration', outcome: 'other', days: 120 },
  ];
  let made = 0;
  for (const [i, app] of challenged.entries()) {
    const p = plan[i % plan.length]!;
    let filedOn = addDays(app.repliedOn!, rng.int(15, 50));
    if (p.outcome === null && filedOn <= `${year}-12-31`) filedOn = filedOn < `${year}-11-01` ? `${year}-11-${rng.int(10, 28)}` : filedOn;
    if (filedOn > today) continue;
    let concludedOn = p.outcome ? addDays(filedOn, p.days) : null;
    // Concluded cases of the year: keep them in the year; the open one stays open at 31 December.
    if (concludedOn && concludedOn > `${year}-12-31`) concludedOn = `${year}-12-${rng.int(10, 30)}`;
    if (concludedOn && (concludedOn > today || concludedOn < filedOn)) concludedOn = null;
    const court = p.kind !== 'reconsideration';
    await registerReviewCase({ ...deps, clock: { now: () => `${today}T02:00:00.000Z` } }, actor, {
      unitId, applicationId: app.id, kind: p.kind, filedOn, body: court ? '安澜市人民法院' : '安澜市人民政府',
      caseNo: court ? `（${filedOn.slice(0, 4)}）黔0381行初${rng.int(10, 99)}号` : `安政复〔${filedOn.slice(0, 4)}〕${rng.int(1, 60)}号`,
      outcome: concludedOn ? p.outcome : null, concludedOn, remarks: concludedOn ? null : '案件正在审理中。',
    });
    made++;
  }
  return made;
}

const CHANNEL_PLAN: Record<UnitKind, OfflineChannel[]> = {
  gov: ['gazette', 'weibo', 'wechat', 'pressConference', 'noticeBoard'],
  office: ['gazette', 'wechat', 'weibo'],
  dev: ['wechat', 'pressConference', 'noticeBoard'],
  edu: ['wechat', 'weibo', 'pressConference'],
  land: ['wechat', 'noticeBoard', 'pressConference'],
  township: ['noticeBoard', 'wechat'],
};

/** Monthly (or per issue) records of the other channels, for the report year. */
export async function seedOffline(deps: Deps, actor: Actor, unitId: string, kind: UnitKind, short: string, year: number, rng: Prng): Promise<number> {
  let n = 0;
  for (const channel of CHANNEL_PLAN[kind]) {
    const months = channel === 'pressConference' ? rng.sample([3, 5, 7, 9, 11], rng.int(2, 3)).sort((a, b) => a - b) : channel === 'noticeBoard' && kind !== 'township' ? [3, 6, 9, 12] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    for (const m of months) {
      const on = `${year}-${String(m).padStart(2, '0')}-${String(rng.int(5, 25)).padStart(2, '0')}`;
      const rec = {
        gazette: { title: `《安澜市人民政府公报》${year}年第${m}期`, count: rng.int(3, 9), reference: `${year}年第${m}期` },
        weibo: { title: `“${short}”政务微博${m}月发布信息`, count: rng.int(15, 60), reference: '新浪微博 @安澜发布' },
        wechat: { title: `“${short}”微信公众号${m}月推送信息`, count: rng.int(8, 40), reference: '微信公众号' },
        pressConference: { title: `${short}${year}年${m}月新闻发布会`, count: rng.int(1, 3), reference: '市民中心新闻发布厅' },
        noticeBoard: { title: `${kind === 'township' ? '各村（社区）村务' : short}公开栏${m}月更新`, count: rng.int(4, 20), reference: kind === 'township' ? '各村（社区）公开栏' : '办公楼一楼公开栏' },
        media: { title: `${m}月报刊广播电视发布`, count: 1, reference: null },
        readingPlace: { title: `${m}月查阅场所提供信息`, count: 1, reference: null },
        other: { title: `${m}月其他渠道`, count: 1, reference: null },
      }[channel];
      await createOffline({ ...deps, clock: { now: () => `${on}T08:00:00.000Z` } }, actor, { unitId, channel, publishedOn: on, title: rec.title, count: rec.count, reference: rec.reference });
      n++;
    }
  }
  return n;
}

const SOURCES: Record<'licensing' | 'penalty' | 'enforcement' | 'fees', string> = {
  licensing: '安澜市政务服务网审批系统导出',
  penalty: '安澜市行政执法监督平台统计',
  enforcement: '安澜市行政执法监督平台统计',
  fees: '安澜市财政局非税收入管理系统统计',
};

/** Figures kept in other systems for the given years; townships have few decisions and no fees. */
export async function seedManualEntries(deps: Deps, actor: Actor, unitId: string, kind: UnitKind, years: number[], rng: Prng): Promise<number> {
  const base: Record<UnitKind, [number, number, number, number]> = {
    gov: [12, 3, 1, 0], office: [0, 0, 0, 0], dev: [86, 14, 2, 18.62], edu: [143, 5, 0, 6.35], land: [412, 37, 9, 1283.4417], township: [25, 2, 0, 0],
  };
  let n = 0;
  for (const year of years) {
    const [lic, pen, enf, fee] = base[kind];
    const vary = (v: number) => Math.round(v * (0.85 + rng.next() * 0.3));
    const values: [ManualEntryKind, number][] = [['licensing', vary(lic)], ['penalty', vary(pen)], ['enforcement', vary(enf)], ['fees', Math.round(fee * (0.9 + rng.next() * 0.2) * 10000) / 10000]];
    for (const [k, value] of values) {
      const note = `${SOURCES[k as keyof typeof SOURCES]}（${year + 1}年1月${rng.int(5, 15)}日导出，经办人核对）`;
      await createManualEntry({ ...deps, clock: { now: () => `${year + 1}-01-16T02:00:00.000Z` } }, actor, { unitId, year, kind: k, value, sourceNote: note });
      n++;
    }
  }
  return n;
}
