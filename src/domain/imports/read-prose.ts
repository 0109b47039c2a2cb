/**
 * Numbers stated in the prose of narrative-only pre-2019 reports (no 附表), read into the pre2019 indicators
 * when the statement is unambiguous (annual-report-format.md §4: "an importer fills what the prose states
 * unambiguously and leaves the rest null"). Each pattern names one indicator and requires its keyword next to
 * the number and its unit (条, 件, 处 …). Approximate numbers (70余个, 约, 近) are skipped; two statements of the
 * same indicator with different numbers leave it null; money in 元 is converted to 万元 (1800 元 → 0.18).
 */
import { setValue, excerpt, type ReadContext } from './context.js';
import { parseChineseNumeral } from './normalise.js';

const N = '(\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十百千万]+)';

interface ProsePattern {
  key: string;
  re: RegExp;
  /** the number's capture group is always 1; group 2, when present, is the money unit (元/万元) */
  money?: boolean;
  /** a clause containing one of these before the match is about something else */
  notAfter?: RegExp;
  /** a clause must contain this */
  requires?: RegExp;
  /** also fill these keys with the same value when the match text contains the given marker */
  alsoWhen?: { marker: RegExp; key: string };
}

const P = (key: string, re: string, opts: Omit<ProsePattern, 'key' | 're'> = {}): ProsePattern => ({ key, re: new RegExp(re, 'g'), ...opts });

const PATTERNS: ProsePattern[] = [
  P('proactive.total', `(?:共|累计)?主动公开(?:各类)?(?:政府)?信息(?:共|总计|合计|共计)?${N}(?:条|件)`, { notAfter: /网站|微博|微信|公报|公开栏|其中/ }),
  P('proactive.viaWebsite', `(?:通过|在|利用|经)(?:政府)?(?:门户)?网站(?:上)?(?:主动)?(?:公开|发布)(?:政府)?(?:信息)?(?:共)?${N}条`),
  P('proactive.viaWeibo', `(?:通过|在|利用)?(?:政务)?微博(?:主动)?(?:公开|发布)(?:政府)?(?:信息)?(?:共)?${N}条`),
  P('proactive.viaWechat', `(?:通过|在|利用)?(?:政务)?微信(?:公众号)?(?:主动)?(?:公开|发布)(?:政府)?(?:信息)?(?:共)?${N}条`),
  P('proactive.viaGazette', `政府公报(?:上)?(?:公开|刊登|刊发|发布)(?:政府)?(?:信息|文件)?(?:共)?${N}(?:条|件|篇)`),
  P('org.readingPoints', `(?:设立|设置|建立|建成|开设)(?:了)?${N}(?:处|个)(?:政府信息)?(?:公开)?查阅(?:点|场所|室)`),
  P('applications.received', `(?:受理|收到|接到|接收)(?:了)?(?:各类)?(?:政府信息公开申请|依申请公开(?:政府信息)?(?:申请|件)?|信息公开申请|公开申请)(?:共|共计|合计)?${N}(?:件次|件|份)`),
  P('applications.letter', `信函(?:方式)?(?:受理|申请|提出)?${N}件`),
  P('applications.inPerson', `当面(?:方式)?(?:受理|申请|提出)?${N}件`),
  P('applications.fax', `传真(?:方式)?(?:受理|申请|提出)?${N}件`),
  P('applications.online', `(?:网上|网络|在线|互联网)(?:方式)?(?:受理|申请|提出)${N}件`),
  P('applications.closed', `${N}件(?:申请)?(?:均|全部|都)?(?:已)?(?:在规定(?:的)?(?:时间|期限|时限)内|按时|按期|依法)?(?:办结|答复完毕)`, {
    alsoWhen: { marker: /在规定(?:的)?(?:时间|期限|时限)内|按时|按期/, key: 'applications.closedOnTime' },
  }),
  P('applications.disclosed', `(?<!部分|不)(?:同意|予以)公开(?:答复)?${N}件`),
  P('applications.partiallyDisclosed', `(?:同意)?部分公开(?:答复)?${N}件`),
  P('applications.refused', `不(?:同意|予)公开(?:答复)?${N}件`),
  P('applications.notExist', `(?:申请)?信息不存在(?:的)?${N}件`),
  P('applications.notThisAgency', `不属于本(?:行政)?机关(?:公开)?(?:职责)?(?:范围)?(?:的)?${N}件`),
  P('fees.amountWan', `(?:收取|收费)(?:了)?(?:费用|检索费|复制费|邮寄费)?(?:共|合计)?${N}(万元|元)`, { money: true }),
  P('org.budgetWan', `(?:专项)?(?:工作)?经费(?:共|合计)?${N}(万元|元)`, { money: true, requires: /信息公开|政务公开/ }),
  P('org.staffFullTime', `专职(?:工作)?人员${N}(?:名|人)`),
  P('org.staffPartTime', `兼职(?:工作)?人员${N}(?:名|人)`),
  P('meetings.meetings', `召开(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:会议|专题会议)${N}次`),
  P('meetings.trainings', `(?:举办|组织|开展)(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:业务)?培训(?:班|会)?${N}(?:次|期|场)`),
  P('meetings.trainees', `(?:参加|参训|接受)培训(?:的)?(?:人员)?(?:共)?${N}人(?:次)?`),
  P('response.onlineInterviews', `${N}(?:期|场)[“"]?(?:在线访谈|网上访谈)`),
  P('response.onlineInterviews', `(?:在线访谈|网上访谈)(?:活动)?(?:共)?${N}(?:期|次|场)`),
  P('response.pressConferences', `(?:召开|举办|参加)(?:了)?(?:各类)?新闻发布会(?:共)?${N}(?:场|次)`),
  P('response.pressConferences', `(?:召开|举办|参加)(?:了)?${N}(?:场|次)新闻发布会`),
  P('response.interpretations', `(?:发布|刊发)(?:政策)?解读(?:稿件|材料|文章)?(?:共)?${N}(?:篇|条|件)`),
  P('response.hotTopics', `回应(?:公众关注)?(?:热点|舆情|社会关切)(?:问题)?(?:共)?${N}(?:次|件|条)`),
  P('reconsideration.total', `(?:政府信息公开)?行政复议(?:申请|案件)?${N}(?:件|起)`),
  P('litigation.total', `(?:政府信息公开)?行政诉讼(?:案件)?${N}(?:件|起)`),
];

/** Statements that something did not happen: worth telling the user, but they write no number. */
const NONE_STATEMENTS: { re: RegExp; what: string }[] = [
  { re: /(?:未|没有)(?:发生|收到|出现)[^。；\n]{0,30}?行政复议/g, what: '行政复议' },
  { re: /(?:未|没有)(?:发生|收到|出现)[^。；\n]{0,30}?行政诉讼/g, what: '行政诉讼' },
  { re: /不收取任何费用|(?:未|没有)(?:向[^。；\n]{0,10})?收取[^。；\n]{0,12}?费用/g, what: '收费' },
];

const CLAUSE_BREAK = /[。；;，,\n！？!?]/;

function clauseStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < 40 && !CLAUSE_BREAK.test(text[i - 1]!)) i--;
  return i;
}

interface Found {
  value: number;
  start: number;
  end: number;
  raw: string;
}

export function readProse(ctx: ReadContext, from = 0, to = ctx.text.length): void {
  const text = ctx.text.slice(0, to);
  const found = new Map<string, Found[]>();
  const add = (key: string, f: Found) => {
    const list = found.get(key) ?? [];
    list.push(f);
    found.set(key, list);
  };
  for (const p of PATTERNS) {
    p.re.lastIndex = from;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const numText = m[1]!;
      const numAt = m.index + Math.max(0, m[0].indexOf(numText));
      const cStart = clauseStart(text, m.index);
      const prefix = text.slice(cStart, m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
      const before = text.slice(Math.max(0, numAt - 2), numAt);
      if (p.notAfter?.test(prefix)) continue;
      if (p.requires && !p.requires.test(text.slice(cStart, m.index + m[0].length + 20))) continue;
      const end = m.index + m[0].length;
      if (/^(?:余|多|左右)/.test(after) || /[约近逾]$|超过$/.test(before) || /^\d+(?:\.\d+)?(?:余|多)/.test(text.slice(numAt, numAt + numText.length + 1))) {
        ctx.warnings.push(`正文“${excerpt(text.slice(cStart, end + 2), 40)}”是约数，不作为 ${p.key} 的数值：记为 null`);
        continue;
      }
      let value = /^\d/.test(numText) ? Number(numText) : parseChineseNumeral(numText);
      if (value === null || !Number.isFinite(value)) continue;
      if (p.money && m[2] === '元') value = value / 10000;
      const f: Found = { value, start: cStart, end, raw: m[0] };
      add(p.key, f);
      if (p.alsoWhen && p.alsoWhen.marker.test(m[0])) add(p.alsoWhen.key, f);
    }
  }
  for (const [key, list] of found) {
    const distinct = [...new Set(list.map((f) => f.value))];
    if (distinct.length > 1) {
      ctx.warnings.push(`正文对 ${key} 有不同的说法（${list.map((f) => `“${excerpt(ctx.text.slice(f.start, f.end), 30)}”`).join('、')}），无法确定：记为 null`);
      continue;
    }
    const f = list[0]!;
    setValue(ctx, `indicators.${key}`, f.value, f.start, f.end);
  }
  for (const s of NONE_STATEMENTS) {
    s.re.lastIndex = from;
    const m = s.re.exec(text);
    if (m) ctx.warnings.push(`正文称“${excerpt(m[0], 40)}”，但没有写出${s.what}的数字：相关指标记为 null（null 表示原文未载明数字，不等于 0）`);
  }
}
