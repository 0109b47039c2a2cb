/**
 * What each column of the catalogue gets in the demo: how many items, title templates, 体裁分类, which body
 * generator, how soon after 生成日期 items are usually published (Art. 26: within 20 working days) and how fresh
 * the column is kept (国办秘函〔2019〕19号: news within 2 weeks, notices within 6 months). 政策文件 and 政策解读
 * are planned together in plan.ts (a policy, its interpretation, a later revision that amends or repeals it).
 */
import { SUBJECTS, type UnitKind } from './vocab.js';

export type BodyKind = 'news' | 'notice' | 'table' | 'personnel' | 'guide' | 'plan' | 'budget' | 'publicity' | 'statistics';
export type Recency = 'fresh' | 'notice' | 'spread';

export interface ColumnPlan {
  code: string;
  /** Items per unit kind (absent kind: none). */
  count: Partial<Record<UnitKind | 'county', number>>;
  titles: string[];
  /** 体裁分类; '*' = from the title (…通知 → 通知, …公告 → 公告). */
  genre: string;
  /** 主题分类; absent = the topic's. */
  subject?: string;
  body: BodyKind;
  recency: Recency;
  /** Usual working days from 生成日期 to 发布日期. */
  lag: [number, number];
  /** Share of items with a 文号 (documents) and with an attachment. */
  docNumber?: number;
  attach?: number;
}

const county = (n: number) => ({ county: n });
const all = (n: number, township = n) => ({ county: n, township });

export const COLUMN_PLANS: ColumnPlan[] = [
  { code: 'gzdt', count: all(46), titles: ['*news'], genre: '新闻', body: 'news', recency: 'fresh', lag: [0, 2], attach: 0 },
  { code: 'tzgg', count: all(34), titles: ['*notices', '关于{y}年{s}值班安排的通知', '关于开展{t}政策宣传活动的公告', '{U}关于{t}有关事项的通告'], genre: '*', body: 'notice', recency: 'notice', lag: [0, 5], docNumber: 0.6, attach: 0.3 },
  {
    code: 'rsxx', count: all(10, 6), subject: SUBJECTS.personnel, genre: '*', body: 'personnel', recency: 'spread', lag: [1, 8], docNumber: 0.4,
    titles: ['{U}关于{name}等同志职务任免的通知', '{U}{y}年公开招聘工作人员公告', '{U}{y}年公开招聘工作人员拟聘用人员公示', '{U}{y}年度考核优秀等次人员公示', '关于{name}同志任职前公示的公告', '{U}{y}年公开选调工作人员公告'],
  },
  {
    code: 'czyjs', count: all(6), subject: SUBJECTS.finance, genre: '统计数据', body: 'budget', recency: 'spread', lag: [2, 12], attach: 0.8,
    titles: ['{U}{y}年部门预算公开', '{U}{py}年部门决算公开', '{U}{y}年“三公”经费预算情况说明', '{U}{py}年“三公”经费决算情况说明', '{U}{y}年预算绩效目标公开'],
  },
  { code: 'ghjh', count: all(5, 4), genre: '*', body: 'plan', recency: 'spread', lag: [2, 15], titles: ['{U}{y}年工作要点', '{U}{py}年工作总结和{y}年工作计划', '{U}“十四五”{t}专项规划中期评估报告', '{U}{y}年{t}工作计划', '{U}{y}年{t}工作方案'] },
  { code: 'jggk', count: all(3), subject: SUBJECTS.open, genre: '其他', body: 'guide', recency: 'spread', lag: [1, 5], titles: ['{U}主要职责', '{U}内设机构及职责', '{U}领导分工'] },
  { code: 'xxgkzn', count: all(2), subject: SUBJECTS.open, genre: '其他', body: 'guide', recency: 'spread', lag: [1, 5], titles: ['{U}政府信息公开指南', '{U}政府信息公开指南（{y}年修订）'] },
  { code: 'xxgkzd', count: all(3), subject: SUBJECTS.open, genre: '其他', body: 'guide', recency: 'spread', lag: [1, 10], titles: ['{U}政府信息公开工作制度', '{U}政府信息公开保密审查制度', '{U}政府信息发布协调制度', '{U}依申请公开工作规程'] },
  // Art. 20 (一)…(十五)
  { code: 'fd20-01', count: all(4, 3), subject: SUBJECTS.open, genre: '*', body: 'table', recency: 'spread', lag: [1, 10], docNumber: 0.5, titles: ['{U}现行有效行政规范性文件目录（截至{y}年{m}月）', '关于公布{U}规范性文件清理结果的通知', '{U}{y}年度行政规范性文件制定计划', '{U}规范性文件备案审查情况（{y}年）'] },
  { code: 'fd20-02', count: all(3), subject: SUBJECTS.open, genre: '其他', body: 'guide', recency: 'spread', lag: [1, 5], titles: ['{U}机构职能', '{U}办公地址及联系方式', '{U}负责人信息'] },
  { code: 'fd20-03', count: all(4, 3), subject: SUBJECTS.macro, genre: '规划', body: 'plan', recency: 'spread', lag: [3, 15], titles: ['{U}国民经济和社会发展第十四个五年规划纲要实施情况中期评估报告', '{U}{t}专项规划（{y}—{y5}年）', '{U}{y}年{t}行动计划', '{U}落实{y}年政府工作报告重点任务分工方案'] },
  { code: 'fd20-04', count: all(5, 3), subject: SUBJECTS.stats, genre: '统计数据', body: 'statistics', recency: 'spread', lag: [5, 15], attach: 0.4, titles: ['{y}年{m}月{U}主要统计数据', '{y}年{q}季度{U}{t}统计情况', '{py}年{U}{t}统计公报'] },
  { code: 'fd20-05', count: all(6, 5), genre: '其他', body: 'publicity', recency: 'spread', lag: [1, 7], titles: ['{U}{y}年{m}月行政许可办理结果公示', '{U}政务服务事项办事指南（{t}）', '{U}行政许可事项清单（{y}年版）', '{U}{y}年{m}月其他对外管理服务事项办理结果'] },
  { code: 'fd20-06', count: all(4, 3), genre: '其他', body: 'publicity', recency: 'spread', lag: [1, 7], titles: ['{U}行政处罚决定信息公开（{dp}罚〔{y}〕{n}号）', '{U}{y}年{m}月行政执法结果公示', '{U}行政处罚裁量基准（{y}年版）', '{U}行政强制事项清单'] },
  { code: 'fd20-07', count: all(3), subject: SUBJECTS.finance, genre: '统计数据', body: 'budget', recency: 'spread', lag: [2, 12], titles: ['{U}{y}年上半年预算执行情况', '{U}{py}年预算执行情况和{y}年预算草案', '{U}{y}年政府性基金预算'] },
  { code: 'fd20-08', count: all(2), subject: SUBJECTS.price, genre: '其他', body: 'table', recency: 'spread', lag: [1, 8], titles: ['{U}行政事业性收费项目目录清单（{y}年）', '{U}涉企收费目录清单（{y}年）'] },
  { code: 'fd20-09', count: all(3, 2), subject: SUBJECTS.finance, genre: '公告', body: 'publicity', recency: 'spread', lag: [1, 5], titles: ['{U}{y}年政府集中采购目录及限额标准', '{pr}采购结果公告', '{pr}采购意向公开', '{U}{y}年政府采购项目实施情况'] },
  { code: 'fd20-10', count: all(4, 3), subject: SUBJECTS.macro, genre: '其他', body: 'publicity', recency: 'spread', lag: [1, 10], attach: 0.3, titles: ['{pr}批准服务信息', '{pr}实施情况', '{pr}竣工验收信息', '{pr}招标投标信息'] },
  { code: 'fd20-11', count: all(5), genre: '其他', body: 'publicity', recency: 'spread', lag: [1, 8], titles: ['{y}年{b}政策问答', '{y}年{b}发放情况公示', '{U}{b}办理指南', '{y}年{q}季度{b}落实情况'] },
  { code: 'fd20-12', count: all(4, 3), subject: SUBJECTS.emergency, genre: '*', body: 'notice', recency: 'spread', lag: [0, 5], docNumber: 0.3, titles: ['{U}{t}应急预案（{y}年修订）', '{U}关于{s}{t}风险预警的通知', '{U}{y}年{s}突发事件应对情况', '{U}{y}年应急演练情况通报'] },
  { code: 'fd20-13', count: all(3), subject: SUBJECTS.market, genre: '通报', body: 'notice', recency: 'spread', lag: [1, 10], docNumber: 0.5, titles: ['关于{y}年{s}安全生产监督检查情况的通报', '关于{y}年{t}监督检查情况的通报', '{U}{y}年“双随机、一公开”抽查结果'] },
  { code: 'fd20-14', count: all(3, 2), subject: SUBJECTS.civilServant, genre: '公告', body: 'personnel', recency: 'spread', lag: [1, 6], titles: ['{U}{y}年考试录用公务员职位表', '{U}{y}年考试录用公务员拟录用人员公示', '{U}{y}年公开遴选公务员公告'] },
  { code: 'fd20-15', count: all(2), subject: SUBJECTS.open, genre: '其他', body: 'table', recency: 'spread', lag: [1, 8], titles: ['{U}权责清单（{y}年版）', '{U}{y}年法治政府建设情况报告', '{U}{y}年度普法责任清单'] },
  // Art. 21, county: 市政建设, 公共服务, 公益事业, 土地征收, 房屋征收, 治安管理, 社会救助
  { code: 'fd21-01', count: county(3), subject: SUBJECTS.urban, genre: '其他', body: 'publicity', recency: 'spread', lag: [1, 8], titles: ['{pr}建设进展情况', '{y}年市政基础设施建设计划', '{p}市政道路维修改造公告'] },
  { code: 'fd21-02', count: county(3), subject: SUBJECTS.welfare, genre: '其他', body: 'guide', recency: 'spread', lag: [1, 8], titles: ['{U}基本公共服务事项清单（{y}年）', '{U}便民服务事项办理指南', '{y}年{U}公共服务满意度调查结果'] },
  { code: 'fd21-03', count: county(2), subject: SUBJECTS.welfare, genre: '其他', body: 'publicity', recency: 'spread', lag: [1, 8], titles: ['{y}年{U}公益事业捐赠款物使用情况', '{y}年{U}公益性岗位开发情况'] },
  { code: 'fd21-04', count: { county: 2, land: 6 }, subject: SUBJECTS.land, genre: '公告', body: 'publicity', recency: 'spread', lag: [1, 6], titles: ['安澜市人民政府征收土地预公告（{y}第{n}号）', '安澜市人民政府征收土地公告（{y}第{n}号）', '{p}征地补偿安置方案公告（{y}年第{n}批）', '{p}土地现状调查结果公示'] },
  { code: 'fd21-05', count: county(2), subject: SUBJECTS.urban, genre: '公告', body: 'publicity', recency: 'spread', lag: [1, 6], titles: ['{p}国有土地上房屋征收补偿方案公示', '{p}房屋征收决定公告（{y}第{n}号）'] },
  { code: 'fd21-06', count: county(2), subject: SUBJECTS.police, genre: '其他', body: 'news', recency: 'spread', lag: [1, 6], titles: ['{y}年{s}社会治安综合治理工作情况', '{p}平安建设工作开展情况'] },
  { code: 'fd21-07', count: county(3), subject: SUBJECTS.welfare, genre: '其他', body: 'publicity', recency: 'spread', lag: [1, 6], titles: ['{y}年{m}月城乡低保资金发放情况', '{y}年{q}季度特困人员救助供养情况', '{y}年临时救助资金使用情况'] },
  // Art. 21, townships
  { code: 'fd21x-01', count: { township: 5 }, subject: SUBJECTS.farming, genre: '其他', body: 'publicity', recency: 'spread', lag: [1, 6], titles: ['{U}{y}年耕地地力保护补贴政策解答', '{U}{y}年农业生产社会化服务项目实施情况', '{U}{y}年春耕生产补贴发放情况', '{U}{y}年农机购置补贴申请指南'] },
  { code: 'fd21x-02', count: { township: 4 }, subject: SUBJECTS.water, genre: '其他', body: 'publicity', recency: 'spread', lag: [1, 8], titles: ['{pr}竣工验收公示', '{pr}建设情况', '{U}{y}年小型农田水利设施管护情况'] },
  { code: 'fd21x-03', count: { township: 4 }, subject: SUBJECTS.farming, genre: '其他', body: 'publicity', recency: 'spread', lag: [1, 6], titles: ['{p}土地承包经营权流转情况公示（{y}年）', '{p}土地流转合同备案情况'] },
  { code: 'fd21x-04', count: { township: 6 }, subject: SUBJECTS.land, genre: '公告', body: 'publicity', recency: 'spread', lag: [0, 5], titles: ['{p}农村宅基地审批结果公示（{y}年第{n}批）', '{p}农村宅基地申请受理情况公示（{y}年第{n}批）'] },
  { code: 'fd21x-05', count: { township: 3 }, subject: SUBJECTS.land, genre: '公告', body: 'publicity', recency: 'spread', lag: [1, 6], titles: ['{p}征地补偿款发放情况公示', '{p}征收土地现状调查结果公示'] },
  { code: 'fd21x-06', count: { township: 2 }, subject: SUBJECTS.urban, genre: '公告', body: 'publicity', recency: 'spread', lag: [1, 6], titles: ['{pr}房屋征收补偿情况公示', '{p}房屋征收评估结果公示'] },
  { code: 'fd21x-07', count: { township: 4 }, subject: SUBJECTS.poverty, genre: '公告', body: 'publicity', recency: 'spread', lag: [0, 5], titles: ['{p}{y}年一事一议筹资筹劳方案公示', '{p}{y}年一事一议项目竣工公示'] },
  { code: 'fd21x-08', count: { township: 6 }, subject: SUBJECTS.welfare, genre: '公告', body: 'publicity', recency: 'spread', lag: [0, 4], titles: ['{U}{y}年{m}月农村低保名单公示', '{U}{y}年{m}月临时救助名单公示', '{U}{y}年{q}季度特困供养人员公示'] },
  // 重点领域
  { code: 'fpgz', count: all(4, 5), subject: SUBJECTS.poverty, genre: '其他', body: 'publicity', recency: 'spread', lag: [1, 8], titles: ['{y}年{U}衔接推进乡村振兴补助资金项目计划公示', '{y}年{U}防返贫监测帮扶情况', '{p}产业帮扶项目实施情况', '{y}年{U}脱贫人口小额信贷贴息公示'] },
  { code: 'hjbh', count: all(3), subject: SUBJECTS.environment, genre: '其他', body: 'news', recency: 'spread', lag: [1, 8], titles: ['{y}年{m}月{U}生态环境保护工作情况', '{p}河长制工作开展情况', '{U}{y}年中央生态环境保护督察反馈问题整改情况'] },
  { code: 'zdjsxm', count: all(4, 3), subject: SUBJECTS.macro, genre: '其他', body: 'publicity', recency: 'spread', lag: [1, 8], attach: 0.3, titles: ['{pr}项目建设信息', '{pr}施工许可信息', '{pr}征收土地信息', '{pr}质量安全监督信息'] },
  { code: 'ggzyjy', count: all(4, 3), subject: SUBJECTS.finance, genre: '公告', body: 'publicity', recency: 'spread', lag: [0, 3], titles: ['{pr}招标公告', '{pr}中标候选人公示', '{pr}中标结果公告', '{pr}合同履约信息'] },
  { code: 'shjz', count: all(4), subject: SUBJECTS.welfare, genre: '其他', body: 'publicity', recency: 'spread', lag: [0, 6], titles: ['{y}年{m}月{U}{b}发放情况', '{U}{b}办理流程', '{y}年{U}社会救助政策问答'] },
];

/** Columns whose content comes from elsewhere: annual reports are published by the annual-report workflow. */
export const NOT_PLANNED = new Set(['gknb']);
