/**
 * Paste from Word / WPS: their HTML carries conditional comments, <o:p> placeholders, <style>/<xml> blocks and
 * empty spacer paragraphs. ProseMirror's schema already drops mso- styles and classes; this removes the rest
 * before parsing, so pasted documents arrive as clean paragraphs, headings, lists and tables.
 */
export function cleanPastedHtml(html: string): string {
  return html
    // Conditional comments <!--[if …]>…<![endif]--> and plain comments (Word puts its list markers there).
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!\[if[^>]*>[\s\S]*?<!\[endif\]>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|xml|script|meta|link|title)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<(meta|link)\b[^>]*\/?>/gi, '')
    // Office namespaced tags (<o:p>, <w:…>, <v:…>, <st1:…>): keep their text, drop the tag.
    .replace(/<\/?[a-z]+:[a-z0-9]+\b[^>]*>/gi, '')
    // Empty paragraphs and headings (only spaces, &nbsp;, <br>) that Word uses as spacing.
    .replace(/<(p|h[1-6]|div)\b[^>]*>(?:\s|&nbsp;|&#160;|\u00a0|\u3000|<br\s*\/?>|<span\b[^>]*>(?:\s|&nbsp;|\u00a0)*<\/span>)*<\/\1>/gi, '');
}
