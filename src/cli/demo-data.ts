/**
 * The demo: 安澜市 (a fictional county-level city) with its government office, three departments and three
 * townships, every Art. 12 guide fact filled in, and one account per role. Codes are valid 统一社会信用代码
 * built with the GB 32100 check character (11 = 机关, region 520381 is fictional here).
 */
import { orgCodeCheckChar, usccCheckChar } from '../domain/units/codes.js';
import type { CreateUnitInput } from '../domain/units/unit-input.js';
import type { Role } from '../domain/glossary.js';

export function demoUscc(serial: number): string {
  const org8 = `MB${String(1520 + serial).padStart(6, '0')}`;
  const first17 = `11520381${org8}${orgCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}

const HOURS = '周一至周五 上午9:00-12:00，下午14:30-18:00（法定节假日除外）';

export interface DemoUnit extends Omit<CreateUnitInput, 'parentId'> {
  key: string;
  parentKey: string | null;
}

export const DEMO_UNITS: DemoUnit[] = [
  {
    key: 'gov', parentKey: null, name: '安澜市人民政府', shortName: '安澜市政府', code: demoUscc(1), slug: 'anlan', type: 'government', level: 'county', sortOrder: 1,
    officeName: '安澜市人民政府办公室（市政务公开办公室）', address: '安澜市府前大道88号市民中心A座3楼', officeHours: HOURS,
    phone: '0851-86221001', fax: '0851-86221002', email: 'zwgk@anlan.gov.cn', website: 'https://www.anlan.gov.cn', postcode: '564700',
    functions: '执行市人民代表大会及其常务委员会的决议和上级国家行政机关的决定、命令，规定行政措施，发布决定和命令；领导所属各工作部门和下级人民政府的工作；执行国民经济和社会发展计划、预算，管理本行政区域内的经济、教育、科学、文化、卫生、体育事业和城乡建设等行政工作。',
    leaders: [
      { name: '周建华', title: '市长', duties: '主持市人民政府全面工作。' },
      { name: '吴晓梅', title: '常务副市长', duties: '负责市政府常务工作，分管发展改革、财政、审计、政务公开等工作。' },
      { name: '郑国强', title: '副市长', duties: '分管教育、自然资源和规划、乡村振兴等工作。' },
    ],
    internalBodies: [
      { name: '市人民政府办公室', duties: '负责市政府日常运转和政务公开工作。', phone: '0851-86221001' },
    ],
  },
  {
    key: 'office', parentKey: 'gov', name: '安澜市人民政府办公室', shortName: '市政府办', code: demoUscc(2), slug: 'zfb', type: 'generalOffice', level: 'county', sortOrder: 10,
    officeName: '安澜市人民政府办公室政务公开科', address: '安澜市府前大道88号市民中心A座3楼305室', officeHours: HOURS,
    phone: '0851-86221010', fax: '0851-86221011', email: 'zfbgk@anlan.gov.cn', website: 'https://www.anlan.gov.cn/zfb', postcode: '564700',
    functions: '负责市政府会议的组织和文电、会务、机要、档案等日常运转工作；组织、指导、协调、监督全市政务公开和政府信息公开工作，是全市政府信息公开工作主管部门。',
    leaders: [
      { name: '孙立新', title: '主任', duties: '主持市政府办公室全面工作。' },
      { name: '何丽', title: '副主任', duties: '分管政务公开、电子政务工作。' },
    ],
    internalBodies: [
      { name: '秘书科', duties: '负责文电处理、会务组织。', phone: '0851-86221012' },
      { name: '政务公开科', duties: '负责全市政务公开、政府信息公开、政府网站管理工作。', phone: '0851-86221010' },
    ],
  },
  {
    key: 'fgw', parentKey: 'gov', name: '安澜市发展和改革局', shortName: '市发改局', code: demoUscc(3), slug: 'fgj', type: 'department', level: 'county', sortOrder: 20,
    officeName: '安澜市发展和改革局办公室', address: '安澜市府前大道88号市民中心B座5楼', officeHours: HOURS,
    phone: '0851-86222001', fax: '0851-86222002', email: 'fgj@anlan.gov.cn', website: 'https://www.anlan.gov.cn/fgj', postcode: '564700',
    functions: '拟订并组织实施全市国民经济和社会发展规划；统筹协调经济社会发展，研究分析经济形势；负责重大建设项目审批、核准和备案；推进经济体制改革；负责价格管理工作。',
    leaders: [
      { name: '冯志刚', title: '局长', duties: '主持局全面工作。' },
      { name: '陈雪', title: '副局长', duties: '分管规划、投资、政务公开工作。' },
    ],
    internalBodies: [
      { name: '办公室', duties: '负责机关日常运转、政务公开。', phone: '0851-86222001' },
      { name: '规划投资股', duties: '负责发展规划和固定资产投资管理。', phone: '0851-86222003' },
      { name: '价格管理股', duties: '负责价格监督管理。', phone: '0851-86222004' },
    ],
  },
  {
    key: 'jyj', parentKey: 'gov', name: '安澜市教育局', shortName: '市教育局', code: demoUscc(4), slug: 'jyj', type: 'department', level: 'county', sortOrder: 30,
    officeName: '安澜市教育局办公室', address: '安澜市文昌路12号', officeHours: HOURS,
    phone: '0851-86223001', fax: '0851-86223002', email: 'jyj@anlan.gov.cn', website: 'https://www.anlan.gov.cn/jyj', postcode: '564701',
    functions: '贯彻执行国家教育方针政策；统筹规划全市教育事业发展；负责各级各类学校的管理和招生工作；负责教育经费的统筹管理；指导教师队伍建设。',
    leaders: [
      { name: '林海涛', title: '局长', duties: '主持局全面工作。' },
      { name: '许静', title: '副局长', duties: '分管基础教育、招生考试工作。' },
    ],
    internalBodies: [
      { name: '办公室', duties: '负责机关日常运转、政务公开。', phone: '0851-86223001' },
      { name: '基础教育股', duties: '负责义务教育和学前教育管理。', phone: '0851-86223005' },
    ],
  },
  {
    key: 'zrzy', parentKey: 'gov', name: '安澜市自然资源和规划局', shortName: '市自然资源局', code: demoUscc(5), slug: 'zrzyj', type: 'department', level: 'county', sortOrder: 40,
    officeName: '安澜市自然资源和规划局办公室', address: '安澜市建设路36号', officeHours: HOURS,
    phone: '0851-86224001', fax: '0851-86224002', email: 'zrzyj@anlan.gov.cn', website: 'https://www.anlan.gov.cn/zrzyj', postcode: '564700',
    functions: '履行全民所有土地、矿产、森林、草原、湿地、水等自然资源资产所有者职责；负责国土空间规划、用途管制和生态修复；负责土地征收征用的组织实施和不动产登记工作。',
    leaders: [{ name: '黄振宇', title: '局长', duties: '主持局全面工作。' }],
    internalBodies: [
      { name: '办公室', duties: '负责机关日常运转、政务公开。', phone: '0851-86224001' },
      { name: '国土空间规划股', duties: '负责国土空间规划编制和实施监督。', phone: '0851-86224006' },
    ],
  },
  {
    key: 'cgz', parentKey: 'gov', name: '安澜市城关镇人民政府', shortName: '城关镇', code: demoUscc(6), slug: 'chengguan', type: 'township', level: 'township', sortOrder: 50,
    officeName: '城关镇党政综合办公室', address: '安澜市城关镇解放路1号', officeHours: HOURS,
    phone: '0851-86225001', fax: '0851-86225002', email: 'cgz@anlan.gov.cn', website: 'https://www.anlan.gov.cn/cgz', postcode: '564700',
    functions: '贯彻执行党和国家的方针政策；组织实施本镇经济社会发展规划；负责社会事务管理、社会救助、农村土地承包管理、宅基地审核等工作；提供基本公共服务。',
    leaders: [{ name: '罗春燕', title: '镇长', duties: '主持镇政府全面工作。' }],
    internalBodies: [{ name: '党政综合办公室', duties: '负责日常运转、政务公开。', phone: '0851-86225001' }],
  },
  {
    key: 'sqz', parentKey: 'gov', name: '安澜市石桥镇人民政府', shortName: '石桥镇', code: demoUscc(7), slug: 'shiqiao', type: 'township', level: 'township', sortOrder: 60,
    officeName: '石桥镇党政综合办公室', address: '安澜市石桥镇兴隆街18号', officeHours: HOURS,
    phone: '0851-86226001', fax: '0851-86226002', email: 'sqz@anlan.gov.cn', website: 'https://www.anlan.gov.cn/sqz', postcode: '564702',
    functions: '组织实施本镇经济社会发展规划；负责农田水利建设、土地承包经营权流转、社会救助、民生保障等工作。',
    leaders: [{ name: '谢文斌', title: '镇长', duties: '主持镇政府全面工作。' }],
    internalBodies: [{ name: '党政综合办公室', duties: '负责日常运转、政务公开。', phone: '0851-86226001' }],
  },
  {
    key: 'tyx', parentKey: 'gov', name: '安澜市桃源乡人民政府', shortName: '桃源乡', code: demoUscc(8), slug: 'taoyuan', type: 'township', level: 'township', sortOrder: 70,
    officeName: '桃源乡党政综合办公室', address: '安澜市桃源乡政府街2号', officeHours: HOURS,
    phone: '0851-86227001', fax: '0851-86227002', email: 'tyx@anlan.gov.cn', website: 'https://www.anlan.gov.cn/tyx', postcode: '564703',
    functions: '组织实施本乡经济社会发展规划；负责农村政策落实、宅基地审核、社会救助、乡村振兴等工作。',
    leaders: [{ name: '韦明', title: '乡长', duties: '主持乡政府全面工作。' }],
    internalBodies: [{ name: '党政综合办公室', duties: '负责日常运转、政务公开。', phone: '0851-86227001' }],
  },
];

export const DEMO_ACCOUNTS: { username: string; displayName: string; unitKey: string; role: Role; roleUnitKey: string }[] = [
  { username: 'admin', displayName: '系统管理员', unitKey: 'office', role: 'sysAdmin', roleUnitKey: 'gov' },
  { username: 'gkb', displayName: '李娜', unitKey: 'office', role: 'officeAdmin', roleUnitKey: 'gov' },
  { username: 'xxy', displayName: '王磊', unitKey: 'fgw', role: 'infoOfficer', roleUnitKey: 'fgw' },
  { username: 'shy', displayName: '刘洋', unitKey: 'fgw', role: 'reviewer', roleUnitKey: 'fgw' },
  // 主动公开 three-stage review: 初审 shy, 复审 fsh (another reviewer: four-eyes), 终审 gkb (公开办管理员).
  { username: 'fsh', displayName: '赵敏', unitKey: 'fgw', role: 'reviewer', roleUnitKey: 'fgw' },
  { username: 'jbr', displayName: '陈静', unitKey: 'office', role: 'caseHandler', roleUnitKey: 'gov' },
  { username: 'jdy', displayName: '杨帆', unitKey: 'office', role: 'supervisor', roleUnitKey: 'gov' },
];
