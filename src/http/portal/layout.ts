/**
 * The page shell shared by every portal page: skip link, header with the site name and the reading
 * preferences (适老化: 字号 大/中/小 and 高对比度, plain links so they work without JavaScript),
 * breadcrumbs, the main landmark, and a footer with the maintaining unit's contact and a QR code of the page.
 */
import QRCode from 'qrcode';
import type { Unit } from '../../domain/ports.js';
import { h, type Html } from './html.js';
import { PORTAL_CSS_PATH } from './portal-css.js';
import { FONT_SIZES, htmlClass, prefsHref, type Prefs } from './prefs.js';

export interface Crumb {
  label: string;
  href?: string | undefined;
}

export interface PageInput {
  siteName: string;
  /** Path of this page, e.g. /u/fgj/guide: the preference links come back here. */
  path: string;
  prefs: Prefs;
  title: string;
  crumbs: Crumb[];
  main: Html;
  /** Absolute URL of the page for the QR code and the printed copy; omitted on error pages. */
  absoluteUrl?: string | undefined;
  qrDataUri?: string | undefined;
  /** The unit that maintains the page: its contact goes in the footer. */
  unit?: Unit | null | undefined;
  /** The top-level unit (e.g. the city government) named as the site's sponsor (主办单位). */
  sponsor?: Unit | null | undefined;
  /** Extra elements for <head> (feed links, robots), built with `h`. */
  head?: Html | undefined;
}

function tools(path: string, prefs: Prefs): Html {
  const sizes = FONT_SIZES.map((s) => h`<li><a href="${prefsHref(path, { fs: s.value })}"${prefs.fs === s.value ? h` aria-current="true"` : ''}><span class="vh">字号</span>${s.label}</a></li>`);
  const contrast = prefs.hc
    ? h`<a href="${prefsHref(path, { hc: false })}">取消高对比度</a>`
    : h`<a href="${prefsHref(path, { hc: true })}">高对比度</a>`;
  return h`<nav class="tools" aria-label="阅读辅助"><span aria-hidden="true">字号</span><ul>${sizes}</ul>${contrast}</nav>`;
}

function crumbs(list: Crumb[]): Html {
  if (!list.length) return h``;
  const items = list.map((c, i) =>
    i === list.length - 1 || !c.href ? h`<li aria-current="page">${c.label}</li>` : h`<li><a href="${c.href}">${c.label}</a></li>`);
  return h`<nav class="crumbs" aria-label="当前位置"><ol>${items}</ol></nav>`;
}

function footer(p: PageInput): Html {
  const u = p.unit;
  const contact = u
    ? h`<p>${u.name}${u.officeName ? h`　政府信息公开工作机构：${u.officeName}` : ''}</p>
<p>${u.address ? h`地址：${u.address}` : ''}${u.postcode ? h`　邮编：${u.postcode}` : ''}${u.phone ? h`　电话：${u.phone}` : ''}</p>`
    : '';
  const sponsor = p.sponsor ? h`<p>主办单位：${p.sponsor.name}</p>` : '';
  const qr = p.qrDataUri
    ? h`<figure class="qr"><img src="${p.qrDataUri}" alt="手机扫码访问本页" width="120" height="120"><figcaption>手机扫码访问本页</figcaption></figure>`
    : '';
  return h`<footer class="site-footer"><div class="wrap footer-inner"><div>${contact}${sponsor}${p.absoluteUrl ? h`<p>本页网址：${p.absoluteUrl}</p>` : ''}</div>${qr}</div></footer>`;
}

export function renderPage(p: PageInput): string {
  return h`<!doctype html>
<html lang="zh-CN" class="${htmlClass(p.prefs)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title === p.siteName ? p.siteName : `${p.title} - ${p.siteName}`}</title>
<link rel="stylesheet" href="${PORTAL_CSS_PATH}">
<link rel="icon" href="data:,">
${p.head ?? ''}</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<header class="site-header"><div class="wrap header-inner"><p class="site-name"><a href="/">${p.sponsor ? h`<span class="site-sub">${p.sponsor.name}</span>` : ''}${p.siteName}</a></p>${tools(p.path, p.prefs)}</div></header>
<div class="wrap">
${crumbs(p.crumbs)}
<main id="main" class="page" tabindex="-1">
${p.main}
</main>
</div>
${footer(p)}
</body>
</html>
`.value;
}

const qrCache = new Map<string, string>();
/** The page's absolute URL as an SVG QR code in a data: URI (the CSP allows data: images, no request needed). */
export async function qrDataUri(url: string): Promise<string> {
  const hit = qrCache.get(url);
  if (hit) return hit;
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  const uri = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  if (qrCache.size > 2000) qrCache.clear();
  qrCache.set(url, uri);
  return uri;
}
