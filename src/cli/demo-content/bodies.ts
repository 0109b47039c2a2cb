/** Body text of demo items: paragraphs and tables in the style of county-level government sites, per body kind. */
import { chineseDate } from '../../domain/calendar/civil-date.js';
import type { Prng } from './prng.js';
import type { BodyKind } from './columns.js';
import { GIVEN, SURNAMES, type KindVocab, type Topic } from './vocab.js';

export interface BodyContext {
  rng: Prng;
  title: string;
  unitName: string;
  short: string;
  phone: string;
  address: string;
  topic: Topic;
  place: string;
  places: string[];
  vocab: KindVocab;
  createdOn: string;
  benefit: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const p = (s: string) => `<p>${esc(s)}</p>`;
const h = (s: string) => `<h3>${esc(s)}</h3>`;
export const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function personName(rng: Prng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}
/** Names on public lists are shown as 张某某 (personal information minimised, Art. 15). */
export function maskedName(rng: Prng): string {
  return `${rng.pick(SURNAMES)}某${rng.chance(0.5) ? '某' : ''}`;
}

export function table(caption: string, head: string[], rows: (string | number)[][]): string {
  const th = head.map((c) => `<th scope="col">${esc(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(String(c))}</td>`).join('')}</tr>`).join('');
  return `<table><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const money = (rng: Prng, min: number, max: number) => (rng.int(min * 100, max * 100) / 100).toFixed(2);

function newsBody(c: BodyContext): string {
  const { rng, topic, short, place } = c;
  const date = chineseDate(c.createdOn).replace(/^\d+年/, '');
  const lead = `${date}，${c.unitName}${rng.pick(['召开会议', '组织专题会议', '深入一线'])}，${rng.pick(['研究部署', '调度推进', '督促落实'])}${topic.name}工作。${short}主要负责同志出席并讲话，相关股室和${place}负责人参加。`;
  const middle = [
    `会议指出，${topic.name}工作事关群众切身利益，是今年重点任务之一。今年以来，${short}坚持问题导向，健全工作机制，细化责任分工，各项工作有序推进，取得了阶段性成效。`,
    `会议强调，要进一步提高思想认识，把${topic.name}工作摆在更加突出的位置；要聚焦薄弱环节，建立问题清单、任务清单和责任清单，逐项对账销号；要加强政策宣传解读，及时回应群众关切。`,
    `会上，${place}等单位作了交流发言，汇报了${topic.name}推进情况、存在的困难和下一步打算。与会人员围绕工作中的难点问题进行了深入讨论，提出了意见建议。`,
    `据统计，截至目前共开展${topic.name}相关工作${rng.int(12, 86)}次，覆盖群众${rng.int(1200, 9800)}人次，发现并整改问题${rng.int(5, 40)}个，群众满意度进一步提升。`,
    `下一步，${short}将持续跟踪问效，强化督促指导，确保${topic.name}各项任务按期完成，切实把好事办实、把实事办好。`,
  ];
  return [p(lead), ...rng.sample(middle.slice(0, 4), rng.int(2, 3)).map(p), p(middle[4] as string)].join('');
}

function noticeBody(c: BodyContext): string {
  const { rng, topic } = c;
  const items = [
    ['高度重视，加强组织领导', `各单位要充分认识${topic.name}工作的重要性，主要负责同志要亲自安排部署，明确分管领导和具体经办人员，确保工作落到实处。`],
    ['突出重点，抓好任务落实', `要对照工作要求逐项梳理，建立工作台账，重点做好政策宣传、摸底排查和跟踪服务，${rng.pick(['每月', '每季度'])}报送工作进展情况。`],
    ['严格程序，规范办理流程', '要严格按照规定的条件、程序和时限办理，做到公开、公平、公正，办理结果按规定予以公示，接受群众监督。'],
    ['强化督导，确保取得实效', `${c.short}将适时对各单位工作开展情况进行督导检查，对工作推进不力、群众反映强烈的，予以通报并督促整改。`],
  ];
  const out = [p('各有关单位：'), p(`为进一步做好${topic.name}工作，根据上级有关文件精神，结合我市实际，现将有关事项通知如下。`)];
  items.slice(0, rng.int(3, 4)).forEach(([head, text], i) => out.push(h(`${CN_NUM[i]}、${head}`), p(text as string)));
  out.push(p(`联系人：${personName(rng)}，联系电话：${c.phone}。`), p(c.unitName), p(chineseDate(c.createdOn)));
  return out.join('');
}

function publicityBody(c: BodyContext): string {
  const { rng } = c;
  const n = rng.int(4, 9);
  const rows = Array.from({ length: n }, (_, i) => [i + 1, rng.pick(c.places), maskedName(rng), c.benefit, money(rng, 300, 6000)]);
  const total = rows.reduce((s, r) => s + Number(r[4]), 0).toFixed(2);
  return [
    p(`根据有关规定，经申请、入户核查、民主评议和审核，现将${c.title.replace(/公示$|公告$/, '')}有关情况予以公示。`),
    table(`${c.benefit}情况一览表`, ['序号', '村（社区）', '姓名', '项目', '金额（元）'], [...rows, ['合计', '', '', '', total]]),
    p(`公示期为5个工作日。公示期间，如有异议，请以书面或电话形式向${c.unitName}反映。联系电话：${c.phone}；地址：${c.address}。`),
    p(`${c.unitName}`),
    p(chineseDate(c.createdOn)),
  ].join('');
}

function tableBody(c: BodyContext): string {
  const { rng } = c;
  const rows = c.vocab.figures.slice(0, rng.int(4, c.vocab.figures.length)).map((f, i) => [i + 1, f, rng.int(20, 9000), `${(rng.next() * 12 - 2).toFixed(1)}%`]);
  return [p(`现将${c.title}公布如下：`), table(c.title, ['序号', '项目', '数值', '同比增长'], rows), p('注：数据来源于有关部门统计，个别数据因四舍五入略有出入。')].join('');
}

function statisticsBody(c: BodyContext): string {
  return tableBody(c) + p(`从运行情况看，${c.topic.name}相关指标总体平稳，部分指标增速较上月有所回落。下一步将加强监测分析，及时研判苗头性、倾向性问题。`);
}

function budgetBody(c: BodyContext): string {
  const { rng } = c;
  const lines = ['一般公共服务支出', '教育支出', '社会保障和就业支出', '卫生健康支出', '农林水支出', '住房保障支出'].map((l) => [l, money(rng, 20, 900), money(rng, 20, 900)]);
  const three = [['因公出国（境）费', '0.00'], ['公务接待费', money(rng, 1, 8)], ['公务用车运行维护费', money(rng, 5, 30)], ['公务用车购置费', '0.00']];
  return [
    h('一、部门主要职责'), p(`${c.unitName}的主要职责是：贯彻执行有关法律法规和方针政策，负责${c.topic.name}等工作。`),
    h('二、收支预决算总体情况'), p(`收支总计${money(rng, 800, 5000)}万元。其中：财政拨款收入${money(rng, 600, 4000)}万元，其他收入${money(rng, 10, 200)}万元。`),
    table('支出功能分类情况表（单位：万元）', ['科目名称', '本年数', '上年数'], lines),
    h('三、“三公”经费情况'), table('“三公”经费情况（单位：万元）', ['项目', '金额'], three),
    p('“三公”经费较上年下降，主要原因是严格落实过紧日子要求，压减一般性支出。'),
    h('四、名词解释'), p('“三公”经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费、公务接待费。'),
  ].join('');
}

function personnelBody(c: BodyContext): string {
  const { rng } = c;
  const rows = Array.from({ length: rng.int(3, 7) }, (_, i) => [i + 1, personName(rng), rng.pick(['男', '女']), rng.pick(['大学本科', '硕士研究生']), rng.pick(['综合管理岗', '专业技术岗', '财务岗', '工程技术岗'])]);
  return [
    p(`根据有关规定，经${rng.pick(['笔试、面试、体检和考察', '民主推荐、考察和集体研究'])}，现将有关人员情况予以公示。`),
    table('人员情况', ['序号', '姓名', '性别', '学历', '岗位'], rows),
    p(`公示期为${rng.pick(['5', '7'])}个工作日。如对公示人员有异议，可通过来信、来电、来访等方式向${c.unitName}反映。反映问题要实事求是，以真实姓名反映问题。`),
    p(`监督电话：${c.phone}`), p(chineseDate(c.createdOn)),
  ].join('');
}

function guideBody(c: BodyContext): string {
  return [
    h('一、主要职责'), p(`${c.unitName}负责${c.topic.name}等工作，贯彻落实上级决策部署，依法履行职责。`),
    h('二、办公地址和时间'), p(`办公地址：${c.address}。办公时间：周一至周五 上午9:00-12:00，下午14:30-18:00（法定节假日除外）。`),
    h('三、联系方式'), p(`联系电话：${c.phone}。`),
    h('四、政府信息公开'), p('公民、法人或者其他组织可以通过本网站、政务服务中心查阅场所等途径获取本机关主动公开的政府信息，也可以依法申请获取相关政府信息。'),
  ].join('');
}

function planBody(c: BodyContext): string {
  const { rng, topic } = c;
  const tasks = ['健全工作机制', '抓好重点项目', '强化要素保障', '优化公共服务', '加强督查考核', '深化改革创新'];
  return [
    p(`为认真贯彻落实上级决策部署，推动${topic.name}工作高质量发展，结合实际，制定本${c.title.endsWith('总结') ? '总结' : '计划'}。`),
    h('一、总体要求'), p(`坚持以人民为中心的发展思想，围绕${topic.name}目标任务，突出重点、补齐短板，确保各项工作取得实效。`),
    h('二、主要任务'), ...rng.sample(tasks, 3).map((t, i) => p(`（${CN_NUM[i]}）${t}。围绕${topic.name}，明确责任单位和完成时限，按月调度、按季通报。`)),
    h('三、保障措施'), p('加强组织领导，落实经费保障，强化宣传引导，营造良好氛围。'),
  ].join('');
}

export function bodyFor(kind: BodyKind, c: BodyContext): string {
  switch (kind) {
    case 'news': return newsBody(c);
    case 'notice': return noticeBody(c);
    case 'publicity': return publicityBody(c);
    case 'table': return tableBody(c);
    case 'statistics': return statisticsBody(c);
    case 'budget': return budgetBody(c);
    case 'personnel': return personnelBody(c);
    case 'guide': return guideBody(c);
    case 'plan': return planBody(c);
  }
}

/** A normative document: 第一条 … articles. */
export function policyBody(c: BodyContext, policyTitle: string, effectiveOn: string): string {
  const { rng, topic } = c;
  const articles = [
    `为规范${topic.name}工作，保障公民、法人和其他组织的合法权益，根据有关法律、法规和政策规定，结合本市实际，制定本办法。`,
    `本办法适用于本市行政区域内${topic.name}相关活动及其监督管理。`,
    `${c.unitName}负责本办法的组织实施，有关部门按照各自职责做好相关工作。`,
    `${topic.name}工作应当遵循依法依规、公开透明、便民高效的原则。`,
    `申请人应当提交申请书、身份证明材料及相关证明材料。材料齐全、符合法定形式的，应当当场受理；材料不齐全的，应当一次性告知需要补正的全部内容。`,
    `办理结果应当在作出决定之日起5个工作日内予以公开，涉及国家秘密、商业秘密和个人隐私的除外。`,
    `有关工作人员在${topic.name}工作中滥用职权、玩忽职守、徇私舞弊的，依法依规追究责任。`,
    `本办法由${c.unitName}负责解释。`,
    `本办法自${chineseDate(effectiveOn)}起施行，有效期${rng.pick(['3', '5'])}年。`,
  ];
  const n = rng.int(6, 8);
  const chosen = [...articles.slice(0, n - 2), ...articles.slice(-2)];
  return [p(`${policyTitle}`), ...chosen.map((a, i) => p(`第${CN_NUM[i] ?? i + 1}条　${a}`))].join('');
}

export function interpretationBody(c: BodyContext, policyTitle: string, docNumber: string | null): string {
  const { rng, topic } = c;
  return [
    p(`近日，${c.unitName}印发了《${policyTitle}》${docNumber ? `（${docNumber}）` : ''}。为便于社会公众理解和执行，现就有关内容解读如下。`),
    h('一、出台背景'), p(`${topic.name}工作关系群众切身利益。原有规定部分条款已不适应当前工作需要，有必要结合上级最新要求和我市实际予以制定（修订）。`),
    h('二、主要内容'), p(`文件共${CN_NUM[rng.int(5, 8)]}条，主要明确了适用范围、职责分工、办理程序、公开要求和监督责任等内容。`),
    h('三、适用对象'), p(`本市行政区域内涉及${topic.name}的公民、法人和其他组织。`),
    h('四、主要变化'), p(`一是简化了办理材料，${rng.pick(['取消证明材料3项', '申请材料由8项减为5项', '实行告知承诺制'])}；二是压缩了办理时限；三是明确了办理结果公开的时限和方式。`),
    h('五、咨询方式'), p(`咨询电话：${c.phone}。`),
  ].join('');
}
