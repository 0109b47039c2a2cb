/**
 * A notice as DOCX (docx 9), laid out per GB/T 9704-2012 for staff to edit, print and seal. Font names are
 * written as the standard names them (方正小标宋简体, 仿宋_GB2312, 黑体); Word and WPS substitute what the
 * reader has installed. Lines have a fixed pitch so the page looks the same wherever it is opened.
 */
import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow,
  TextRun, VerticalAlign, WidthType,
} from 'docx';
import type { NoticeBlock, NoticeDocument } from '../../domain/requests/notices/notice-model.js';
import { DOCX_FONTS, TYPE, signatureRightIndentsEm, textWidthEm } from './layout.js';
import { TEXT_WIDTH_TWIP, TWIP_PER_PT, em, exactly, font, gbtDocument, halfPoints } from './docx-page.js';

const run = (text: string, opts: { font?: string; size?: number; color?: string } = {}) =>
  new TextRun({ text, font: font(opts.font ?? DOCX_FONTS.body), size: halfPoints(opts.size ?? TYPE.bodyPt), ...(opts.color ? { color: opts.color } : {}) });

const bodyLine = (text: string, opts: { align?: 'left' | 'right' | 'center' | 'both'; firstLine?: boolean; right?: number; keepNext?: boolean; color?: string } = {}) =>
  new Paragraph({
    children: [run(text, { color: opts.color })],
    alignment: opts.align === 'right' ? AlignmentType.RIGHT : opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'both' ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
    spacing: exactly(TYPE.linePt),
    indent: { ...(opts.firstLine ? { firstLine: TYPE.indentChars * em } : {}), ...(opts.right ? { right: Math.round(opts.right) } : {}) },
    keepNext: opts.keepNext ?? false,
    keepLines: true,
  });

function table(rows: Extract<NoticeBlock, { type: 'table' }>['rows']): Table {
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const labelWidth = Math.round(6.5 * em);
  const cell = (text: string, width: number, label: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 80, bottom: 80, left: 100, right: 100 },
      children: [new Paragraph({ alignment: label ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { line: 24 * TWIP_PER_PT, lineRule: LineRuleType.EXACT }, children: [run(text, { font: label ? DOCX_FONTS.heading : DOCX_FONTS.body, size: 14 })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIP, type: WidthType.DXA },
    columnWidths: [labelWidth, TEXT_WIDTH_TWIP - labelWidth],
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map((r) => new TableRow({ cantSplit: true, children: [cell(r.label, labelWidth, true), cell(r.value, TEXT_WIDTH_TWIP - labelWidth, false)] })),
  });
}

export function docxDocument(doc: NoticeDocument): Document {
  const children: (Paragraph | Table)[] = [];
  for (const line of doc.title) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactly(TYPE.titleLinePt), keepNext: true, children: [run(line, { font: DOCX_FONTS.title, size: TYPE.titlePt })] }));
  }
  children.push(bodyLine('', { keepNext: true }), bodyLine(doc.docNo, { align: 'right', keepNext: true }), bodyLine('', { keepNext: true }));
  children.push(bodyLine(doc.addressee, { keepNext: true }));
  doc.blocks.forEach((b, i) => {
    // The last paragraph stays with the signature: a page holding only the signature is not allowed.
    const last = i === doc.blocks.length - 1;
    if (b.type === 'paragraph') children.push(bodyLine(b.text, { align: 'both', firstLine: true, keepNext: last }));
    else children.push(table(b.rows), bodyLine(''));
  });
  const indents = signatureRightIndentsEm(doc.signature.unitName, doc.signature.date);
  const sealRight = (indents.date + textWidthEm(doc.signature.date) / 2 - textWidthEm(doc.signature.seal) / 2) * em;
  // Seal area: one blank line, then the placeholder centred over name and date, where the seal will press.
  children.push(bodyLine('', { keepNext: true }));
  children.push(bodyLine(doc.signature.seal, { align: 'right', right: Math.max(0, sealRight), keepNext: true, color: '999999' }));
  children.push(bodyLine(doc.signature.unitName, { align: 'right', right: indents.name * em, keepNext: true }));
  children.push(bodyLine(doc.signature.date, { align: 'right', right: indents.date * em, keepNext: doc.notes.length > 0 }));
  doc.notes.forEach((n, i) => children.push(bodyLine(n, { firstLine: true, keepNext: i < doc.notes.length - 1 })));

  return gbtDocument({ title: `${doc.shortName}（${doc.receiptNo}）`, subject: doc.title.join(''), creator: doc.signature.unitName }, children);
}

export async function renderDocx(doc: NoticeDocument): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(doc));
}
