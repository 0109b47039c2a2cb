/**
 * Rich text is sanitised when it is saved, never trusted at render time alone: sanitize-html (a maintained
 * allow-list parser) keeps the structure documents need — headings, lists, tables, links, images from our own
 * attachments — and drops scripts, event handlers, styles, frames and any link that is not http(s) or relative.
 */
import sanitizeHtml from 'sanitize-html';

/** Images may only come from this platform's attachment URLs (portal download or the admin API). */
const OWN_IMAGE = /^(\/u\/[A-Za-z0-9_-]+\/i\/[A-Za-z0-9-]+\/files\/[A-Za-z0-9-]+|\/api\/v1\/publications\/items\/[A-Za-z0-9-]+\/attachments\/[A-Za-z0-9-]+(\/download)?)$/;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote', 'pre', 'code',
    'ul', 'ol', 'li', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'img', 'span', 'div',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    col: ['span'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Drop images that do not point at our attachments (tracking pixels, hot-linked or data: images).
  exclusiveFilter: (frame) => frame.tag === 'img' && !OWN_IMAGE.test(frame.attribs.src ?? ''),
  transformTags: {
    // External links open normally but never pass the referrer or a window handle.
    a: (tagName, attribs) => (/^https?:/i.test(attribs.href ?? '') ? { tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } } : { tagName, attribs }),
  },
};
(OPTIONS.allowedAttributes as Record<string, string[]>).a!.push('rel');

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/**
 * Plain-text fields (title, summary, metadata, file names) are text, escaped wherever they are shown; markup
 * typed into them is removed on save as well, so no consumer (feeds, exports, other systems) ever receives it.
 */
export function cleanText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/<\/?[A-Za-z!][^<>]*>/g, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}
