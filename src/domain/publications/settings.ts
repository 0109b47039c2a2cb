/**
 * The review workflow's configuration per unit (Art. 17: review before publication; rules.md §2: 三审三校 —
 * 编辑初审、科室复审、领导终审). A unit without its own row uses the defaults below.
 *
 * Default roles: 初审 and 复审 by the unit's 审核员 (two different people, four-eyes), 终审 by a 公开办管理员 of the
 * unit or of the government above it (officeAdmin's scope is its subtree), who stands in for the head and is
 * accountable for what goes online (谁上网、谁负责). A unit that lets a reviewer act as head adds 'reviewer' to
 * the last stage's roles.
 */
import type { PublicationSettings, ReviewStage } from './model.js';

export const DEFAULT_STAGES: ReviewStage[] = [
  { name: '初审', roles: ['reviewer'], confidentialityReview: true },
  { name: '复审', roles: ['reviewer'], confidentialityReview: false },
  { name: '终审', roles: ['officeAdmin'], confidentialityReview: false },
];

export function defaultSettings(unitId: string, now: string): PublicationSettings {
  return { unitId, stages: DEFAULT_STAGES, fourEyes: true, indexPrefixSource: 'creditCode', indexSerialWidth: 5, updatedAt: now };
}
