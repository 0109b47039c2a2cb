import { describe, expect, it } from 'vitest';
import { excerptAround, htmlToText } from './html-text.js';

describe('htmlToText', () => {
  it('puts blocks on their own lines, collapses whitespace and decodes entities', () => {
    const { text } = htmlToText('<h2>关于  做好\n工作的通知</h2><p>各单位：</p><p>&nbsp; 现将有关事项&lt;通知&gt;如下。<br>一、要求</p><ul><li>甲</li><li>乙</li></ul>');
    expect(text).toBe('关于 做好 工作的通知\n各单位：\n现将有关事项<通知>如下。\n一、要求\n甲\n乙');
  });
  it('drops scripts, styles and comments, separates table cells with a tab', () => {
    const { text } = htmlToText('<style>p{}</style><script>alert(1)</script><!-- x --><table><tr><td>姓名</td><td>职务</td></tr><tr><td>张三</td><td>局长</td></tr></table>');
    expect(text).toBe('姓名\t职务\n张三\t局长');
  });
  it('gives the links with the position of their text', () => {
    const html = '<p>详见<a href="/u/fgj/i/abc">《实施方案》</a>和<img src="/x.png">附件</p>';
    const { text, links } = htmlToText(html);
    expect(links).toHaveLength(2);
    expect(text.slice(links[0]!.start, links[0]!.end)).toBe('《实施方案》');
    expect(links[0]!.href).toBe('/u/fgj/i/abc');
    expect(links[1]).toMatchObject({ tag: 'img', href: '/x.png' });
  });
  it('keeps positions consistent with the text for every character', () => {
    const { text } = htmlToText('<p>第一段<strong>加粗</strong>文字</p><p>第二段</p>');
    expect(text.indexOf('加粗')).toBe(3);
    expect(excerptAround(text, 3, 5, 2)).toBe('…一段加粗文字…');
  });
});
