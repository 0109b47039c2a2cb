/**
 * The catalogue template every unit's column tree is seeded from (rules.md §2: 国办公开办函〔2019〕61号 first-level
 * columns, Art. 20/21 items under 法定主动公开内容, and the common columns seen on government sites).
 * Codes are stable ASCII identifiers used in portal URLs; template keys tie a unit's column to its template
 * column so a change can be applied to every unit of a level.
 */
import type { UnitLevel, UnitType } from '../glossary.js';

export interface TemplateColumn {
  code: string;
  name: string;
  /** Art. 26 default: 20 working days. */
  timeLimitDays?: number;
  /** 国办秘函〔2019〕19号: news 2 weeks, notices and policy documents 6 months. */
  freshnessDays?: number | null;
  acceptsItems?: boolean;
  /** Which units get it; absent = all. */
  only?: 'cityCounty' | 'township';
  children?: TemplateColumn[];
}

const NEWS = 14;
const NOTICE = 183;

// Art. 20 (一)…(十五)
const ART20: [string, string][] = [
  ['fd20-01', '（一）行政法规、规章和规范性文件'],
  ['fd20-02', '（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名'],
  ['fd20-03', '（三）国民经济和社会发展规划、专项规划、区域规划及相关政策'],
  ['fd20-04', '（四）国民经济和社会发展统计信息'],
  ['fd20-05', '（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果'],
  ['fd20-06', '（六）实施行政处罚、行政强制的依据、条件、程序以及具有一定社会影响的行政处罚决定'],
  ['fd20-07', '（七）财政预算、决算信息'],
  ['fd20-08', '（八）行政事业性收费项目及其依据、标准'],
  ['fd20-09', '（九）政府集中采购项目的目录、标准及实施情况'],
  ['fd20-10', '（十）重大建设项目的批准和实施情况'],
  ['fd20-11', '（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况'],
  ['fd20-12', '（十二）突发公共事件的应急预案、预警信息及应对情况'],
  ['fd20-13', '（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况'],
  ['fd20-14', '（十四）公务员招考的职位、名额、报考条件等事项以及录用结果'],
  ['fd20-15', '（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息'],
];
// Art. 21, city and county governments and their departments
const ART21_CITY: [string, string][] = [
  ['fd21-01', '市政建设'], ['fd21-02', '公共服务'], ['fd21-03', '公益事业'], ['fd21-04', '土地征收'],
  ['fd21-05', '房屋征收'], ['fd21-06', '治安管理'], ['fd21-07', '社会救助'],
];
// Art. 21, townships
const ART21_TOWNSHIP: [string, string][] = [
  ['fd21x-01', '贯彻落实农业农村政策'], ['fd21x-02', '农田水利工程建设运营'], ['fd21x-03', '农村土地承包经营权流转'],
  ['fd21x-04', '宅基地使用情况审核'], ['fd21x-05', '土地征收'], ['fd21x-06', '房屋征收'], ['fd21x-07', '筹资筹劳'],
  ['fd21x-08', '社会救助'],
];

export const CATALOGUE_TEMPLATE: TemplateColumn[] = [
  { code: 'xxgkzn', name: '政府信息公开指南', freshnessDays: null },
  { code: 'xxgkzd', name: '政府信息公开制度', freshnessDays: null },
  {
    code: 'fdzdgknr', name: '法定主动公开内容', acceptsItems: false, freshnessDays: null,
    children: [
      ...ART20.map(([code, name]) => ({ code, name, freshnessDays: null })),
      ...ART21_CITY.map(([code, name]) => ({ code, name, only: 'cityCounty' as const, freshnessDays: null })),
      ...ART21_TOWNSHIP.map(([code, name]) => ({ code, name, only: 'township' as const, freshnessDays: null })),
    ],
  },
  { code: 'gknb', name: '政府信息公开年报', freshnessDays: 366 },
  { code: 'jggk', name: '机构概况', freshnessDays: null },
  { code: 'zcwj', name: '政策文件', freshnessDays: NOTICE },
  { code: 'zcjd', name: '政策解读', freshnessDays: NOTICE },
  { code: 'ghjh', name: '规划计划', freshnessDays: null },
  { code: 'gzdt', name: '工作动态', freshnessDays: NEWS },
  { code: 'tzgg', name: '通知公告', freshnessDays: NOTICE },
  { code: 'rsxx', name: '人事信息', freshnessDays: null },
  { code: 'czyjs', name: '财政预决算', freshnessDays: null },
  {
    code: 'zdly', name: '重点领域', acceptsItems: false, freshnessDays: null,
    children: [
      { code: 'fpgz', name: '乡村振兴（扶贫）', freshnessDays: null },
      { code: 'hjbh', name: '环境保护', freshnessDays: null },
      { code: 'zdjsxm', name: '重大建设项目', freshnessDays: null },
      { code: 'ggzyjy', name: '公共资源交易', freshnessDays: null },
      { code: 'shjz', name: '社会救助', freshnessDays: null },
    ],
  },
];

/** Does a template column apply to a unit of this level and type (Art. 21 city/county vs township lists)? */
export function templateApplies(c: TemplateColumn, unit: { level: UnitLevel; type: UnitType }): boolean {
  const township = unit.type === 'township' || unit.type === 'street' || unit.level === 'township';
  if (c.only === 'township') return township;
  if (c.only === 'cityCounty') return !township && (unit.level === 'city' || unit.level === 'county');
  return true;
}

export interface SeedColumn {
  parentCode: string | null;
  code: string;
  name: string;
  sortOrder: number;
  timeLimitDays: number;
  freshnessDays: number | null;
  acceptsItems: boolean;
}

/** The template flattened for one unit, parents before children. */
export function seedColumnsFor(unit: { level: UnitLevel; type: UnitType }): SeedColumn[] {
  const out: SeedColumn[] = [];
  const walk = (cols: TemplateColumn[], parentCode: string | null) => {
    cols.forEach((c, i) => {
      if (!templateApplies(c, unit)) return;
      out.push({
        parentCode, code: c.code, name: c.name, sortOrder: (i + 1) * 10, timeLimitDays: c.timeLimitDays ?? 20,
        freshnessDays: c.freshnessDays ?? null, acceptsItems: c.acceptsItems ?? true,
      });
      if (c.children) walk(c.children, c.code);
    });
  };
  walk(CATALOGUE_TEMPLATE, null);
  return out;
}
