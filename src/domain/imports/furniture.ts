/**
 * Page furniture removal: navigation, breadcrumbs, font-size and print controls, share widgets, page metadata,
 * copyright and ICP lines that scraped report pages carry around the report. Rules work on whole lines and never
 * on report text: a line is dropped only when it matches a known furniture phrase (and is short), when it stands
 * before the report's title, or when it is in the tail after an end-of-page marker with nothing report-like
 * after it. Kept lines are trimmed; blank lines collapse. Origins are kept (MappedText).
 */
import { MappedBuilder, type MappedText } from './mapped-text.js';

export interface RemovedLine {
  text: string;
  offset: number;
  reason: 'furniture' | 'beforeTitle' | 'afterEnd';
}

/** Whole-line furniture (tested on the line with spaces removed, lines up to 80 characters). */
const FURNITURE: RegExp[] = [
  /^扫一扫在手机(上)?打开(当前页|本页)?$/,
  /^[【\[]?字[号体][:：]?.{0,12}[大中小].{0,12}$/,
  /^[【\[]?(打印本?页|打印|关闭(本页|窗口)?|返回(顶部|首页|列表)?|收藏(本页)?|分享到?.*|加入收藏|设为首页|我要打印|打印正文|保存本页)[】\]]?([【\[]?(打印本?页|打印|关闭(本页|窗口)?|返回(顶部|首页)?|收藏)[】\]]?)*$/,
  /^(当前位置|您(当前)?的?位置|所在位置|当前栏目)[:：]/,
  /^(网站)?首页([>＞»›\/|]|$)/,
  /^(上一篇|下一篇|上一条|下一条)[:：]?/,
  /(版权所有|copyright|©|ICP备|ICP证|网站标识码|公网安备|网站识别码|技术支持[:：]|主办单位[:：]|承办单位[:：]|主办[:：]|承办[:：]|维护单位[:：])/i,
  /^(网站地图|联系我们|网站声明|使用帮助|关于本站|无障碍|长者模式|繁体版?|简体版?|English|登录|注册|搜索|全站搜索|站内搜索)([|｜·\s]*(网站地图|联系我们|网站声明|使用帮助|关于本站|无障碍|长者模式|繁体版?|简体版?|English|登录|注册))*$/i,
  /^(浏览次数|访问量|阅读次数|点击数|点击量|浏览量)[:：]?\d*/,
  /^(发布日期|发布时间|发文日期|成文日期|生成日期|更新时间|日期)[:：].{0,30}$/,
  /^(来源|信息来源|文章来源|作者|责任编辑|编辑)[:：].{0,30}$/,
  /(信息索取号|索引号|索取号)[:：]/,
  /^(相关解读|相关文件|相关附件|相关链接|附件下载|附件)[:：]?$/,
  /^(微信|微博|QQ空间|QQ|人人网|腾讯微博|新浪微博|豆瓣)([|｜·\s]*(微信|微博|QQ空间|QQ|人人网|腾讯微博|新浪微博|豆瓣))*$/,
  /^(政务公开|信息公开|政府信息公开|办事服务|互动交流|走进\S{1,6}|新闻中心|网上办事|政民互动|专题专栏|数据发布|公众参与)([|｜·\s]+(政务公开|信息公开|政府信息公开|办事服务|互动交流|走进\S{1,6}|新闻中心|网上办事|政民互动|专题专栏|数据发布|公众参与|网站首页|首页))+$/,
];

/** Markers after which the page usually holds only furniture (attachments, share, pager). */
const END_MARKER = /^(相关附件|附件下载|附件|扫一扫在手机|上一篇|下一篇|【?打印本?页|【?关闭窗口|分享到)/;

const TITLE = /年度报告$/;

export function isFurnitureLine(line: string): boolean {
  const s = line.replace(/[\s\u3000]+/g, '');
  if (!s || s.length > 80) return false;
  return FURNITURE.some((re) => re.test(s));
}

export interface CleanText {
  text: MappedText;
  removed: RemovedLine[];
  /** line index (in the cleaned text) of the report's title, when one was found */
  titleLine: number | null;
}

interface Line {
  start: number;
  end: number;
  s: string;
}

function splitLines(m: MappedText): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const t = m.text;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || t[i] === '\n') {
      let a = start;
      let b = i;
      while (a < b && /[\s\u3000\u00a0\ufeff]/.test(t[a]!)) a++;
      while (b > a && /[\s\u3000\u00a0]/.test(t[b - 1]!)) b--;
      lines.push({ start: a, end: b, s: t.slice(a, b) });
      start = i + 1;
    }
  }
  return lines;
}

export function stripFurniture(m: MappedText): CleanText {
  const lines = splitLines(m);
  const keep = lines.map((l) => l.s.length > 0);
  const removed: RemovedLine[] = [];
  const drop = (i: number, reason: RemovedLine['reason']) => {
    if (!keep[i]) return;
    keep[i] = false;
    const l = lines[i]!;
    removed.push({ text: l.s, offset: m.origin[l.start] ?? 0, reason });
  };

  for (let i = 0; i < lines.length; i++) if (keep[i] && isFurnitureLine(lines[i]!.s)) drop(i, 'furniture');

  // The report's title: the first short line ending in 年度报告 (or 年度報告 before conversion).
  let title = -1;
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!.s.replace(/[\s\u3000]+/g, '').replace(/[。.:：]$/, '');
    if (keep[i] && s.length <= 60 && (TITLE.test(s) || /年度報告$/.test(s))) {
      title = i;
      break;
    }
  }
  if (title > 0) for (let i = 0; i < title; i++) drop(i, 'beforeTitle');

  // The tail: from an end marker in the last part of the page, when nothing report-like follows it.
  const kept = lines.map((_, i) => i).filter((i) => keep[i] || END_MARKER.test(lines[i]!.s));
  const cutFrom = Math.floor(kept.length * 0.6);
  for (let k = cutFrom; k < kept.length; k++) {
    const i = kept[k]!;
    if (!END_MARKER.test(lines[i]!.s.replace(/\s+/g, ''))) continue;
    const rest = kept.slice(k + 1);
    if (rest.every((j) => lines[j]!.s.length <= 40 && !/\d+\s*\|/.test(lines[j]!.s))) {
      for (const j of [i, ...rest]) drop(j, 'afterEnd');
      break;
    }
  }

  const out = new MappedBuilder();
  let titleLine: number | null = null;
  let lineNo = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!keep[i]) continue;
    const l = lines[i]!;
    if (out.length) out.push('\n', m.origin[l.start]! - 1 >= 0 ? m.origin[l.start]! - 1 : 0);
    if (i === title) titleLine = lineNo;
    out.pushSlice(m, l.start, l.end);
    lineNo++;
  }
  return { text: out.build(), removed, titleLine };
}
