/**
 * A deterministic generator of realistic 主动公开 items for the search tests and bench/search.mjs: titles, bodies,
 * 文号, subjects, genres and attachment text built from government topics (补贴, 公开, 招标, 预算, 乡村振兴, 医保,
 * 义务教育 …). Each item records the topic words it was built with, so the expected matches are known by construction.
 */
import type { SearchDocument, Validity } from '../../src/domain/search/search-document.js';

export interface Topic {
  word: string;
  titles: string[];
  sentences: string[];
  subject: string;
}

export const TOPICS: Topic[] = [
  { word: '补贴', subject: '农业、林业、水利\\农业', titles: ['关于{y}年耕地地力保护补贴发放情况的公示', '{u}农机购置与应用补贴实施方案', '关于做好{y}年困难群众生活补贴发放工作的通知'],
    sentences: ['补贴资金通过“一卡通”直接发放到户', '各乡镇要认真核实补贴面积和对象', '对虚报冒领补贴资金的行为依法严肃处理', '补贴标准按照省级文件执行'] },
  { word: '公开', subject: '综合政务\\政务公开', titles: ['{u}{y}年政府信息公开工作年度报告', '关于进一步做好政务公开工作的通知', '{u}政府信息公开指南'],
    sentences: ['根据《中华人民共和国政府信息公开条例》的规定编制本报告', '坚持以公开为常态、不公开为例外', '依申请公开办理工作规范有序', '主动公开政府信息的数量持续增加'] },
  { word: '招标', subject: '城乡建设、环境保护\\城市规划', titles: ['{p}施工招标公告', '{p}监理服务招标公告', '关于规范政府投资项目招标投标活动的通知'],
    sentences: ['本次招标采用公开招标方式', '投标人须具备相应资质', '招标文件可在公共资源交易平台下载', '开标时间另行通知'] },
  { word: '预算', subject: '财政、金融、审计\\财政', titles: ['{u}{y}年部门预算公开', '关于{y}年预算执行情况和{y2}年预算草案的报告', '{u}{y}年部门决算与预算绩效说明'],
    sentences: ['预算收入总计比上年有所增长', '严格执行预算管理制度', '“三公”经费预算控制在核定额度内', '预算绩效目标全部按时完成'] },
  { word: '乡村振兴', subject: '农业、林业、水利\\扶贫', titles: ['{y}年乡村振兴重点工作任务分解方案', '关于全面推进乡村振兴加快农业农村现代化的实施意见', '{u}乡村振兴示范村建设情况通报'],
    sentences: ['全面推进乡村振兴战略实施', '巩固拓展脱贫攻坚成果同乡村振兴有效衔接', '培育壮大乡村特色产业', '改善农村人居环境'] },
  { word: '医保', subject: '卫生、体育\\医药管理', titles: ['关于调整城乡居民医保缴费标准的通知', '{u}医保定点医药机构名单公示', '关于做好{y}年度医保参保登记工作的通知'],
    sentences: ['城乡居民医保个人缴费标准有所调整', '参保群众可通过医保服务平台办理', '医保基金监管工作持续加强', '异地就医直接结算范围扩大'] },
  { word: '义务教育', subject: '教育、科技、文化\\教育', titles: ['{y}年义务教育阶段招生入学工作方案', '{u}义务教育学校划片范围公告', '关于推进义务教育优质均衡发展的实施意见'],
    sentences: ['义务教育阶段学校实行免试就近入学', '适龄儿童少年依法接受义务教育', '招生工作坚持公平公正', '随迁子女在流入地接受义务教育'] },
  { word: '安全生产', subject: '工业、交通\\安全生产监管', titles: ['关于开展{y}年安全生产大检查的通知', '{u}安全生产专项整治三年行动实施方案', '安全生产事故隐患排查治理情况通报'],
    sentences: ['压实企业安全生产主体责任', '严厉打击非法违法生产经营行为', '安全生产形势总体平稳', '开展应急演练和隐患排查'] },
  { word: '就业', subject: '劳动、人事、监察\\就业', titles: ['{y}年高校毕业生就业创业工作方案', '关于做好稳就业工作的若干措施', '{u}公益性岗位就业人员公示'],
    sentences: ['落实就业优先政策', '开展职业技能培训', '发放一次性就业补助', '重点群体就业保持稳定'] },
  { word: '营商环境', subject: '综合政务\\政务督查', titles: ['{u}优化营商环境工作要点', '关于持续优化营商环境的若干措施', '{y}年营商环境评价结果通报'],
    sentences: ['深化“放管服”改革', '压减企业开办时间', '推行“一网通办”', '持续优化营商环境'] },
];

const GENERIC = [
  '现将有关事项通知如下', '请各单位结合实际认真贯彻落实', '特此公告', '联系电话：0871-12345678', '本通知自印发之日起施行',
  '各有关单位要高度重视，加强组织领导', '如有疑问请与承办科室联系', '请于规定时间内报送有关材料',
];
const PROJECTS = ['城区道路改造工程', '第二污水处理厂扩建项目', '人民医院门诊楼建设项目', '中小学校舍维修工程', '农田水利灌溉设施项目', '老旧小区改造项目'];
const GENRES = ['通知', '公告', '公示', '报告', '方案', '意见'];
const COLUMNS = ['zcwj', 'gzdt', 'tzgg', 'zcjd', 'czyjs'];
const VALIDITIES: Validity[] = ['inForce', 'inForce', 'inForce', 'amended', 'repealed'];

export interface CorpusUnit {
  id: string;
  name: string;
  abbr: string;
}

export interface CorpusItem extends SearchDocument {
  /** Topic words present by construction (title or text), and those in the title. */
  words: string[];
  titleWords: string[];
}

/** mulberry32: a small deterministic PRNG, so the same seed gives the same corpus. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `publishedOn` given: the item's 发布日期 (a bulk load in publication order, as a live site grows); else random. */
export function generateItem(n: number, units: CorpusUnit[], rnd: () => number, publishedOnGiven?: string): CorpusItem {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const unit = units[n % units.length]!;
  const topic = pick(TOPICS);
  const other = pick(TOPICS);
  const year = publishedOnGiven ? Number(publishedOnGiven.slice(0, 4)) : 2015 + Math.floor(rnd() * 11);
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const pad = (x: number) => String(x).padStart(2, '0');
  const fill = (s: string) => s.replace('{y2}', String(year + 1)).replace('{y}', String(year)).replace('{u}', unit.name).replace('{p}', pick(PROJECTS));
  const title = fill(pick(topic.titles));
  const body = [
    ...Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(topic.sentences)),
    ...(rnd() < 0.4 ? [pick(other.sentences)] : []),
    pick(GENERIC), pick(GENERIC),
  ].join('。') + '。';
  const attachmentText = rnd() < 0.3 ? `附件：${pick(PROJECTS)}明细表。${pick(topic.sentences)}。` : '';
  const column = pick(COLUMNS);
  const words = TOPICS.filter((t) => (title + body + attachmentText).includes(t.word)).map((t) => t.word);
  const titleWords = TOPICS.filter((t) => title.includes(t.word)).map((t) => t.word);
  const publishedOn = publishedOnGiven ?? `${year}-${pad(month)}-${pad(day)}`;
  return {
    itemId: `item-${String(n).padStart(7, '0')}`, unitId: unit.id, columnId: `${unit.id}:${column}`, columnCode: column,
    title, summary: '', bodyText: body, attachmentText,
    indexNumber: `${unit.abbr}-${year}-${String(n).padStart(5, '0')}`,
    docNumber: rnd() < 0.6 ? `${unit.abbr}〔${year}〕${1 + (n % 97)}号` : null,
    subject: topic.subject, genre: pick(GENRES), validity: column === 'zcwj' ? pick(VALIDITIES) : null,
    publishedOn, createdOn: publishedOn, words, titleWords,
  };
}
