/**
 * The document model of a formal notice (告知书): what every renderer (DOCX, PDF, the print view) lays out, so
 * the three always say the same thing. Built by build-notice.ts from the application and the unit's templates.
 * Layout follows GB/T 9704-2012 (党政机关公文格式), simplified for notices: title, 文号, addressee, body,
 * the issuing unit and the date with the seal area, 附注.
 */
import type { CivilDate } from '../../calendar/civil-date.js';

export const NOTICE_KINDS = {
  receipt: '登记回执',
  correction: '补正告知书',
  extension: '延期答复告知书',
  thirdParty: '征求第三方意见书',
  fee: '收费通知书',
  reply: '答复告知书',
} as const;
export type NoticeKind = keyof typeof NOTICE_KINDS;
export const NOTICE_KIND_CODES = Object.keys(NOTICE_KINDS) as NoticeKind[];

export type NoticeBlock =
  /** A body paragraph: first line indented two characters. */
  | { type: 'paragraph'; text: string }
  /** A two-column form (label, value), as on a 登记回执. */
  | { type: 'table'; rows: { label: string; value: string }[] };

export interface NoticeDocument {
  kind: NoticeKind;
  /** Which template produced it (e.g. reply.partial), for the record. */
  templateKey: string;
  /** The short name used in file names and lists: 补正告知书, 部分公开告知书 … */
  shortName: string;
  /** Title lines, centred (小标宋 二号). */
  title: string[];
  /** 文号 (e.g. 安发改依申请〔2025〕12号) or, on a receipt, the receipt number line. */
  docNo: string;
  /** The addressee line including the full-width colon, flush left: 欧阳明月： */
  addressee: string;
  blocks: NoticeBlock[];
  signature: {
    unitName: string;
    /** 2025年4月20日 */
    date: string;
    /** Placeholder shown where the seal goes; empty for none. */
    seal: string;
  };
  /** 附注 lines, e.g. （联系电话：0851-86222001） */
  notes: string[];
  receiptNo: string;
  issuedOn: CivilDate;
}

/** Every text in the document in reading order (for search, tests and plain-text previews). */
export function noticeText(doc: NoticeDocument): string {
  const body = doc.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.rows.map((r) => `${r.label}：${r.value}`).join('\n')));
  return [...doc.title, doc.docNo, doc.addressee, ...body, doc.signature.unitName, doc.signature.date, ...doc.notes].filter(Boolean).join('\n');
}
