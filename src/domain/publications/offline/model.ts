/**
 * Information published through channels other than the disclosure website (Art. 23–25: 政府公报, 政务微博,
 * 政务微信 and other internet media, 新闻发布会, 报刊广播电视, 查阅场所, 公开栏/电子屏). Each record says which unit
 * published what, where, on which day and how many pieces of information it carried, so the annual report can
 * count them per channel (pre2019 indicators proactive.viaGazette / viaWeibo / viaWechat / viaOther).
 */
export const OFFLINE_CHANNELS = {
  gazette: '政府公报',
  weibo: '政务微博',
  wechat: '政务微信',
  noticeBoard: '公开栏/电子屏',
  pressConference: '新闻发布会',
  media: '报刊广播电视',
  readingPlace: '查阅场所',
  other: '其他',
} as const;
export type OfflineChannel = keyof typeof OFFLINE_CHANNELS;
export const OFFLINE_CHANNEL_KEYS = Object.keys(OFFLINE_CHANNELS) as OfflineChannel[];

export interface OfflinePublication {
  id: string;
  unitId: string;
  channel: OfflineChannel;
  /** The day it was published on that channel ('YYYY-MM-DD'). */
  publishedOn: string;
  title: string;
  /** Pieces of information carried (an issue of the gazette may carry several documents). */
  count: number;
  /** The same information on the portal, when there is one. */
  itemId: string | null;
  /** 期号, post URL, venue …: where to find it on that channel. */
  reference: string | null;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
}

export interface OfflineListQuery {
  unitIds: string[];
  channel?: OfflineChannel | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  offset: number;
  limit: number;
}

export interface OfflineChannelCount {
  unitId: string;
  channel: OfflineChannel;
  /** Records in the period. */
  records: number;
  /** Sum of their counts: pieces of information published. */
  items: number;
}

export interface OfflinePublicationRepository {
  get(id: string): Promise<OfflinePublication | undefined>;
  insert(p: OfflinePublication): Promise<void>;
  update(p: OfflinePublication): Promise<void>;
  delete(id: string): Promise<void>;
  list(q: OfflineListQuery): Promise<{ total: number; items: OfflinePublication[] }>;
  /** Records and pieces of information per unit and channel, with `published_on` in [fromOn, toOn]. */
  countByChannel(unitIds: string[], fromOn: string, toOn: string): Promise<OfflineChannelCount[]>;
}
