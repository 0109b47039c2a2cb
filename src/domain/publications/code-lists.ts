/**
 * Seed data of the two editable code lists (rules.md §2): 主题分类, the State Council two-level subject scheme
 * written "一级\二级" as on the 国务院政策文件库, and 体裁分类, the 15 official document genres of
 * 《党政机关公文处理工作条例》 plus the non-document genres disclosure sites use.
 */
export const SUBJECT_SCHEME: [string, string[]][] = [
  ['综合政务', ['政务公开', '应急管理', '电子政务', '政务督查', '文秘工作', '信访', '其他']],
  ['国民经济管理、国有资产监管', ['宏观经济', '经济体制改革', '国有资产监管', '统计', '物价', '节能与资源综合利用', '其他']],
  ['财政、金融、审计', ['财政', '税务', '银行', '保险', '证券', '审计', '其他']],
  ['国土资源、能源', ['土地', '矿产', '海洋', '测绘', '气象、水文、测绘、地震', '电力', '煤炭', '石油与天然气', '新能源', '其他']],
  ['农业、林业、水利', ['农业、畜牧业、渔业', '林业', '水利', '扶贫', '其他']],
  ['工业、交通', ['工业', '信息产业（含电信）', '公路', '铁路', '水运', '民航', '邮政', '其他']],
  ['商贸、海关、旅游', ['国内贸易（含供销）', '对外经贸合作', '海关', '旅游', '其他']],
  ['市场监管、安全生产监管', ['市场监管', '药品监管', '安全生产监管', '质量监督', '其他']],
  ['城乡建设、环境保护', ['城乡建设（含住房）', '城市规划', '节能与资源综合利用', '环境监测、保护与治理', '其他']],
  ['科技、教育', ['科技', '教育', '知识产权', '其他']],
  ['文化、广电、新闻出版', ['文化', '广播、电影、电视', '新闻出版', '文物', '其他']],
  ['卫生、体育', ['卫生', '医药管理', '体育', '其他']],
  ['人口与计划生育、妇女儿童工作', ['人口与计划生育', '妇女儿童', '其他']],
  ['劳动、人事、监察', ['就业', '社会保障', '人事工作', '公务员管理', '监察', '其他']],
  ['公安、安全、司法', ['公安', '国家安全', '司法', '其他']],
  ['民政、扶贫、救灾', ['社会福利', '减灾救灾', '优抚安置', '行政区划与地名', '社团管理', '其他']],
  ['民族、宗教', ['民族事务', '宗教事务', '其他']],
  ['对外事务', ['外交、外事', '国际组织', '其他']],
  ['港澳台侨工作', ['港澳工作', '台湾工作', '侨务工作', '其他']],
  ['国防', ['国防动员', '人民防空', '双拥', '其他']],
  ['其他', []],
];

export const DOCUMENT_GENRES = ['决议', '决定', '命令（令）', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'];
export const OTHER_GENRES = ['规划', '计划', '总结', '统计数据', '新闻', '其他'];

export interface SeedCode {
  list: 'subject' | 'genre';
  code: string;
  name: string;
  parentCode: string | null;
  sortOrder: number;
}

export function seedCodes(): SeedCode[] {
  const out: SeedCode[] = [];
  SUBJECT_SCHEME.forEach(([first, seconds], i) => {
    out.push({ list: 'subject', code: first, name: first, parentCode: null, sortOrder: (i + 1) * 100 });
    seconds.forEach((s, j) => out.push({ list: 'subject', code: `${first}\\${s}`, name: s, parentCode: first, sortOrder: (i + 1) * 100 + j + 1 }));
  });
  [...DOCUMENT_GENRES, ...OTHER_GENRES].forEach((g, i) => out.push({ list: 'genre', code: g, name: g, parentCode: null, sortOrder: (i + 1) * 10 }));
  return out;
}
