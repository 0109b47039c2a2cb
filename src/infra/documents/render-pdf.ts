/**
 * A notice as PDF with pdfmake 0.3 and Debian's fonts-noto-cjk. No free 仿宋 or 小标宋 with simplified glyphs
 * exists in Debian, so Noto Serif CJK SC stands in for the body (仿宋) and its bold for the title (小标宋);
 * Noto Sans CJK SC stands in for 黑体 in form labels. TTC collections are addressed as [file, PostScript name].
 * Laying out and subsetting these CFF fonts costs 0.3–0.7 s of CPU per notice (about 2 s for the first one),
 * so rendering runs in a worker thread (pdf-worker.ts) and never blocks the server's event loop.
 */
import fs from 'node:fs';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { NoticeDocument } from '../../domain/requests/notices/notice-model.js';
import { MM, PAGE, TYPE, signatureRightIndentsEm, textWidthEm } from './layout.js';
import { pdfWorker } from './pdf-worker.js';

export const NOTO_DIR = '/usr/share/fonts/opentype/noto';
export interface PdfFontFiles {
  serif: string;
  serifBold: string;
  sans: string;
}
export const DEBIAN_NOTO: PdfFontFiles = {
  serif: `${NOTO_DIR}/NotoSerifCJK-Regular.ttc`,
  serifBold: `${NOTO_DIR}/NotoSerifCJK-Bold.ttc`,
  sans: `${NOTO_DIR}/NotoSansCJK-Regular.ttc`,
};

/** Noto CJK's natural line height is 1.437 em (ascent 1151, descent 286 per 1000): scale it to a fixed pitch. */
const NOTO_LINE_EM = 1.437;
const pitch = (linePt: number, fontPt: number) => linePt / (fontPt * NOTO_LINE_EM);

export class MissingFontError extends Error {
  constructor(file: string) {
    super(`缺少中文字体文件 ${file}，无法生成 PDF。请安装 Debian 软件包 fonts-noto-cjk：apt-get install -y --no-install-recommends fonts-noto-cjk`);
    this.name = 'MissingFontError';
  }
}

const mm = (v: number) => v * MM;

/** The page-number line; the worker turns it into pdfmake's footer function (functions do not cross threads). */
export interface PdfFooter {
  fontSize: number;
  margin: [number, number, number, number];
}

export function pdfDefinition(doc: NoticeDocument): { definition: TDocumentDefinitions; footer: PdfFooter } {
  const em = TYPE.bodyPt;
  const body = { fontSize: TYPE.bodyPt, lineHeight: pitch(TYPE.linePt, TYPE.bodyPt) };
  const indents = signatureRightIndentsEm(doc.signature.unitName, doc.signature.date);
  const content: Content[] = [
    { text: doc.title.join('\n'), font: 'NotoSerifSC', bold: true, fontSize: TYPE.titlePt, lineHeight: pitch(TYPE.titleLinePt, TYPE.titlePt), alignment: 'center' },
    { text: doc.docNo, ...body, alignment: 'right', margin: [0, TYPE.linePt / 2, 0, TYPE.linePt / 2] },
    { text: doc.addressee, ...body },
  ];
  const blocks: Content[] = doc.blocks.map((b) =>
    b.type === 'paragraph'
      ? { text: b.text, ...body, leadingIndent: TYPE.indentChars * em, alignment: 'justify' }
      : {
          table: {
            dontBreakRows: true,
            widths: [em * 6.5, '*'],
            body: b.rows.map((r) => [
              { text: r.label, font: 'NotoSansSC', fontSize: 14, alignment: 'center', margin: [0, 3, 0, 3] },
              { text: r.value, fontSize: 14, lineHeight: pitch(24, 14), margin: [4, 3, 4, 3] },
            ]),
          },
          layout: 'notice', // thin rules, defined in the worker (functions cannot cross threads)
          margin: [0, TYPE.linePt / 4, 0, TYPE.linePt / 2],
        },
  );
  // GB/T 9704 forbids a page holding only the signature: the last paragraph goes along with it.
  const last = doc.blocks.at(-1)?.type === 'paragraph' ? blocks.pop() : undefined;
  content.push(...blocks);

  // The seal area: a dashed 42 mm circle (the usual size of an agency seal) centred on the name line, so name
  // and date sit in its lower half as they will under the seal (居中下压发文机关署名和成文日期).
  const textWidth = mm(PAGE.widthMm - PAGE.marginMm.left - PAGE.marginMm.right);
  const sealR = mm(21);
  const sealX = textWidth - (indents.date + textWidthEm(doc.signature.date) / 2) * em;
  const sealY = TYPE.linePt * 2;
  const seal = doc.signature.seal;
  content.push({
    unbreakable: true,
    stack: [
      ...(last ? [last] : []),
      {
        stack: [
          ...(seal ? [{ canvas: [{ type: 'ellipse' as const, x: sealX, y: sealY, r1: sealR, r2: sealR, lineColor: '#b0b0b0', lineWidth: 0.8, dash: { length: 3, space: 3 } }], relativePosition: { x: 0, y: 0 } }] : []),
          // One blank line above the name (GB/T 9704 7.3.5.1), carrying the placeholder's label.
          { text: seal || ' ', ...body, color: '#9a9a9a', alignment: 'right', margin: [0, TYPE.linePt / 2, Math.max(0, textWidth - sealX - (textWidthEm(seal) * em) / 2), 0] },
          { text: doc.signature.unitName, ...body, alignment: 'right', margin: [0, 0, indents.name * em, 0] },
          { text: doc.signature.date, ...body, alignment: 'right', margin: [0, 0, indents.date * em, 0] },
        ],
      },
      // 附注: on the line below the date, indented two characters, in parentheses (GB/T 9704 7.3.6).
      ...doc.notes.map((n): Content => ({ text: n, ...body, leadingIndent: TYPE.indentChars * em })),
    ],
  });

  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [mm(PAGE.marginMm.left), mm(PAGE.marginMm.top), mm(PAGE.marginMm.right), mm(PAGE.marginMm.bottom)],
    defaultStyle: { font: 'NotoSerifSC', fontSize: TYPE.bodyPt },
    info: {
      title: `${doc.shortName}（${doc.receiptNo}）`,
      author: doc.signature.unitName,
      subject: doc.title.join(''),
      creator: 'Gongkai 政府信息公开平台',
      producer: 'Gongkai 政府信息公开平台',
      // The issue date, not the moment of rendering: the same notice renders to the same document.
      creationDate: new Date(`${doc.issuedOn}T00:00:00+08:00`),
    },
    content,
  };
  // 页码: 四号半角阿拉伯数字，左右各一条一字线, below the text block, outer side; only when the notice runs over a page.
  return { definition, footer: { fontSize: TYPE.pageNumberPt, margin: [mm(PAGE.marginMm.left) + em, mm(7), mm(PAGE.marginMm.right) + em, 0] } };
}

export function checkFonts(files: PdfFontFiles): void {
  for (const f of Object.values(files)) if (!fs.existsSync(f)) throw new MissingFontError(f);
}

export async function renderPdf(doc: NoticeDocument, files: PdfFontFiles = DEBIAN_NOTO): Promise<Buffer> {
  checkFonts(files);
  const { definition, footer } = pdfDefinition(doc);
  return pdfWorker(files).render(definition, footer);
}
