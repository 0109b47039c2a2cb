/**
 * The GB/T 9704-2012 page in DOCX (docx 9), shared by the notice (render-docx.ts) and the annual report
 * (../report-render/docx.ts): A4 with margins 37/35/28/26 mm, body 仿宋_GB2312 三号, fixed line pitch, page
 * numbers "— n —" in 四号 宋体 alternating right/left (GB/T 9704 7.5). Font names are written as the standard
 * names them; Word and WPS substitute what the reader has installed.
 */
import {
  AlignmentType, Document, Footer, LineRuleType, PageNumber, Paragraph, Table, TextRun, convertMillimetersToTwip,
} from 'docx';
import { DOCX_FONTS, PAGE, TYPE } from './layout.js';

export const TWIP_PER_PT = 20;
export const halfPoints = (pt: number) => Math.round(pt * 2);
/** One character of body text (三号) in twips. */
export const em = TYPE.bodyPt * TWIP_PER_PT;
/** A CJK font with the Latin font the standard pairs it with. */
export const font = (eastAsia: string) => ({ ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia, cs: eastAsia });
/** Fixed line pitch, no space before or after: the page looks the same wherever it is opened. */
export const exactly = (pt: number) => ({ line: Math.round(pt * TWIP_PER_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 });
/** The width of the text block (156 mm). */
export const TEXT_WIDTH_TWIP = convertMillimetersToTwip(PAGE.widthMm - PAGE.marginMm.left - PAGE.marginMm.right);

/** 单页码居右空一字，双页码居左空一字 (GB/T 9704 7.5) */
const pageNumberFooter = (align: 'right' | 'left') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: TYPE.pageNumberPt * TWIP_PER_PT } : { left: TYPE.pageNumberPt * TWIP_PER_PT },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(DOCX_FONTS.pageNumber), size: halfPoints(TYPE.pageNumberPt) })],
      }),
    ],
  });

/** A one-section document on the GB/T 9704 page with odd/even page numbers and the body font as default. */
export function gbtDocument(meta: { title: string; subject: string; creator: string }, children: (Paragraph | Table)[]): Document {
  return new Document({
    ...meta,
    description: 'Gongkai 政府信息公开平台生成',
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(DOCX_FONTS.body), size: halfPoints(TYPE.bodyPt) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(PAGE.widthMm), height: convertMillimetersToTwip(PAGE.heightMm) },
            margin: {
              top: convertMillimetersToTwip(PAGE.marginMm.top), bottom: convertMillimetersToTwip(PAGE.marginMm.bottom),
              left: convertMillimetersToTwip(PAGE.marginMm.left), right: convertMillimetersToTwip(PAGE.marginMm.right),
              // The page number line 7 mm below the text block (GB/T 9704 7.5).
              footer: convertMillimetersToTwip(PAGE.marginMm.bottom - 7 - 5),
            },
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
}
