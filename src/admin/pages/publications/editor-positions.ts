/**
 * Check findings → ranges in the editor. The server gives `start`/`end` as offsets into the body's plain text
 * made by src/domain/publications/checks/html-text.ts (text nodes joined, '\n' around every block, '\n' for a
 * line break, '\t' before a table cell that does not start a line, whitespace collapsed, trailing spaces of a
 * line dropped). The same text is rebuilt here by walking the ProseMirror document, keeping for every character
 * the document position it came from, so an offset becomes a ProseMirror selection.
 *
 * The findings describe the saved body. After an edit the offsets may have moved: the matched text is read
 * back from the finding's excerpt and, when the text at the offsets differs, the nearest occurrence is used.
 */

/** The little of a ProseMirror node this needs (a structural type: no import of prosemirror-model). */
export interface DocNode {
  isText: boolean;
  text?: string | null | undefined;
  type: { name: string };
  forEach(f: (child: DocNode, offset: number) => void): void;
}

export interface MappedText {
  text: string;
  /** Document position of each character of `text`; -1 for separators the walk added. */
  pos: number[];
}

/** Nodes the server treats as blocks (p, h*, ul, ol, li, blockquote, table, tr, hr …). Cells take a tab instead. */
const BLOCKS = new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'table', 'tableRow', 'horizontalRule', 'codeBlock']);
const CELLS = new Set(['tableCell', 'tableHeader']);

export function mappedText(doc: DocNode): MappedText {
  const chars: string[] = [];
  const pos: number[] = [];
  const last = () => chars[chars.length - 1];
  const trimSpaces = () => {
    while (last() === ' ') {
      chars.pop();
      pos.pop();
    }
  };
  const push = (c: string, p: number) => {
    chars.push(c);
    pos.push(p);
  };
  const newline = () => {
    trimSpaces();
    if (chars.length > 0 && last() !== '\n') push('\n', -1);
  };
  const addText = (text: string, at: number) => {
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (/[\s\u00a0]/.test(c)) {
        // A run of whitespace is one space; none at the start of a line or after a space.
        if (chars.length === 0 || last() === '\n' || last() === '\t' || last() === ' ') continue;
        push(' ', at + i);
      } else push(c, at + i);
    }
  };
  const walk = (node: DocNode, contentStart: number) => {
    node.forEach((child, offset) => {
      const at = contentStart + offset;
      if (child.isText) return addText(child.text ?? '', at);
      const name = child.type.name;
      if (name === 'hardBreak') {
        trimSpaces();
        push('\n', -1);
        return;
      }
      const block = BLOCKS.has(name);
      if (block) newline();
      if (CELLS.has(name) && chars.length > 0 && last() !== '\n') {
        trimSpaces();
        push('\t', -1);
      }
      walk(child, at + 1);
      if (block) newline();
    });
  };
  walk(doc, 0);
  while (chars.length && /[ \n\t]/.test(last()!)) {
    chars.pop();
    pos.pop();
  }
  return { text: chars.join(''), pos };
}

/** The text the finding points at, read back from its excerpt (…context + match + context…, 12 characters each side). */
export function expectedMatch(f: { start?: number | undefined; end?: number | undefined; excerpt: string }): string | null {
  if (f.start === undefined || f.end === undefined || f.end <= f.start) return null;
  const from = Math.max(0, f.start - 12);
  const at = (from > 0 ? 1 : 0) + (f.start - from);
  const s = f.excerpt.slice(at, at + (f.end - f.start));
  return s.length === f.end - f.start ? s : null;
}

/**
 * [start, end) of a finding in `text`, checked against the excerpt: the offsets as given when the text there
 * still matches (or nothing can be checked, e.g. masked personal data), else the nearest occurrence of the
 * matched text, else null (the passage was edited away).
 */
export function locateInText(text: string, f: { start?: number | undefined; end?: number | undefined; excerpt: string; kind?: string }): [number, number] | null {
  if (f.start === undefined || f.end === undefined) return null;
  const want = f.kind === 'personalData' ? null : expectedMatch(f);
  const here = text.slice(f.start, f.end);
  if (!want || here.replace(/\s+/g, ' ') === want) return f.end <= text.length ? [f.start, f.end] : null;
  let best: number | null = null;
  for (let i = text.indexOf(want); i >= 0; i = text.indexOf(want, i + 1)) {
    if (best === null || Math.abs(i - f.start) < Math.abs(best - f.start)) best = i;
  }
  return best === null ? null : [best, best + want.length];
}

/** A finding's range as document positions, or null. */
export function findingRange(doc: DocNode, f: { start?: number | undefined; end?: number | undefined; excerpt: string; kind?: string }): { from: number; to: number } | null {
  const m = mappedText(doc);
  const r = locateInText(m.text, f);
  if (!r) return null;
  let [s, e] = r;
  while (s < e && m.pos[s]! < 0) s++;
  while (e > s && m.pos[e - 1]! < 0) e--;
  if (s >= e) return null;
  return { from: m.pos[s]!, to: m.pos[e - 1]! + 1 };
}
