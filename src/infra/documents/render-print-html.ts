/**
 * The print view of a notice: one self-contained HTML page, no script, styles in a <style> block (the route
 * serving it sends its own CSP allowing inline styles and nothing else). On screen it shows an A4 sheet; printed,
 * the page box is A4 with the GB/T 9704 margins and the seal placeholder keeps its space but is not printed.
 */
import type { NoticeDocument } from '../../domain/requests/notices/notice-model.js';
import { PAGE, TYPE, signatureRightIndentsEm, textWidthEm } from './layout.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c] as string);

const m = PAGE.marginMm;
const CSS = `
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
* { box-sizing: border-box; }
html { background: #e8e8e8; }
body { margin: 0; color: #000; font-family: "仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: ${TYPE.bodyPt}pt; line-height: ${TYPE.linePt}pt; }
.sheet { width: ${PAGE.widthMm}mm; min-height: ${PAGE.heightMm}mm; margin: 12mm auto; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25);
  padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
h1 { margin: 0; font-family: "方正小标宋简体", "方正小标宋_GBK", "华文中宋", STZhongsong, "Noto Serif CJK SC", serif; font-weight: bold;
  font-size: ${TYPE.titlePt}pt; line-height: ${TYPE.titleLinePt}pt; text-align: center; }
h1 span { display: block; }
p { margin: 0; text-align: justify; }
.doc-no { text-align: right; margin: ${TYPE.linePt}pt 0; }
.body p { text-indent: ${TYPE.indentChars}em; }
table { width: 100%; border-collapse: collapse; margin: ${TYPE.linePt / 4}pt 0 ${TYPE.linePt / 2}pt; font-size: 14pt; line-height: 24pt; }
th, td { border: 0.6pt solid #000; padding: 4pt 6pt; vertical-align: middle; text-align: left; }
th { width: 6.5em; font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-weight: normal; text-align: center; }
.closing { break-inside: avoid; page-break-inside: avoid; }
.signature { margin-top: ${TYPE.linePt / 2}pt; position: relative; }
.signature p { text-align: right; }
.seal { color: #999; }
.seal-ring { position: absolute; width: 42mm; height: 42mm; border: 0.8pt dashed #b0b0b0; border-radius: 50%; }
.notes p { text-indent: ${TYPE.indentChars}em; }
@media print {
  html { background: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .seal, .seal-ring { visibility: hidden; }
}
`;

export function renderPrintHtml(doc: NoticeDocument): string {
  const indents = signatureRightIndentsEm(doc.signature.unitName, doc.signature.date);
  const sealCentre = indents.date + textWidthEm(doc.signature.date) / 2;
  const seal = doc.signature.seal;
  const html = doc.blocks.map((b) =>
    b.type === 'paragraph'
      ? `<p>${esc(b.text)}</p>`
      : `<table>${b.rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th><td>${esc(r.value)}</td></tr>`).join('')}</table>`,
  );
  // The last paragraph goes along with the signature: a page holding only the signature is not allowed.
  const last = doc.blocks.at(-1)?.type === 'paragraph' ? html.pop() : undefined;
  const body = html.join('\n');
  // Positions that depend on the text go into the <style> block as well, never into style="" attributes, so a
  // hash-based CSP can later replace 'unsafe-inline'.
  const computed = `
.seal { padding-right: ${Math.max(0, sealCentre - textWidthEm(seal) / 2).toFixed(2)}em; }
.sig-name { padding-right: ${indents.name.toFixed(2)}em; }
.sig-date { padding-right: ${indents.date.toFixed(2)}em; }
.seal-ring { right: calc(${sealCentre.toFixed(2)}em - 21mm); top: calc(${TYPE.linePt * 1.5}pt - 21mm); }`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(`${doc.shortName}（${doc.receiptNo}）`)}</title>
<style>${CSS}${computed}</style>
</head>
<body>
<main class="sheet">
<h1>${doc.title.map((l) => `<span>${esc(l)}</span>`).join('')}</h1>
<p class="doc-no">${esc(doc.docNo)}</p>
<p class="addressee">${esc(doc.addressee)}</p>
<div class="body">
${body}
</div>
<div class="closing">
${last ? `<div class="body">${last}</div>` : ''}
<div class="signature">
${seal ? `<div class="seal-ring" aria-hidden="true"></div>\n<p class="seal">${esc(seal)}</p>` : '<p>&#8203;</p>'}
<p class="sig-name">${esc(doc.signature.unitName)}</p>
<p class="sig-date">${esc(doc.signature.date)}</p>
</div>
<div class="notes">
${doc.notes.map((n) => `<p>${esc(n)}</p>`).join('\n')}
</div>
</div>
</main>
</body>
</html>
`;
}
