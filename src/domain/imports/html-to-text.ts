/**
 * HTML of a scraped report page → plain text with the page's block and line structure: block elements end a
 * line, each table cell (td/th) becomes its own line ending in " |" (an empty cell is a line holding only "|"),
 * scripts, styles and navigation elements are dropped, entities decoded, whitespace collapsed. Every output
 * character keeps the offset of the source character it came from (MappedText).
 *
 * A small linear scanner rather than a DOM parser: report pages are often broken HTML, and the reader only needs
 * text order and cell boundaries; a scanner never throws and runs in one pass (the import benchmark needs ≥ 50
 * reports per second).
 */
import { MappedBuilder, identityText, type MappedText } from './mapped-text.js';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table', 'tbody',
  'thead', 'tfoot', 'title', 'tr', 'ul', 'option',
]);
/** Elements whose content is never report text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'select', 'button', 'svg', 'iframe', 'object', 'textarea']);
const CELL = new Set(['td', 'th']);

const ENTITIES: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘',
  rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', times: '×', divide: '÷', copy: '©', reg: '®', yen: '¥', bull: '•',
  lsaquo: '‹', rsaquo: '›', laquo: '«', raquo: '»', deg: '°', plusmn: '±', permil: '‰',
};

/** True when the text looks like an HTML page or fragment rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  return /<(?:!doctype|html|body|div|p|table|td|tr|br|span|h[1-6]|meta|font|strong)\b[^>]*>/i.test(s.slice(0, 200_000));
}

export function htmlToText(html: string): MappedText {
  if (!looksLikeHtml(html)) return identityText(html.replace(/\r/g, ' '));
  const out = new MappedBuilder();
  const n = html.length;
  let i = 0;
  let pendingSpace = -1; // source offset of collapsed whitespace not yet written
  let cellOpen = false;
  let cellHasText = false;

  const newline = (at: number) => {
    out.popWhile((c) => c === ' ');
    pendingSpace = -1;
    if (out.length && out.lastChar() !== '\n') out.push('\n', at);
  };
  const emit = (s: string, at: number) => {
    if (pendingSpace >= 0 && out.length && out.lastChar() !== '\n') out.push(' ', pendingSpace);
    pendingSpace = -1;
    out.push(s, at);
    if (cellOpen) cellHasText = true;
  };
  const closeCell = (at: number) => {
    if (!cellOpen) return;
    out.popWhile((c) => c === ' ');
    pendingSpace = -1;
    if (cellHasText) out.push(' |', at);
    else {
      if (out.length && out.lastChar() !== '\n') out.push('\n', at);
      out.push('|', at);
    }
    out.push('\n', at);
    cellOpen = false;
    cellHasText = false;
  };

  while (i < n) {
    const c = html[i]!;
    if (c === '<') {
      if (html.startsWith('<!--', i)) {
        const end = html.indexOf('-->', i + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      if (html[i + 1] === '!' || html[i + 1] === '?') {
        // <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>
        const end = html.indexOf('>', i + 2);
        i = end < 0 ? n : end + 1;
        continue;
      }
      const m = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(i, i + 40));
      const close = html.indexOf('>', i + 1);
      if (!m || close < 0) {
        // a lone "<" in text
        emit('<', i);
        i++;
        continue;
      }
      const isEnd = m[1] === '/';
      const name = m[2]!.toLowerCase();
      const selfClosing = html[close - 1] === '/';
      if (!isEnd && SKIP.has(name) && !selfClosing) {
        const re = new RegExp(`<\\s*/\\s*${name}\\s*>`, 'ig');
        re.lastIndex = close + 1;
        const endTag = re.exec(html);
        i = endTag ? endTag.index + endTag[0].length : n;
        newline(i - 1);
        continue;
      }
      if (CELL.has(name)) {
        if (isEnd) closeCell(i);
        else {
          closeCell(i);
          newline(i);
          cellOpen = true;
          cellHasText = false;
        }
      } else if (name === 'tr' || name === 'table') {
        closeCell(i);
        newline(i);
      } else if (BLOCK.has(name)) newline(i);
      i = close + 1;
      continue;
    }
    if (c === '&') {
      const m = /^&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});?/.exec(html.slice(i, i + 12));
      if (m) {
        const ent = m[1]!;
        let ch: string | undefined;
        if (ent[0] === '#') {
          const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
          ch = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : undefined;
        } else ch = ENTITIES[ent.toLowerCase()];
        if (ch !== undefined) {
          if (/\s/.test(ch) && ch !== '\u3000') {
            if (pendingSpace < 0) pendingSpace = i;
          } else emit(ch, i);
          i += m[0].length;
          continue;
        }
      }
      emit('&', i);
      i++;
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\u00a0') {
      if (pendingSpace < 0) pendingSpace = i;
      i++;
      continue;
    }
    emit(c, i);
    i++;
  }
  closeCell(n);
  out.popWhile((ch) => ch === ' ' || ch === '\n');
  return out.build();
}
