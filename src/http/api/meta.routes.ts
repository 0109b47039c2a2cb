import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUDIT_ACTIONS } from '../../domain/audit/actions.js';
import { ACCOUNT_STATUS, ROLES, UNIT_LEVELS, UNIT_TYPES } from '../../domain/glossary.js';
import { GUIDE_SECTIONS } from '../../domain/guide/guide.js';
import type { HttpContext } from '../context.js';
import { APPLICANT_TYPES, ID_DOCUMENT_TYPES } from '../../domain/requests/applicant.js';
import { DELIVERY_METHODS, PROVISION_FORMS } from '../../domain/requests/application.js';
import { CHANNELS } from '../../domain/requests/deadline.js';
import { OUTCOME_GROUP_LABELS, OUTCOMES } from '../../domain/requests/outcome.js';
import { ACTIONS, STATUSES } from '../../domain/requests/status.js';

export const metaRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  app.get('/meta', { schema: { tags: ['元数据'], summary: '代码表：角色、单位类型、层级、审计操作、指南章节' } }, async () => ({
    siteName: ctx.config.siteName,
    roles: ROLES,
    unitTypes: UNIT_TYPES,
    unitLevels: UNIT_LEVELS,
    accountStatus: ACCOUNT_STATUS,
    auditActions: AUDIT_ACTIONS,
    entityTypes: { unit: '单位', account: '账号', guide: '公开指南', attachment: '附件', application: '依申请公开', calendar: '工作日历', annualReport: '年度报告', reportImport: '历史年报导入', publication: '主动公开信息', publicationColumn: '公开栏目', publicationCode: '主题/体裁分类', wordingEntry: '用语词库', offlinePublication: '其他渠道公开' },
    guideSections: GUIDE_SECTIONS,
    passwordMinLength: ctx.deps.settings.passwordMinLength,
    applications: {
      statuses: STATUSES, actions: ACTIONS, applicantTypes: APPLICANT_TYPES, idDocumentTypes: ID_DOCUMENT_TYPES,
      provisionForms: PROVISION_FORMS, deliveryMethods: DELIVERY_METHODS,
      channels: Object.fromEntries(Object.entries(CHANNELS).map(([k, v]) => [k, v.label])),
      outcomes: Object.fromEntries(Object.entries(OUTCOMES).map(([k, v]) => [k, { label: v.label, group: v.group, article: v.article }])),
      outcomeGroups: OUTCOME_GROUP_LABELS,
    },
  }));
};
