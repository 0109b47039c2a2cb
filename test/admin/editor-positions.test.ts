/**
 * The editor's finding → selection mapping rebuilds exactly the plain text the server's checks number their
 * offsets in (html-text.ts), from the ProseMirror document of the same body: headings, lists, tables, bold,
 * line breaks, collapsed whitespace. Every character maps back to the document position it came from, and a
 * finding's excerpt re-finds its text after an edit moved the offsets.
 */
import { getSchema } from '@tiptap/core';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { expectedMatch, findingRange, locateInText, mappedText, type DocNode } from '../../src/admin/pages/publications/editor-positions.js';
import { excerptAround, htmlToText } from '../../src/domain/publications/checks/html-text.js';

const schema = getSchema([StarterKit.configure({ heading: { levels: [2, 3, 4] }, codeBlock: false, code: false }), Table, TableRow, TableHeader, TableCell]);
const n = (type: string, content: unknown[] = [], attrs: Record<string, unknown> | null = null) => schema.node(type, attrs, content as never);
const t = (s: string, marks: string[] = []) => schema.text(s, marks.map((m) => schema.mark(m)));
const p = (...c: unknown[]) => n('paragraph', c);

/** Each case: a document and the HTML Tiptap stores for it. */
const CASES: { name: string; doc: ReturnType<typeof n>; html: string }[] = [
  {
    name: 'paragraphs, heading, bold',
    doc: n('doc', [n('heading', [t('一、背景')], { level: 2 }), p(t('根据'), t('国土', ['bold']), t('资源部有关规定。')), p(t('特此通知。'))]),
    html: '<h2>一、背景</h2><p>根据<strong>国土</strong>资源部有关规定。</p><p>特此通知。</p>',
  },
  {
    name: 'lists and a line break',
    doc: n('doc', [n('bulletList', [n('listItem', [p(t('第一项'))]), n('listItem', [p(t('第二项'), n('hardBreak'), t('续行 文字'))])]), n('orderedList', [n('listItem', [p(t('甲'))])], { start: 3 })]),
    html: '<ul><li><p>第一项</p></li><li><p>第二项<br>续行 文字</p></li></ul><ol start="3"><li><p>甲</p></li></ol>',
  },
  {
    name: 'a table with a header row',
    doc: n('doc', [
      n('table', [n('tableRow', [n('tableHeader', [p(t('品种'))]), n('tableHeader', [p(t('频次'))])]), n('tableRow', [n('tableCell', [p(t('猪肉'))]), n('tableCell', [p(t('每周'))])])]),
      p(t('表后 正文，联系电话13812345678。')),
    ]),
    html: '<table><tbody><tr><th colspan="1" rowspan="1"><p>品种</p></th><th colspan="1" rowspan="1"><p>频次</p></th></tr><tr><td colspan="1" rowspan="1"><p>猪肉</p></td><td colspan="1" rowspan="1"><p>每周</p></td></tr></tbody></table><p>表后 正文，联系电话13812345678。</p>',
  },
  {
    name: 'a blockquote and a rule',
    doc: n('doc', [n('blockquote', [p(t('引文'))]), n('horizontalRule'), p(t('后文'))]),
    html: '<blockquote><p>引文</p></blockquote><hr><p>后文</p>',
  },
];

describe('finding positions in the editor', () => {
  for (const c of CASES) {
    it(`rebuilds the checks' text and maps every character back (${c.name})`, () => {
      const m = mappedText(c.doc as unknown as DocNode);
      expect(m.text).toBe(htmlToText(c.html).text);
      for (let i = 0; i < m.text.length; i++) {
        const at = m.pos[i]!;
        if (at < 0) expect(m.text[i]).toMatch(/[\n\t]/);
        else expect(c.doc.textBetween(at, at + 1)).toBe(m.text[i]);
      }
    });
  }

  it('turns a finding of the server into the document range of exactly its text, across marks', () => {
    const c = CASES[0]!;
    const text = htmlToText(c.html).text;
    const start = text.indexOf('国土资源部');
    const f = { start, end: start + 5, excerpt: excerptAround(text, start, start + 5), kind: 'wording' };
    expect(expectedMatch(f)).toBe('国土资源部');
    const r = findingRange(c.doc as unknown as DocNode, f)!;
    expect(c.doc.textBetween(r.from, r.to)).toBe('国土资源部');
  });

  it('re-finds the text by its excerpt when an edit moved it, and gives up when it is gone', () => {
    const text = '根据国土资源部有关规定，国土资源部另行通知。';
    const start = text.lastIndexOf('国土资源部');
    const f = { start, end: start + 5, excerpt: excerptAround(text, start, start + 5), kind: 'wording' };
    expect(locateInText(text, f)).toEqual([start, start + 5]);
    expect(locateInText(`补充${text}`, f)).toEqual([start + 2, start + 7]);
    expect(locateInText('根据自然资源部有关规定。', f)).toBeNull();
    // Personal data excerpts are masked: the offsets are used as they are.
    const pd = '联系电话13812345678。';
    expect(locateInText(pd, { start: 4, end: 15, excerpt: '联系电话138****5678。', kind: 'personalData' })).toEqual([4, 15]);
  });
});
