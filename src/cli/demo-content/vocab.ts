/**
 * Vocabularies of the demo content per kind of unit: the topics it works on (with a 主题分类 code from the seeded
 * State Council scheme), its normative documents, projects, notices and benefits. Titles are templates filled by
 * templates.ts: {u} unit short name, {U} full name, {t} topic, {p} place, {pr} project, {y} year, {m} month,
 * {q} quarter, {s} season, {n} a count.
 */
export type UnitKind = 'gov' | 'office' | 'dev' | 'edu' | 'land' | 'township';

const S = (first: string, second?: string) => (second ? `${first}\\${second}` : first);

export const SUBJECTS = {
  open: S('综合政务', '政务公开'),
  emergency: S('综合政务', '应急管理'),
  supervision: S('综合政务', '政务督查'),
  macro: S('国民经济管理、国有资产监管', '宏观经济'),
  reform: S('国民经济管理、国有资产监管', '经济体制改革'),
  price: S('国民经济管理、国有资产监管', '物价'),
  stats: S('国民经济管理、国有资产监管', '统计'),
  energy: S('国民经济管理、国有资产监管', '节能与资源综合利用'),
  finance: S('财政、金融、审计', '财政'),
  land: S('国土资源、能源', '土地'),
  mineral: S('国土资源、能源', '矿产'),
  survey: S('国土资源、能源', '测绘'),
  farming: S('农业、林业、水利', '农业、畜牧业、渔业'),
  forest: S('农业、林业、水利', '林业'),
  water: S('农业、林业、水利', '水利'),
  poverty: S('农业、林业、水利', '扶贫'),
  road: S('工业、交通', '公路'),
  urban: S('城乡建设、环境保护', '城乡建设（含住房）'),
  planning: S('城乡建设、环境保护', '城市规划'),
  environment: S('城乡建设、环境保护', '环境监测、保护与治理'),
  education: S('科技、教育', '教育'),
  tech: S('科技、教育', '科技'),
  health: S('卫生、体育', '卫生'),
  employment: S('劳动、人事、监察', '就业'),
  security: S('劳动、人事、监察', '社会保障'),
  personnel: S('劳动、人事、监察', '人事工作'),
  civilServant: S('劳动、人事、监察', '公务员管理'),
  police: S('公安、安全、司法', '公安'),
  welfare: S('民政、扶贫、救灾', '社会福利'),
  disaster: S('民政、扶贫、救灾', '减灾救灾'),
  market: S('市场监管、安全生产监管', '安全生产监管'),
} as const;

export interface Topic { name: string; subject: string; kw: string[] }
export interface PolicySeed { title: string; subject: string; kw: string[]; interpretation?: boolean }

export interface KindVocab {
  topics: Topic[];
  policies: PolicySeed[];
  projects: string[];
  /** Notices of this kind of unit (templates). */
  notices: string[];
  /** News of this kind of unit (templates), in addition to the common ones. */
  news: string[];
  /** Art. 20(十一) and 社会救助 items: benefits and services. */
  benefits: string[];
  /** Rows of a table of figures (statistics, budget lines). */
  figures: string[];
}

const T = (name: string, subject: string, ...kw: string[]): Topic => ({ name, subject, kw: kw.length ? kw : [name] });
const P = (title: string, subject: string, kw: string[], interpretation = true): PolicySeed => ({ title, subject, kw, interpretation });

export const VOCAB: Record<UnitKind, KindVocab> = {
  gov: {
    topics: [
      T('优化营商环境', SUBJECTS.reform, '营商环境'), T('安全生产', SUBJECTS.market, '安全生产'), T('防汛抗旱', SUBJECTS.emergency, '防汛'),
      T('乡村振兴', SUBJECTS.poverty, '乡村振兴'), T('城市更新', SUBJECTS.urban, '城市更新'), T('生态环境保护', SUBJECTS.environment, '生态环境'),
      T('政务公开', SUBJECTS.open, '政务公开'), T('稳就业', SUBJECTS.employment, '就业'), T('森林防火', SUBJECTS.forest, '森林防火'),
      T('民生实事', SUBJECTS.welfare, '民生实事'), T('招商引资', SUBJECTS.macro, '招商引资'), T('耕地保护', SUBJECTS.land, '耕地保护'),
    ],
    policies: [
      P('安澜市优化营商环境若干措施', SUBJECTS.reform, ['营商环境', '市场主体']),
      P('安澜市城镇老旧小区改造实施办法', SUBJECTS.urban, ['老旧小区', '城市更新']),
      P('安澜市突发事件总体应急预案', SUBJECTS.emergency, ['应急预案', '突发事件']),
      P('安澜市耕地保护激励办法', SUBJECTS.land, ['耕地保护', '补贴']),
      P('安澜市促进就业创业若干政策措施', SUBJECTS.employment, ['就业', '创业补贴']),
      P('安澜市最低生活保障审核确认办法', SUBJECTS.welfare, ['低保', '社会救助']),
      P('安澜市政府投资项目管理办法', SUBJECTS.macro, ['政府投资', '项目管理']),
      P('安澜市行政规范性文件管理办法', SUBJECTS.open, ['规范性文件', '合法性审核']),
      P('安澜市城区户外广告设置管理办法', SUBJECTS.urban, ['户外广告', '城市管理']),
      P('安澜市农村人居环境整治提升实施方案', SUBJECTS.poverty, ['人居环境', '乡村振兴']),
    ],
    projects: ['安澜市城区供水管网改造工程', '安澜市第二人民医院迁建项目', '府前大道东延线道路工程', '安澜河生态治理工程', '市民中心配套停车场建设项目', '城北污水处理厂提标改造工程'],
    notices: [
      '安澜市人民政府关于{y}年{t}工作的通告', '关于做好{y}年{s}{t}工作的通知', '安澜市人民政府关于公布{y}年民生实事项目的公告',
      '关于{y}年清明节期间森林防火的通告', '安澜市人民政府关于调整部分行政权力事项的通知', '关于开展{y}年度{t}专项检查的通知',
    ],
    news: ['市政府召开常务会议研究{t}等工作', '市长{leader}调研{p}{t}工作', '全市{t}工作会议召开', '市政府与{p}签订{t}合作协议'],
    benefits: ['城乡居民基本医疗保险参保缴费', '高龄津贴发放', '困难群众临时救助', '公益性岗位开发', '城乡居民养老保险'],
    figures: ['地区生产总值', '规模以上工业增加值', '固定资产投资', '社会消费品零售总额', '一般公共预算收入', '城镇居民人均可支配收入', '农村居民人均可支配收入'],
  },
  office: {
    topics: [
      T('政务公开', SUBJECTS.open, '政务公开'), T('政府网站管理', SUBJECTS.open, '政府网站'), T('12345热线办理', SUBJECTS.supervision, '12345热线'),
      T('督查督办', SUBJECTS.supervision, '督查'), T('政务服务', SUBJECTS.reform, '政务服务'), T('公文处理', SUBJECTS.open, '公文'),
      T('应急值守', SUBJECTS.emergency, '应急值守'), T('建议提案办理', SUBJECTS.supervision, '建议提案'), T('政务信息化', SUBJECTS.open, '电子政务'),
    ],
    policies: [
      P('安澜市政府信息公开工作考核办法', SUBJECTS.open, ['政务公开', '考核']),
      P('安澜市政府网站与政务新媒体管理办法', SUBJECTS.open, ['政府网站', '政务新媒体']),
      P('安澜市人民政府工作规则', SUBJECTS.open, ['工作规则'], false),
      P('安澜市12345政务服务便民热线管理办法', SUBJECTS.supervision, ['12345热线']),
      P('安澜市政务服务“好差评”实施办法', SUBJECTS.reform, ['政务服务', '好差评']),
      P('安澜市重大行政决策程序规定', SUBJECTS.open, ['重大行政决策']),
      P('安澜市人大代表建议和政协提案办理工作办法', SUBJECTS.supervision, ['建议提案']),
    ],
    projects: ['安澜市政务服务中心标准化改造项目', '安澜市政务云平台扩容项目', '12345热线系统升级项目'],
    notices: [
      '安澜市人民政府办公室关于{y}年{s}放假安排的通知', '关于开展{y}年政府网站和政务新媒体检查的通知', '关于做好{y}年政府信息公开工作年度报告编制发布工作的通知',
      '关于印发{y}年政务公开工作要点的通知', '关于{y}年第{n}季度政府网站检查情况的通报', '关于征集{y}年民生实事项目建议的公告',
    ],
    news: ['市政府办召开{t}工作推进会', '市政府办开展{t}业务培训', '全市{t}工作经验交流会召开', '市政务公开办督导{p}{t}工作'],
    benefits: ['政务服务事项“一网通办”', '企业开办“一日办结”', '12345热线诉求办理', '政务公开专区服务'],
    figures: ['受理诉求件', '办结件', '按时办结率（%）', '满意率（%）', '网站发布信息条', '政务新媒体发布条'],
  },
  dev: {
    topics: [
      T('重大项目建设', SUBJECTS.macro, '重大项目', '项目审批'), T('项目审批', SUBJECTS.macro, '项目审批', '核准备案'), T('价格监测', SUBJECTS.price, '价格', '价格监测'),
      T('粮食安全', SUBJECTS.farming, '粮食'), T('节能降耗', SUBJECTS.energy, '节能'), T('社会信用体系建设', SUBJECTS.reform, '社会信用'),
      T('以工代赈', SUBJECTS.poverty, '以工代赈'), T('重要民生商品保供稳价', SUBJECTS.price, '保供稳价'), T('国民经济和社会发展规划', SUBJECTS.macro, '发展规划', '规划'),
      T('招投标监管', SUBJECTS.macro, '招投标'), T('成品油价格调整', SUBJECTS.price, '成品油', '价格'), T('经济运行分析', SUBJECTS.stats, '经济运行'),
    ],
    policies: [
      P('安澜市政府定价目录', SUBJECTS.price, ['定价目录', '价格']),
      P('安澜市企业投资项目核准和备案管理办法', SUBJECTS.macro, ['核准', '备案', '项目审批']),
      P('安澜市居民生活用水阶梯价格实施方案', SUBJECTS.price, ['阶梯水价', '价格']),
      P('安澜市重点项目管理办法', SUBJECTS.macro, ['重点项目']),
      P('安澜市价格调节基金管理办法', SUBJECTS.price, ['价格调节基金']),
      P('安澜市城区停车服务收费管理办法', SUBJECTS.price, ['停车收费', '价格']),
      P('安澜市社会信用体系建设实施方案', SUBJECTS.reform, ['社会信用', '信用修复']),
      P('安澜市以工代赈项目管理办法', SUBJECTS.poverty, ['以工代赈', '劳务报酬']),
      P('安澜市节能审查实施细则', SUBJECTS.energy, ['节能审查']),
      P('安澜市政府投资项目可行性研究报告审批规程', SUBJECTS.macro, ['可行性研究', '项目审批']),
    ],
    projects: ['安澜经济开发区标准厂房建设项目', '安澜至石桥公路改扩建工程', '城关镇农贸市场改造项目', '桃源乡高标准农田建设项目', '安澜市冷链物流中心项目', '石桥镇光伏发电项目', '安澜市职业教育园区项目', '城东片区棚户区改造配套基础设施项目'],
    notices: [
      '关于{pr}可行性研究报告的批复', '关于{pr}项目核准的批复', '关于{y}年第{n}批市级重点项目的公示', '关于调整成品油价格的通知',
      '关于开展{y}年{t}专项检查的通知', '关于{y}年{s}重要民生商品价格监测情况的通报', '关于申报{y}年中央预算内投资项目的通知', '关于{pr}节能审查意见的公示',
    ],
    news: ['市发改局召开{t}调度会', '市发改局赴{p}督导{t}工作', '{y}年{m}月全市价格运行总体平稳', '市发改局开展{t}政策宣讲', '全市{t}推进会召开'],
    benefits: ['价格临时补贴发放', '以工代赈劳务报酬发放', '粮食最低收购价执行', '困难群众价格补贴联动机制'],
    figures: ['固定资产投资（亿元）', '重点项目完成投资（亿元）', '居民消费价格指数', '猪肉零售均价（元/斤）', '大米零售均价（元/斤）', '0号柴油价格（元/升）', '92号汽油价格（元/升）'],
  },
  edu: {
    topics: [
      T('义务教育', SUBJECTS.education, '义务教育'), T('招生入学', SUBJECTS.education, '招生', '入学'), T('学生资助', SUBJECTS.education, '学生资助', '补贴'),
      T('校园安全', SUBJECTS.education, '校园安全'), T('教师队伍建设', SUBJECTS.education, '教师'), T('学前教育', SUBJECTS.education, '学前教育'),
      T('营养改善计划', SUBJECTS.education, '营养改善'), T('课后服务', SUBJECTS.education, '课后服务'), T('防溺水安全教育', SUBJECTS.education, '防溺水'),
      T('职业教育', SUBJECTS.education, '职业教育'), T('教育督导', SUBJECTS.education, '督导'), T('中考', SUBJECTS.education, '中考'),
    ],
    policies: [
      P('安澜市义务教育阶段学校招生入学工作实施办法', SUBJECTS.education, ['招生', '入学', '义务教育']),
      P('安澜市家庭经济困难学生认定办法', SUBJECTS.education, ['学生资助', '困难学生']),
      P('安澜市普惠性民办幼儿园认定和扶持办法', SUBJECTS.education, ['学前教育', '普惠性幼儿园', '补贴']),
      P('安澜市中小学校课后服务管理办法', SUBJECTS.education, ['课后服务']),
      P('安澜市校外培训机构监督管理办法', SUBJECTS.education, ['校外培训']),
      P('安澜市中小学教师交流轮岗实施办法', SUBJECTS.education, ['教师', '交流轮岗']),
      P('安澜市农村义务教育学生营养改善计划实施细则', SUBJECTS.education, ['营养改善', '补助']),
      P('安澜市随迁子女接受义务教育实施办法', SUBJECTS.education, ['随迁子女', '入学']),
    ],
    projects: ['安澜市第三中学扩建工程', '城关镇中心幼儿园新建项目', '石桥镇中心学校教学楼建设项目', '桃源乡寄宿制学校改造项目', '安澜市职业技术学校实训楼项目'],
    notices: [
      '安澜市{y}年义务教育阶段学校招生公告', '关于做好{y}年秋季学期学生资助工作的通知', '安澜市{y}年中考报名公告', '关于{y}年{s}学校放假安排的通知',
      '关于公布{y}年普惠性民办幼儿园认定结果的公告', '关于开展{y}年{t}专项督导的通知', '关于{y}年教师资格认定工作的公告', '关于做好{y}年暑期防溺水安全教育的紧急通知',
    ],
    news: ['市教育局召开{t}工作会', '{p}学校开展{t}主题活动', '市教育局督导检查{t}工作', '全市{t}工作推进会召开', '市教育局举办{t}业务培训班'],
    benefits: ['学前教育幼儿资助', '义务教育家庭经济困难学生生活补助', '普通高中国家助学金', '中职学校免学费', '生源地信用助学贷款', '农村义务教育学生营养膳食补助'],
    figures: ['在校学生（人）', '专任教师（人）', '资助学生（人次）', '资助金额（万元）', '校舍面积（平方米）', '学校（所）'],
  },
  land: {
    topics: [
      T('土地征收', SUBJECTS.land, '土地征收', '征地补偿'), T('规划许可', SUBJECTS.planning, '规划许可'), T('不动产登记', SUBJECTS.land, '不动产登记'),
      T('耕地保护', SUBJECTS.land, '耕地保护'), T('国土空间规划', SUBJECTS.planning, '国土空间规划'), T('地质灾害防治', SUBJECTS.mineral, '地质灾害'),
      T('矿产资源管理', SUBJECTS.mineral, '矿产资源'), T('土地供应', SUBJECTS.land, '土地供应', '国有建设用地'), T('林长制', SUBJECTS.forest, '林长制'),
      T('土地卫片执法', SUBJECTS.land, '卫片执法'), T('测绘地理信息', SUBJECTS.survey, '测绘'), T('生态修复', SUBJECTS.environment, '生态修复'),
    ],
    policies: [
      P('安澜市集体土地征收补偿安置办法', SUBJECTS.land, ['土地征收', '补偿安置']),
      P('安澜市国有建设用地使用权出让管理办法', SUBJECTS.land, ['土地出让', '国有建设用地']),
      P('安澜市不动产登记“一窗受理”工作规程', SUBJECTS.land, ['不动产登记', '一窗受理']),
      P('安澜市城乡规划管理技术规定', SUBJECTS.planning, ['规划许可', '技术规定']),
      P('安澜市耕地占补平衡管理办法', SUBJECTS.land, ['耕地保护', '占补平衡']),
      P('安澜市地质灾害防治工作方案', SUBJECTS.mineral, ['地质灾害']),
      P('安澜市征地区片综合地价标准', SUBJECTS.land, ['征地补偿', '区片综合地价']),
      P('安澜市农村宅基地和建房规划管理办法', SUBJECTS.land, ['宅基地', '农房建设']),
    ],
    projects: ['安澜市{y}年第一批次城镇建设用地', '城东片区控制性详细规划修编', '安澜市国土空间总体规划', '石桥镇集镇区村庄规划', '桃源乡全域土地综合整治项目', '安澜河废弃矿山生态修复项目'],
    notices: [
      '安澜市人民政府征收土地预公告（{y}第{n}号）', '关于{pr}征地补偿安置方案的公告', '国有建设用地使用权挂牌出让公告（安自然资挂〔{y}〕{n}号）', '关于{pr}规划方案批前公示',
      '建设工程规划许可证批后公布（{y}年第{n}批）', '关于{y}年{s}地质灾害防治工作的通知', '不动产登记公告（{y}年第{n}期）', '关于开展{y}年度土地卫片执法检查的通知',
    ],
    news: ['市自然资源局召开{t}工作部署会', '市自然资源局赴{p}开展{t}现场核查', '全市{t}工作推进会召开', '市自然资源局开展{t}宣传活动', '{p}{t}工作取得新进展'],
    benefits: ['被征地农民社会保障', '征地补偿款发放', '不动产登记费减免', '地质灾害避险搬迁补助'],
    figures: ['批准建设用地（公顷）', '供应国有建设用地（公顷）', '办理不动产登记（件）', '核发规划许可证（件）', '耕地保有量（万亩）', '地质灾害隐患点（处）'],
  },
  township: {
    topics: [
      T('农村低保', SUBJECTS.welfare, '低保', '社会救助'), T('耕地地力保护补贴', SUBJECTS.farming, '耕地地力保护补贴', '补贴'), T('宅基地审批', SUBJECTS.land, '宅基地'),
      T('村务公开', SUBJECTS.open, '村务公开'), T('农田水利', SUBJECTS.water, '农田水利'), T('乡村振兴', SUBJECTS.poverty, '乡村振兴'),
      T('人居环境整治', SUBJECTS.environment, '人居环境'), T('防返贫监测', SUBJECTS.poverty, '防返贫'), T('森林防火', SUBJECTS.forest, '森林防火'),
      T('土地承包经营权流转', SUBJECTS.farming, '土地流转'), T('特困供养', SUBJECTS.welfare, '特困供养'), T('防汛减灾', SUBJECTS.disaster, '防汛'),
      T('城乡居民医保参保', SUBJECTS.security, '医保'), T('一事一议筹资筹劳', SUBJECTS.poverty, '一事一议'),
    ],
    policies: [
      P('{U}农村宅基地审批管理实施细则', SUBJECTS.land, ['宅基地', '农房建设']),
      P('{U}村务公开工作实施办法', SUBJECTS.open, ['村务公开']),
      P('{U}耕地地力保护补贴发放工作方案', SUBJECTS.farming, ['耕地地力保护补贴', '补贴']),
      P('{U}最低生活保障评议工作规程', SUBJECTS.welfare, ['低保', '民主评议']),
      P('{U}农村人居环境整治提升工作方案', SUBJECTS.environment, ['人居环境']),
      P('{U}防止返贫动态监测和帮扶工作方案', SUBJECTS.poverty, ['防返贫', '帮扶']),
    ],
    projects: ['{p}通组路硬化工程', '{p}饮水安全巩固提升工程', '{p}高标准农田建设项目', '{p}山塘整治工程', '{p}村级活动场所改造项目', '{p}产业路建设项目'],
    notices: [
      '{U}{y}年耕地地力保护补贴发放公示', '{U}{y}年{m}月农村低保动态调整公示', '关于{p}宅基地审批结果的公示（{y}年第{n}批）', '{U}{y}年{s}森林防火通告',
      '关于做好{y}年城乡居民医疗保险参保缴费工作的通知', '{U}{y}年第{n}季度特困供养人员名单公示', '关于{p}一事一议筹资筹劳方案的公示', '{U}关于{y}年{s}防汛工作的通知',
    ],
    news: ['{u}召开{t}工作会议', '{u}开展{t}入户核查', '{p}召开村民代表会议讨论{t}事项', '{u}党委书记调研{p}{t}工作', '{u}{t}工作取得阶段性成效'],
    benefits: ['农村最低生活保障', '特困人员救助供养', '临时救助', '耕地地力保护补贴', '高龄津贴', '残疾人两项补贴', '脱贫户产业奖补'],
    figures: ['发放户数（户）', '涉及人数（人）', '发放金额（元）', '补贴面积（亩）', '补贴标准（元/亩）'],
  },
};

/** News templates every unit uses. */
export const COMMON_NEWS = [
  '{u}召开{t}工作推进会', '{u}开展{t}专项督查', '{u}举办{t}业务培训班', '{u}部署{s}{t}工作', '{u}传达学习上级{t}工作会议精神',
  '{u}召开{y}年{t}工作总结会', '{u}组织开展{t}宣传月活动', '{u}{y}年上半年{t}工作情况', '{u}组织干部赴{p}学习{t}经验',
];

export const SEASONS = ['春季', '夏季', '秋季', '冬季', '汛期', '春节期间', '国庆期间'];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗', '高', '林'];
export const GIVEN = ['建国', '秀英', '志强', '丽华', '国庆', '海燕', '晓东', '红梅', '明亮', '春花', '振华', '玉兰', '文杰', '桂芳', '俊峰', '淑珍', '德明', '小燕'];

/** Villages and communities, or the streets of the city for county units. */
export const PLACES: Record<string, string[]> = {
  cgz: ['东街社区', '西关村', '河坝村', '新华社区', '北门村', '兴隆村'],
  sqz: ['石桥村', '龙井村', '青山村', '水口村', '大坪村', '沙坝村'],
  tyx: ['桃源村', '杏花村', '茶园村', '白岩村', '清溪村', '凤凰村'],
  county: ['城关镇', '石桥镇', '桃源乡', '安澜经济开发区', '城东街道', '城北新区'],
};
