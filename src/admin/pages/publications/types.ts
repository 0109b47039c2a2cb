/** Shapes of the 主动公开 API (src/http/api/publications.routes.ts, catalogue.routes.ts, publication-reports.routes.ts). */
import type { CheckFinding } from '../../../domain/publications/checks/index.js';
import type {
  CatalogueColumn, CodeEntry, ItemContent, ItemLink, ItemStatus, ItemSummary, PublicationEvent, PublicationItem, PublicationSettings, ReviewStage, Validity,
} from '../../../domain/publications/model.js';

export { ITEM_STATUS_LABELS, LINK_LABELS, VALIDITY_LABELS } from '../../../domain/publications/model.js';
export type { CatalogueColumn, CheckFinding, CodeEntry, ItemLink, ItemStatus, ItemSummary, PublicationEvent, PublicationItem, PublicationSettings, ReviewStage, Validity };

export const STATUS_COLORS: Record<ItemStatus, string> = { draft: 'default', inReview: 'processing', scheduled: 'purple', published: 'success', withdrawn: 'error' };

export interface ItemAttachment {
  id: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
  url: string;
}

export interface ItemDetail {
  item: PublicationItem;
  attachments: ItemAttachment[];
  links: (ItemLink & { other: { id: string; title: string; status: ItemStatus; unitId: string; docNumber: string | null } | null })[];
  events: PublicationEvent[];
  can: { edit: boolean; submit: boolean; review: boolean; decidePending: boolean; requestChange: boolean };
  stageName: string | null;
}

export interface ItemList {
  total: number;
  items: ItemSummary[];
}

export type LedgerRow = PublicationEvent & { title: string; indexNumber: string | null };

export interface MonthCount {
  unitId: string;
  month: string;
  count: number;
  late: number;
}

export interface StaleColumn {
  column: CatalogueColumn;
  lastPublishedAt: string | null;
  daysSince: number | null;
}

/** What the drafter sends (POST/PUT /publications/items): the item's content and its links. */
export interface ItemInput extends ItemContent {
  interpretsId: string | null;
  amendsIds: string[];
  repealsIds: string[];
}

export const FINDING_KIND_LABELS: Record<CheckFinding['kind'], string> = { wording: '用语', personalData: '个人信息', metadata: '元数据', link: '链接' };
export const FINDING_FIELD_LABELS: Record<CheckFinding['field'], string> = { title: '标题', summary: '内容概述', body: '正文', attachment: '附件', metadata: '元数据' };

export const EVENT_LABELS: Record<PublicationEvent['action'], string> = {
  create: '新建', update: '修改', submit: '提交审核', approve: '审核通过', return: '退回修改', schedule: '定时发布', publish: '发布',
  unschedule: '取消定时发布', requestWithdraw: '申请撤稿', approveWithdraw: '批准撤稿', rejectWithdraw: '驳回撤稿申请',
  requestCorrection: '申请更正', approveCorrection: '批准更正', rejectCorrection: '驳回更正申请', delete: '删除草稿',
};
