/**
 * Body HTML → the plain text the checks run on, with the links found in it.
 *
 * How positions map to what the admin editor shows (Tiptap/ProseMirror over the sanitised body):
 * - the text is the concatenation of the text nodes, entities decoded, tags removed;
 * - each block element (p, h1–h6, li, blockquote, pre, div, tr, table, ul, ol, section, article, figure) starts
 *   on a new line, `<br>` is a line break, table cells are separated by a tab: the same text as the editor's
 *   `editor.getText({ blockSeparator: '\n' })` for paragraphs, headings and lists;
 * - runs of whitespace inside text collapse to one space and spaces at the start or end of a line are dropped,
 *   as ProseMirror does when it parses HTML;
 * - script, style, template and comments contribute nothing.
 * `start`/`end` of a finding are UTF-16 offsets into this text (end exclusive); the check endpoint returns the
 * text itself too, so the editor can place a highlight by counting characters in its own document.
 */
export interface HtmlLink {
  href: string;
  /** The tag the URL came from: a (href) or img (src). */
  tag: 'a' | 'img';
  start: number;
  end: number;
}

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'tr', 'table', 'thead', 'tbody', 'section', 'article', 'figure', 'figcaption', 'hr', 'dl', 'dt', 'dd', 'header', 'footer', 'address']);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'title', 'head']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', middot: '·', mdash: '—', ndash: '–', hellip: '…', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', times: '×', copy: '©', reg: '®', yen: '¥' };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return NAMED[e.toLowerCase()] ?? all;
  });
}

function attr(tagSource: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tagSource);
  if (!m) return null;
  return decodeEntities(m[1] ?? m[2] ?? m[3] ?? '').trim();
}

export function htmlToText(html: string): { text: string; links: HtmlLink[] } {
  let out = '';
  const links: HtmlLink[] = [];
  const open: { href: string; start: number }[] = [];
  let skipDepth = 0;
  let skipTag = '';
  const newline = () => {
    out = out.replace(/ +$/, '');
    if (out.length > 0 && !out.endsWith('\n')) out += '\n';
  };
  const addText = (raw: string) => {
    let t = decodeEntities(raw).replace(/[\s\u00a0]+/g, ' ');
    if (out.length === 0 || out.endsWith('\n') || out.endsWith('\t')) t = t.replace(/^ /, '');
    if (out.endsWith(' ') && t.startsWith(' ')) t = t.slice(1);
    out += t;
  };
  const re = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>/g;
  let last = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (skipDepth === 0 && m.index > last) addText(html.slice(last, m.index));
    last = re.lastIndex;
    const tag = m[2]?.toLowerCase();
    if (!tag) continue;
    const closing = m[1] === '/';
    if (skipDepth > 0) {
      if (tag === skipTag) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (SKIP.has(tag)) {
      if (!closing && !/\/\s*$/.test(m[3] ?? '')) {
        skipDepth = 1;
        skipTag = tag;
      }
      continue;
    }
    if (tag === 'br') {
      out = out.replace(/ +$/, '');
      out += '\n';
    } else if (tag === 'td' || tag === 'th') {
      if (!closing && out.length > 0 && !out.endsWith('\n')) out = `${out.replace(/ +$/, '')}\t`;
    } else if (BLOCKS.has(tag)) newline();
    if (tag === 'a') {
      if (!closing) {
        const href = attr(m[0], 'href');
        if (href) open.push({ href, start: out.length });
        else open.push({ href: '', start: out.length });
      } else {
        const a = open.pop();
        if (a && a.href) links.push({ href: a.href, tag: 'a', start: a.start, end: Math.max(a.start, out.replace(/ +$/, '').length) });
      }
    } else if (tag === 'img' && !closing) {
      const src = attr(m[0], 'src');
      if (src) links.push({ href: src, tag: 'img', start: out.length, end: out.length });
    }
  }
  if (skipDepth === 0 && last < html.length) addText(html.slice(last));
  for (const a of open) if (a.href) links.push({ href: a.href, tag: 'a', start: a.start, end: out.length });
  const text = out.replace(/[ \n\t]+$/, '');
  for (const l of links) {
    l.start = Math.min(l.start, text.length);
    l.end = Math.min(Math.max(l.end, l.start), text.length);
  }
  return { text, links: links.sort((a, b) => a.start - b.start) };
}

/** A few characters either side of [start, end), on one line, with the match kept whole. */
export function excerptAround(text: string, start: number, end: number, context = 12): string {
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  const s = `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  return s.replace(/\s+/g, ' ');
}
