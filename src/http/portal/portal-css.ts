/**
 * The portal stylesheet, served as /assets/portal.<hash>.css with a year-long immutable cache: the hash
 * changes whenever this text does. It lives in a TS module so the esbuild bundle carries it (no asset copy).
 * Colours meet WCAG 2.1 AA (text ≥ 4.5:1) in both the normal and the high-contrast (适老化) scheme;
 * sizes are in rem so the 大/中/小 switch on <html> scales everything.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const PORTAL_CSS = `
:root{--fg:#1b1f24;--muted:#4a5462;--bg:#f3f5f8;--card:#fff;--line:#c9d1dc;--brand:#0f3f7a;--brand-fg:#fff;
--accent:#b3121a;--link:#0a56a8;--visited:#5a2d82;--th:#eaeff5;--tag-bg:#eef1f5;--tag-fg:#3d4855;--foot:#e6eaf0;--focus:#ffdd00}
html.hc{--fg:#fff;--muted:#fff;--bg:#000;--card:#000;--line:#fff;--brand:#000;--brand-fg:#fff;--accent:#ffff00;
--link:#ffff00;--visited:#ffff00;--th:#000;--tag-bg:#000;--tag-fg:#fff;--foot:#000}
html{font-size:100%;-webkit-text-size-adjust:100%;text-size-adjust:100%}
html.fs-s{font-size:87.5%}
html.fs-l{font-size:125%}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;
font-size:1rem;line-height:1.8;color:var(--fg);background:var(--bg);overflow-wrap:anywhere;
min-height:100vh;display:flex;flex-direction:column}
body>.wrap{flex:1 0 auto;width:100%}
img{max-width:100%}
a{color:var(--link);text-underline-offset:.2em}
a:visited{color:var(--visited)}
a:hover{text-decoration-thickness:.15em}
a:focus-visible,button:focus-visible{outline:3px solid transparent;background:var(--focus);color:#0b0c0c;
box-shadow:0 -2px var(--focus),0 4px #0b0c0c;text-decoration:none}
:focus-visible{outline:3px solid #0b0c0c;outline-offset:2px}
html.hc :focus-visible{outline-color:#fff}
main:focus{outline:none}
.vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip{position:absolute;left:.5rem;top:-10rem;z-index:10;padding:.5rem 1rem;background:var(--focus);color:#0b0c0c;font-weight:700}
.skip:focus{top:.5rem}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.site-header{background:var(--brand);color:var(--brand-fg);border-top:.375rem solid var(--accent);border-bottom:1px solid var(--line)}
.header-inner{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1.5rem;padding-top:1rem;padding-bottom:1rem}
.site-name{margin:0;font-size:1.5rem;font-weight:700;letter-spacing:.06em;line-height:1.4}
.site-name a,.site-name a:visited{color:var(--brand-fg);text-decoration:none}
.site-sub{display:block;font-size:.875rem;font-weight:400;letter-spacing:.02em}
.tools{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;font-size:.9375rem}
.tools ul{list-style:none;margin:0;padding:0;display:flex;gap:.25rem;align-items:center}
.tools a,.tools a:visited{color:var(--brand-fg);display:inline-block;min-width:2.25rem;padding:.125rem .5rem;text-align:center;
border:1px solid transparent;border-radius:.25rem}
.tools a[aria-current]{border-color:var(--brand-fg);font-weight:700;text-decoration:none}
.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;margin:1rem 0 0;padding:0;font-size:.9375rem;color:var(--muted)}
.crumbs li+li::before{content:"›" / "";margin:0 .5rem}
.page{background:var(--card);border:1px solid var(--line);padding:1.5rem;margin:1rem 0 2rem}
h1{font-size:1.75rem;line-height:1.4;margin:0 0 .5rem;color:var(--fg)}
h2{font-size:1.3125rem;line-height:1.5;margin:2rem 0 .75rem;padding-left:.625rem;border-left:.25rem solid var(--accent)}
h3{font-size:1.125rem;margin:1.5rem 0 .5rem}
p{margin:.5rem 0}
.meta{color:var(--muted);font-size:.9375rem;margin:0 0 1rem}
.lead{margin-bottom:1.5rem}
.unit-nav ul,.toc ol{list-style:none;margin:1rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.unit-nav a{display:inline-block;padding:.375rem 1rem;border:1px solid var(--line);border-radius:.25rem;text-decoration:none}
.unit-nav a[aria-current]{background:var(--brand);color:var(--brand-fg);border-color:var(--brand);font-weight:700}
html.hc .unit-nav a[aria-current]{border-color:#fff;text-decoration:underline}
.toc{border:1px solid var(--line);padding:.25rem 1rem;margin:1rem 0}
.toc ol{gap:.25rem 1.25rem}
.section-text p{text-indent:2em}
.cards{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,15rem),1fr));gap:.75rem}
.cards>li{border:1px solid var(--line);border-top:.1875rem solid var(--brand);padding:.75rem 1rem;background:var(--card)}
html.hc .cards>li{border-top-color:#fff}
.cards .title{font-weight:700;display:block}
.cards .desc{color:var(--muted);font-size:.9375rem;margin:.25rem 0 0}
.tag{display:inline-block;font-size:.8125rem;line-height:1.6;padding:0 .4rem;margin-left:.5rem;border:1px solid var(--line);
border-radius:.2rem;background:var(--tag-bg);color:var(--tag-fg);font-weight:400}
.tree,.tree ul{list-style:none;margin:0;padding:0}
.tree ul{margin:.25rem 0 .25rem 1rem;padding-left:1rem;border-left:1px solid var(--line)}
.tree li{margin:.25rem 0}
.group{margin:1rem 0}
table{width:100%;border-collapse:collapse;margin:.75rem 0 1rem}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.5rem .75rem;text-align:left;vertical-align:top}
th{background:var(--th);font-weight:700}
.facts th[scope=row]{width:38%}
.data td:first-child{min-width:4.5em}
.tel{overflow-wrap:break-word}
.empty{color:var(--muted)}
.site-footer{background:var(--foot);border-top:1px solid var(--line);padding:1.25rem 0 1.5rem;font-size:.9375rem}
.footer-inner{display:flex;flex-wrap:wrap;gap:1rem 2rem;justify-content:space-between;align-items:flex-start}
.footer-inner p{margin:.25rem 0}
.qr{margin:0;text-align:center;font-size:.875rem}
.qr img{display:block;width:7.5rem;height:7.5rem;margin:0 auto .25rem;background:#fff;padding:.25rem;border:1px solid var(--line)}
/* 依申请公开: notices, the form (labels above fields, errors beside them), the receipt. */
.notice{border-left:.375rem solid var(--brand);background:var(--tag-bg);color:var(--fg);padding:.5rem 1rem;margin:1rem 0}
.notice.warn{border-left-color:var(--accent)}
.notice h3{margin:.25rem 0}
html.hc .notice{border:1px solid #fff;border-left-width:.375rem}
.form fieldset{border:1px solid var(--line);margin:0 0 1.5rem;padding:.5rem 1rem .25rem;min-width:0}
.form fieldset.sub,.form fieldset.choices{border:0;padding:0;margin:0 0 1.25rem}
.form legend{font-weight:700;font-size:1.125rem;padding:0 .25rem}
.form fieldset.sub>legend,.form fieldset.choices>legend{font-size:1rem;padding:0;margin-bottom:.25rem}
.form .field{margin:0 0 1.25rem}
.form label{display:block;font-weight:700;margin-bottom:.25rem}
.need{font-weight:400;margin-left:.25rem}
.hint{color:var(--muted);font-size:.9375rem;margin:0 0 .375rem}
.form input[type=text],.form input[type=tel],.form input[type=email],.form select,.form textarea{display:block;width:100%;max-width:32rem;
font:inherit;line-height:1.5;color:var(--fg);background:var(--card);border:2px solid var(--fg);border-radius:0;padding:.375rem .5rem;min-height:2.75rem}
.form textarea{max-width:48rem;resize:vertical}
.form .w-m{max-width:20rem}
.form .w-s{max-width:9rem}
.form input:focus,.form select:focus,.form textarea:focus{outline:3px solid var(--focus);outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.choice{display:flex;align-items:flex-start;gap:.625rem;margin:.375rem 0}
.choice input{flex:none;width:1.5rem;height:1.5rem;margin:.25rem 0 0;accent-color:var(--brand)}
.form .choice label{font-weight:400;margin:0}
.has-error{border-left:.3125rem solid var(--accent);padding-left:.875rem}
.form fieldset.choices.has-error{border-left:.3125rem solid var(--accent);padding-left:.875rem}
.form [aria-invalid=true]{border-color:var(--accent)}
.field-error{color:var(--accent);font-weight:700;margin:0 0 .375rem}
.error-summary{border:.3125rem solid var(--accent);padding:.75rem 1rem;margin:0 0 1.5rem}
.error-summary h2{margin:0 0 .5rem;padding:0;border:0;font-size:1.1875rem}
.error-summary ul{margin:0;padding-left:1.25rem}
.error-summary a{color:var(--accent);font-weight:700}
button{font:inherit;font-weight:700;color:var(--brand-fg);background:var(--brand);border:2px solid transparent;border-radius:0;
padding:.5rem 1.5rem;min-height:2.75rem;cursor:pointer;box-shadow:0 2px 0 #0b0c0c}
html.hc button{background:#000;color:#ffff00;border-color:#ffff00}
.receipt{border:.3125rem solid var(--brand);padding:.75rem 1.25rem;margin:1rem 0}
html.hc .receipt{border-color:#fff}
.receipt h2{margin-top:0;border:0;padding:0}
.receipt dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.5rem 1rem;align-items:baseline;margin:0}
.receipt dt{font-weight:700}
.receipt dd{margin:0}
.receipt .code{font-size:1.75rem;font-weight:700;letter-spacing:.08em;font-family:ui-monospace,"DejaVu Sans Mono",Consolas,monospace;overflow-wrap:anywhere}
.next li,.steps li{margin:.25rem 0}
/* 主动公开: item lists, paging, the metadata table, the article, files and related items. */
.doc-list{list-style:none;margin:.5rem 0 1rem;padding:0}
.doc-list li{display:flex;flex-wrap:wrap;align-items:baseline;gap:.125rem 1rem;padding:.5rem 0;border-bottom:1px dashed var(--line)}
.doc-list li>a{flex:1 1 20rem;min-width:0}
.doc-no,.doc-date{color:var(--muted);font-size:.9375rem}
.doc-date{white-space:nowrap}
.doc-date{margin-left:auto}
.latest{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,26rem),1fr));gap:0 2rem}
.latest h3{margin-top:1rem}
.latest .doc-list li{padding:.375rem 0}
.more{text-align:right;margin:0 0 1rem}
.col-tree{margin:.5rem 0 1rem;padding-left:1.25rem}
.col-tree li{margin:.25rem 0}
.col-tree .tag,.cards .tag{margin-left:.5rem}
.subcols h2{font-size:1.125rem}
.pager ul{list-style:none;display:flex;flex-wrap:wrap;gap:.375rem;margin:1.25rem 0;padding:0}
.pager a{display:inline-block;min-width:2.75rem;min-height:2.75rem;line-height:2.75rem;padding:0 .75rem;text-align:center;border:1px solid var(--line);text-decoration:none}
.pager a[aria-current]{background:var(--brand);color:var(--brand-fg);border-color:var(--brand);font-weight:700}
html.hc .pager a[aria-current]{border-color:#fff;text-decoration:underline}
.pager .gap{line-height:2.75rem;padding:0 .25rem}
.feeds{font-size:.9375rem;color:var(--muted)}
.meta-table th{width:7em;white-space:nowrap}
.meta-table td{width:calc(50% - 7em)}
.hint-inline{color:var(--muted);font-size:.875rem}
.article-body{margin:1.5rem 0;font-size:1.0625rem;line-height:2}
.article-body p{text-indent:2em;margin:.75rem 0}
.article-body table p{text-indent:0}
.article-body img{height:auto}
.files ol,.related ul{padding-left:1.5rem}
.file-meta{color:var(--muted);font-size:.9375rem;margin-left:.25rem}
.related .doc-no{margin-left:.75rem}
.item-tools{margin-top:2rem;padding-top:.75rem;border-top:1px solid var(--line)}
@media (max-width:40rem){.meta-table,.meta-table tbody,.meta-table tr{display:block;width:100%}.meta-table tr{display:grid;grid-template-columns:minmax(6em,auto) 1fr}.meta-table th,.meta-table td{width:auto}.meta-table td[colspan]{grid-column:2}
.page{padding:1rem}th,td{padding:.375rem .5rem}h1{font-size:1.5rem}.site-name{font-size:1.25rem}.facts th[scope=row]{width:42%}}
/* Phones: each row of a data table becomes a small card (the first cell as its title, the others labelled). */
@media (max-width:30rem){
.data,.data tbody,.data tr,.data td{display:block;width:100%}
.data thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.data tr{border:1px solid var(--line);margin-bottom:.75rem}
.data td{border:0;border-top:1px solid var(--line)}
.data td:first-child{border-top:0;background:var(--th);font-weight:700;min-width:0}
.data td[data-label]::before{content:attr(data-label) "：";font-weight:700}
}
@media print{
.skip,.tools,.unit-nav,.toc,.form button,.no-print,.pager,.feeds,.crumbs{display:none!important}
html,body{background:#fff;color:#000}
body{font-size:11pt}
.site-header{background:none;color:#000;border:0;border-bottom:1pt solid #000}
.site-name a,.site-name a:visited{color:#000}
.page{border:0;padding:0;margin:0}
a,a:visited{color:#000}
main a[href]::after{content:" (" attr(href) ")";font-size:90%}
main a[href^="#"]::after{content:""}
table,tr,.qr{break-inside:avoid}
h2,h3{break-after:avoid}
.site-footer{background:none;border-top:1pt solid #000}
}
`.trim();

const hash = createHash('sha256').update(PORTAL_CSS).digest('hex').slice(0, 12);
export const PORTAL_CSS_PATH = `/assets/portal.${hash}.css`;

const body = Buffer.from(PORTAL_CSS, 'utf8');
export const PORTAL_CSS_BODIES = {
  identity: body,
  gzip: gzipSync(body, { level: 9 }),
  br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
};
