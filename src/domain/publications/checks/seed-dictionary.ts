/**
 * The starter dictionary of the wording check, platform-wide, editable afterwards. Sources: the 2018 State
 * Council institutional reform (《国务院机构改革方案》, 十三届全国人大一次会议 2018-03-17) and the matching local
 * reforms for outdated names; 新华社《新闻信息报道中的禁用词和慎用词》 for wrong political expressions;
 * GB/T 9704-2012 §7.2.2 for classification marks (密级和保密期限, e.g. “机密★1年”); 国务院令第711号 (the revised
 * Regulation, in force 2019-05-15) replacing 第492号; common typos in government writing.
 */
import type { Severity, WordingKind } from './wording.js';

export interface SeedEntry {
  phrase: string;
  kind: WordingKind;
  suggestion: string | null;
  severity: Severity;
  note: string | null;
}

const reform = '2018年国务院机构改革后已更名或撤并';
const localReform = '2018年地方机构改革后已更名或撤并';

const outdated: [string, string, string][] = [
  ['国家工商行政管理总局', '国家市场监督管理总局', reform],
  ['国家质量监督检验检疫总局', '国家市场监督管理总局', reform],
  ['国家食品药品监督管理总局', '国家市场监督管理总局', reform],
  ['国土资源部', '自然资源部', reform],
  ['国家海洋局', '自然资源部', reform],
  ['国家测绘地理信息局', '自然资源部', reform],
  ['环境保护部', '生态环境部', reform],
  ['农业部', '农业农村部', reform],
  ['文化部', '文化和旅游部', reform],
  ['国家旅游局', '文化和旅游部', reform],
  ['国家卫生和计划生育委员会', '国家卫生健康委员会', reform],
  ['国家安全生产监督管理总局', '应急管理部', reform],
  ['国家林业局', '国家林业和草原局', reform],
  ['国家新闻出版广电总局', '国家广播电视总局', reform],
  ['国务院法制办公室', '司法部', reform],
  ['监察部', '国家监察委员会', reform],
  ['国家行政学院', '中共中央党校（国家行政学院）', reform],
  ['国家粮食局', '国家粮食和物资储备局', reform],
  ['国土资源局', '自然资源局', localReform],
  ['国土资源厅', '自然资源厅', localReform],
  ['环境保护局', '生态环境局', localReform],
  ['环境保护厅', '生态环境厅', localReform],
  ['工商行政管理局', '市场监督管理局', localReform],
  ['食品药品监督管理局', '市场监督管理局', localReform],
  ['质量技术监督局', '市场监督管理局', localReform],
  ['卫生和计划生育委员会', '卫生健康委员会', localReform],
  ['卫生和计划生育局', '卫生健康局', localReform],
  ['安全生产监督管理局', '应急管理局', localReform],
  ['农业局', '农业农村局', localReform],
  ['文化广电新闻出版局', '文化和旅游局（或按本地“三定”规定的名称）', localReform],
];

const wrong: [string, string | null, Severity, string][] = [
  ['台湾政府', '台湾当局', 'block', '新华社禁用词：不得称台湾当局为“政府”'],
  ['台湾总统', '台湾地区领导人', 'block', '新华社禁用词：对台湾地区领导人不使用“总统”称谓'],
  ['中台两岸', '海峡两岸', 'block', '新华社禁用词：两岸关系不得表述为“中台”'],
  ['大陆与香港', '内地与香港', 'block', '新华社禁用词：香港、澳门与内地并称时称“内地”'],
  ['大陆与澳门', '内地与澳门', 'block', '新华社禁用词：香港、澳门与内地并称时称“内地”'],
  ['北韩', '朝鲜', 'block', '新华社禁用词：使用国名全称或规范简称'],
  ['国务院令第492号', '国务院令第711号', 'warn', '《中华人民共和国政府信息公开条例》2019年修订，自2019年5月15日起施行'],
  ['政府信息公开规定', '政府信息公开条例', 'warn', '行政法规名称为《中华人民共和国政府信息公开条例》'],
];

const sensitive: [string, string][] = [
  ['绝密★', '文件标注密级“绝密”，属于国家秘密，不得公开（条例第十四条）'],
  ['机密★', '文件标注密级“机密”，属于国家秘密，不得公开（条例第十四条）'],
  ['秘密★', '文件标注密级“秘密”，属于国家秘密，不得公开（条例第十四条）'],
  ['内部资料 注意保存', '标注为内部资料，公开前须经保密审查（条例第十七条）'],
  ['内部资料，注意保存', '标注为内部资料，公开前须经保密审查（条例第十七条）'],
];

const typos: [string, string][] = [
  ['按装', '安装'], ['既使', '即使'], ['度过难关', '渡过难关'], ['再接再励', '再接再厉'], ['截止目前', '截至目前'],
  ['截止到目前', '截至目前'], ['迫不急待', '迫不及待'], ['按步就班', '按部就班'], ['一愁莫展', '一筹莫展'],
  ['默守成规', '墨守成规'], ['穿流不息', '川流不息'], ['一如继往', '一如既往'],
  ['鼎立相助', '鼎力相助'], ['布署', '部署'], ['按排', '安排'], ['防碍', '妨碍'], ['松驰', '松弛'], ['重迭', '重叠'],
  ['渲泄', '宣泄'], ['做为', '作为'], ['必需遵守', '必须遵守'], ['针贬', '针砭'], ['震憾', '震撼'], ['凑和', '凑合'],
  ['一股作气', '一鼓作气'], ['谈笑风声', '谈笑风生'], ['甘败下风', '甘拜下风'],
  ['出谋画策', '出谋划策'], ['再所不辞', '在所不辞'], ['天翻地复', '天翻地覆'], ['貌和神离', '貌合神离'], ['要言不繁', '要言不烦'],
];

export const SEED_DICTIONARY: SeedEntry[] = [
  ...outdated.map(([phrase, suggestion, note]) => ({ phrase, kind: 'outdatedName' as const, suggestion, severity: 'warn' as const, note })),
  ...wrong.map(([phrase, suggestion, severity, note]) => ({ phrase, kind: 'wrong' as const, suggestion, severity, note })),
  ...sensitive.map(([phrase, note]) => ({ phrase, kind: 'sensitive' as const, suggestion: null, severity: 'block' as const, note })),
  ...typos.map(([phrase, suggestion]) => ({ phrase, kind: 'typo' as const, suggestion, severity: 'warn' as const, note: null })),
];
