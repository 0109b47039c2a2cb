/**
 * Plans a unit's demo items: which column, title, body, 文号, 生成日期 and 发布日期 (a working day; 发布日期 ≥
 * 生成日期, mostly within the column's Art. 26 limit, a few late), 主题分类/体裁分类, validity and links. Everything
 * comes from the unit's PRNG, so the same unit always gets the same plan relative to "today".
 */
import { addDays, dayNumber, toCivil } from '../../domain/calendar/civil-date.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { bodyFor, interpretationBody, personName, policyBody, type BodyContext } from './bodies.js';
import { COLUMN_PLANS, type ColumnPlan, type Recency } from './columns.js';
import type { UnitProfile } from './profiles.js';
import type { Prng } from './prng.js';
import { COMMON_NEWS, PLACES, SEASONS, VOCAB, type Topic } from './vocab.js';

export type AttachmentKind = 'pdf' | 'docx' | 'xlsx';

export interface ItemSpec {
  key: string;
  columnCode: string;
  title: string;
  summary: string;
  bodyHtml: string;
  docNumber: string | null;
  /** Set after planning, from the 机关代字 and the year's serial. */
  wantsDocNumber: boolean;
  createdOn: string;
  publishedOn: string;
  /** Publication instant (ISO UTC), Beijing office hours of publishedOn. */
  publishAt: string;
  subject: string;
  genre: string;
  keywords: string[];
  validity: 'inForce' | null;
  effectiveOn: string | null;
  interprets: string | null;
  repeals: string[];
  amends: string[];
  attachment: AttachmentKind | null;
}

export interface UnitFacts {
  name: string;
  phone: string;
  address: string;
  /** Does this unit issue 行政规范性文件 in the demo (not the townships). */
  normative: boolean;
}

export interface PlanOptions {
  today: string;
  /** Last day an item may be published (office hours before now). */
  lastDay: string;
  start: string;
  minimal: boolean;
}

export function planUnit(profile: UnitProfile, unit: UnitFacts, columnCodes: Set<string>, cal: WorkingCalendar, rng: Prng, o: PlanOptions): ItemSpec[] {
  const vocab = VOCAB[profile.kind];
  const places = PLACES[profile.places] ?? PLACES.county!;
  const specs: ItemSpec[] = [];
  const titles = new Set<string>();
  let seq = 0;

  const ctx = (title: string, topic: Topic, createdOn: string, place: string): BodyContext => ({
    rng, title, unitName: unit.name, short: profile.short, phone: unit.phone, address: unit.address, topic, place, places, vocab, createdOn,
    benefit: rng.pick(vocab.benefits),
  });
  const fill = (tpl: string, on: string, topic: Topic, place: string) => {
    const y = Number(on.slice(0, 4));
    const m = Number(on.slice(5, 7));
    return tpl
      .replaceAll('{U}', unit.name).replaceAll('{u}', profile.short).replaceAll('{t}', topic.name).replaceAll('{p}', place)
      .replaceAll('{pr}', rng.pick(vocab.projects).replaceAll('{p}', place).replaceAll('{y}', String(y)))
      .replaceAll('{y5}', String(y + 4)).replaceAll('{py}', String(y - 1)).replaceAll('{y}', String(y)).replaceAll('{m}', String(m))
      .replaceAll('{q}', ['一', '二', '三', '四'][Math.floor((m - 1) / 3)] as string).replaceAll('{s}', rng.pick(SEASONS))
      .replaceAll('{n}', String(rng.int(1, 12))).replaceAll('{b}', rng.pick(vocab.benefits)).replaceAll('{leader}', profile.leader)
      .replaceAll('{name}', personName(rng)).replaceAll('{dp}', profile.docPrefix);
  };

  const dates = (recency: Recency, i: number, n: number, lag: [number, number], limit = 20): { createdOn: string; publishedOn: string; publishAt: string } => {
    const last = dayNumber(o.lastDay);
    const first = dayNumber(o.start);
    let day: number;
    if (recency === 'fresh' && i < 3) day = last - rng.int(0, 9);
    else if (recency === 'fresh' && i < n * 0.3) day = last - rng.int(0, 45);
    else if (recency === 'notice' && i < 2) day = last - rng.int(0, 30);
    else if (recency === 'notice' && i < n * 0.2) day = last - rng.int(0, 120);
    else day = rng.int(first, last);
    let publishedOn = cal.nextWorkingDayOnOrAfter(toCivil(day));
    while (publishedOn > o.lastDay) publishedOn = addDays(publishedOn, -1);
    while (!cal.isWorkingDay(publishedOn)) publishedOn = addDays(publishedOn, -1);
    // Art. 26: most within the limit; about one in forty late so the timeliness report has something to show.
    const late = recency !== 'fresh' && rng.chance(0.025);
    const k = late ? rng.int(limit + 1, limit + 12) : rng.int(lag[0], lag[1]);
    const createdOn = workingDaysBefore(cal, publishedOn, k);
    return { createdOn, publishedOn, publishAt: officeHoursInstant(rng, publishedOn) };
  };

  const unique = (make: () => string): string => {
    let t = make();
    for (let tries = 0; titles.has(t) && tries < 30; tries++) t = make();
    titles.add(t);
    return t;
  };

  const genreOf = (plan: ColumnPlan, title: string): string => {
    if (plan.genre !== '*') return plan.genre;
    for (const g of ['通知', '公告', '通告', '通报', '决定', '意见', '批复', '报告']) if (title.endsWith(g)) return g;
    if (/公示$/.test(title)) return '公告';
    if (/规划|纲要/.test(title)) return '规划';
    if (/计划|要点|方案/.test(title)) return '计划';
    if (/总结/.test(title)) return '总结';
    return '其他';
  };

  const countFor = (plan: ColumnPlan) => {
    const n = plan.count[profile.kind] ?? (profile.kind === 'township' ? plan.count.township : plan.count.county) ?? 0;
    return o.minimal ? Math.min(n, 1) : Math.round(n * profile.scale);
  };

  for (const plan of COLUMN_PLANS) {
    if (!columnCodes.has(plan.code)) continue;
    const n = countFor(plan);
    const templates = plan.titles.flatMap((t) => (t === '*news' ? [...COMMON_NEWS, ...vocab.news] : t === '*notices' ? vocab.notices : [t]));
    for (let i = 0; i < n; i++) {
      const when = dates(plan.recency, i, n, plan.lag);
      const topic = rng.pick(vocab.topics);
      const place = rng.pick(places);
      const title = unique(() => fill(rng.pick(templates), when.createdOn, rng.pick(vocab.topics), place));
      const c = ctx(title, topic, when.createdOn, place);
      const bodyHtml = bodyFor(plan.body, c);
      const genre = genreOf(plan, title);
      specs.push({
        key: `${plan.code}-${seq++}`, columnCode: plan.code, title, summary: summaryOf(title, unit.name, topic.name), bodyHtml, docNumber: null,
        wantsDocNumber: ['通知', '通报', '决定', '意见', '批复'].includes(genre) || rng.chance(plan.docNumber ?? 0), ...when,
        subject: plan.subject ?? topic.subject, genre, keywords: keywordsOf(topic, title), validity: null, effectiveOn: null, interprets: null,
        repeals: [], amends: [], attachment: rng.chance(plan.attach ?? 0.12) ? rng.pick<AttachmentKind>(['pdf', 'docx', 'xlsx']) : null,
      });
    }
  }

  if (columnCodes.has('zcwj')) planPolicies(profile, unit, columnCodes.has('zcjd'), rng, o, specs, { ctx, dates, unique, fill, vocab });
  return specs;
}

interface PlanTools {
  ctx: (title: string, topic: Topic, createdOn: string, place: string) => BodyContext;
  dates: (recency: Recency, i: number, n: number, lag: [number, number]) => { createdOn: string; publishedOn: string; publishAt: string };
  unique: (make: () => string) => string;
  fill: (tpl: string, on: string, topic: Topic, place: string) => string;
  vocab: (typeof VOCAB)[keyof typeof VOCAB];
}

/**
 * 政策文件: each normative document, often with its 政策解读 published a few days later; some are later replaced
 * (a new document repeals the old) or amended (a decision amends it), so 有效性 shows 已废止 / 已修改 with links.
 * Townships publish work plans and notices here instead (no 行政规范性文件 in the demo).
 */
function planPolicies(profile: UnitProfile, unit: UnitFacts, interpretations: boolean, rng: Prng, o: PlanOptions, specs: ItemSpec[], t: PlanTools): void {
  const seeds = o.minimal ? t.vocab.policies.slice(0, 1) : t.vocab.policies;
  let seq = 0;
  const push = (s: Omit<ItemSpec, 'key'>) => {
    const spec = { ...s, key: `zcwj-${seq++}` };
    specs.push(spec);
    return spec;
  };
  for (const seed of seeds) {
    const name = seed.title.replaceAll('{U}', unit.name);
    const topic = { name: seed.kw[0] as string, subject: seed.subject, kw: seed.kw };
    // First issue in the first half of the period, so that a revision can follow.
    const mid = addDays(o.start, Math.floor((dayNumber(o.lastDay) - dayNumber(o.start)) / 2));
    let first = t.dates('spread', 9, 10, [3, 15]);
    for (let tries = 0; first.publishedOn > mid && tries < 10; tries++) first = t.dates('spread', 9, 10, [3, 15]);
    const title = t.unique(() => `${unit.name}关于印发《${name}》的通知`);
    const c = t.ctx(title, topic, first.createdOn, '');
    const effectiveOn = addDays(first.publishedOn, 30);
    const policy = push({
      columnCode: 'zcwj', title, summary: `《${name}》全文。`, bodyHtml: policyBody(c, name, effectiveOn), docNumber: null, wantsDocNumber: true, ...first,
      subject: seed.subject, genre: '通知', keywords: seed.kw.slice(0, 3), validity: unit.normative ? 'inForce' : null, effectiveOn: unit.normative ? effectiveOn : null,
      interprets: null, repeals: [], amends: [], attachment: rng.chance(0.4) ? 'pdf' : null,
    });
    if (interpretations && seed.interpretation !== false && !o.minimal) planInterpretation(rng, o, specs, t, policy, name, topic, `zcjd-${seq++}`);
    if (!unit.normative || o.minimal) continue;
    const roll = rng.next();
    if (roll < 0.35) {
      // Replaced: a new version repeals the old one (已废止).
      const when = laterDates(rng, o, policy.publishedOn, t);
      if (!when) continue;
      const newName = `${name}（${when.createdOn.slice(0, 4)}年修订）`;
      const title2 = t.unique(() => `${unit.name}关于印发《${newName}》的通知`);
      const eff = addDays(when.publishedOn, 30);
      const next = push({
        columnCode: 'zcwj', title: title2, summary: `《${newName}》全文。原《${name}》同时废止。`, bodyHtml: policyBody(t.ctx(title2, topic, when.createdOn, ''), newName, eff) + `<p>原《${name}》同时废止。</p>`,
        docNumber: null, wantsDocNumber: true, ...when, subject: seed.subject, genre: '通知', keywords: seed.kw.slice(0, 3), validity: 'inForce', effectiveOn: eff,
        interprets: null, repeals: [policy.key], amends: [], attachment: null,
      });
      if (interpretations && seed.interpretation !== false) planInterpretation(rng, o, specs, t, next, newName, topic, `zcjd-${seq++}`);
    } else if (roll < 0.55) {
      // Amended: a decision changes some articles (已修改).
      const when = laterDates(rng, o, policy.publishedOn, t);
      if (!when) continue;
      const title2 = t.unique(() => `${unit.name}关于修改《${name}》部分条款的决定`);
      push({
        columnCode: 'zcwj', title: title2, summary: `对《${name}》第五条、第六条作出修改。`,
        bodyHtml: `<p>经研究，决定对《${name}》作如下修改：</p><p>一、将第五条中的“应当当场受理”修改为“应当当场受理，并出具受理凭证”。</p><p>二、将第六条中的“5个工作日”修改为“3个工作日”。</p><p>本决定自公布之日起施行。《${name}》根据本决定作相应修改，重新公布。</p>`,
        docNumber: null, wantsDocNumber: true, ...when, subject: seed.subject, genre: '决定', keywords: seed.kw.slice(0, 3), validity: 'inForce', effectiveOn: when.publishedOn,
        interprets: null, repeals: [], amends: [policy.key], attachment: null,
      });
    }
  }
  // Work plans and notices issued as 政策文件 (no validity).
  const extra = o.minimal ? 0 : unit.normative ? 6 : 12;
  for (let i = 0; i < extra; i++) {
    const when = t.dates('notice', i, extra, [2, 12]);
    const topic = rng.pick(t.vocab.topics);
    const title = t.unique(() => t.fill(rng.pick(['{U}关于印发{y}年{t}工作方案的通知', '{U}关于进一步做好{t}工作的通知', '{U}关于印发{y}年{t}实施方案的通知', '{U}关于加强{t}工作的意见']), when.createdOn, rng.pick(t.vocab.topics), ''));
    push({
      columnCode: 'zcwj', title, summary: summaryOf(title, unit.name, topic.name), bodyHtml: bodyFor('plan', t.ctx(title, topic, when.createdOn, '')), docNumber: null, wantsDocNumber: true,
      ...when, subject: topic.subject, genre: title.endsWith('意见') ? '意见' : '通知', keywords: keywordsOf(topic, title), validity: null, effectiveOn: null,
      interprets: null, repeals: [], amends: [], attachment: rng.chance(0.3) ? 'docx' : null,
    });
  }
}

function planInterpretation(rng: Prng, o: PlanOptions, specs: ItemSpec[], t: PlanTools, policy: ItemSpec, name: string, topic: Topic, key: string): void {
  const createdOn = policy.publishedOn;
  const when = laterDates(rng, o, createdOn, t, [0, 4], createdOn);
  if (!when) return;
  const title = t.unique(() => rng.pick([`《${name}》政策解读`, `一图读懂《${name}》`, `《${name}》解读`]));
  specs.push({
    key, columnCode: 'zcjd', title, summary: `对《${name}》的出台背景、主要内容和适用对象进行解读。`, bodyHtml: interpretationBody(t.ctx(title, topic, createdOn, ''), name, null),
    docNumber: null, wantsDocNumber: false, ...when, subject: policy.subject, genre: '其他', keywords: [...policy.keywords.slice(0, 2), '政策解读'],
    validity: null, effectiveOn: null, interprets: policy.key, repeals: [], amends: [], attachment: null,
  });
}

/** Dates of a document that follows another (a revision, an interpretation): after it, before the last day. */
function laterDates(rng: Prng, o: PlanOptions, after: string, t: PlanTools, lag: [number, number] = [3, 12], createdOn?: string): { createdOn: string; publishedOn: string; publishAt: string } | null {
  for (let tries = 0; tries < 20; tries++) {
    const w = t.dates('spread', 9, 10, lag);
    if (createdOn) {
      // The interpretation is written when the policy is out and published within days.
      const pub = addDays(createdOn, rng.int(Math.max(1, lag[0]), lag[1] + 2));
      if (pub > o.lastDay) return null;
      return { createdOn, publishedOn: pub, publishAt: officeHoursInstant(rng, pub) };
    }
    if (w.createdOn > after) return w;
  }
  return null;
}

export function workingDaysBefore(cal: WorkingCalendar, date: string, k: number): string {
  let d = date;
  let n = 0;
  while (n < k) {
    if (cal.isWorkingDay(d)) n++;
    d = addDays(d, -1);
  }
  while (k > 0 && !cal.isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/** An instant in Beijing office hours (09:00–17:59) of the civil date, as ISO UTC. */
export function officeHoursInstant(rng: Prng, date: string): string {
  const minutes = rng.int(9 * 60, 17 * 60 + 59) - 8 * 60;
  return `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}.000Z`;
}

function summaryOf(title: string, unitName: string, topic: string): string {
  return `${title.startsWith(unitName) ? '' : `${unitName}：`}${title}。涉及${topic}有关工作。`;
}

function keywordsOf(topic: Topic, title: string): string[] {
  const kw = [...topic.kw];
  for (const w of ['公示', '通知', '公告', '补贴', '招聘', '预算', '决算']) if (title.includes(w) && !kw.includes(w)) kw.push(w);
  return kw.slice(0, 5);
}

/** Assigns 文号 (机关代字〔年〕序号) in order of 生成日期, per year, with gaps for documents not published online. */
export function assignDocNumbers(specs: ItemSpec[], prefix: string, rng: Prng): void {
  const serial = new Map<string, number>();
  for (const s of [...specs].sort((a, b) => a.createdOn.localeCompare(b.createdOn) || a.key.localeCompare(b.key))) {
    if (!s.wantsDocNumber) continue;
    const y = s.createdOn.slice(0, 4);
    const n = (serial.get(y) ?? 0) + rng.int(1, 3);
    serial.set(y, n);
    s.docNumber = `${prefix}〔${y}〕${n}号`;
  }
}
