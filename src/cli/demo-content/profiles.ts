/** Who publishes in the demo: each unit's kind, 机关代字 for 文号, leader, places and the staff named in the review ledger. */
import type { UnitKind } from './vocab.js';

export interface UnitProfile {
  key: string;
  kind: UnitKind;
  /** Short name used in titles: 市发改局, 城关镇 … */
  short: string;
  /** 机关代字 of its documents: 安发改〔2025〕12号 */
  docPrefix: string;
  leader: string;
  places: string;
  /** 信息员, 初审, 复审 names for units without demo accounts (the demo accounts act for fgj). */
  staff: [string, string, string];
  /** Relative volume: a township publishes a little less than the government. */
  scale: number;
}

export const PROFILES: Record<string, UnitProfile> = {
  gov: { key: 'gov', kind: 'gov', short: '市政府', docPrefix: '安府发', leader: '周建华', places: 'county', staff: ['唐晓敏', '曾凡', '邓一鸣'], scale: 1 },
  office: { key: 'office', kind: 'office', short: '市政府办', docPrefix: '安府办发', leader: '孙立新', places: 'county', staff: ['蒋丽', '吕方', '彭涛'], scale: 1 },
  fgw: { key: 'fgw', kind: 'dev', short: '市发改局', docPrefix: '安发改', leader: '冯志刚', places: 'county', staff: ['王磊', '刘洋', '赵敏'], scale: 1 },
  jyj: { key: 'jyj', kind: 'edu', short: '市教育局', docPrefix: '安教发', leader: '林海涛', places: 'county', staff: ['宋佳', '潘文', '田雨'], scale: 1 },
  zrzy: { key: 'zrzy', kind: 'land', short: '市自然资源局', docPrefix: '安自然资发', leader: '黄振宇', places: 'county', staff: ['袁野', '董洁', '梁宇'], scale: 1 },
  cgz: { key: 'cgz', kind: 'township', short: '城关镇', docPrefix: '城府发', leader: '罗春燕', places: 'cgz', staff: ['杜鹃', '范明', '石磊'], scale: 1 },
  sqz: { key: 'sqz', kind: 'township', short: '石桥镇', docPrefix: '石府发', leader: '谢文斌', places: 'sqz', staff: ['龙飞', '欧阳红', '简宁'], scale: 1 },
  tyx: { key: 'tyx', kind: 'township', short: '桃源乡', docPrefix: '桃府发', leader: '韦明', places: 'tyx', staff: ['韦丽', '杨勇', '陆琴'], scale: 1 },
};
