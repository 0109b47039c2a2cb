/**
 * 依申请公开 pages of the portal: a unit's application page (guide text, Art. 43 help, the form), the receipt
 * that shows the query code once, and the progress lookup with its result. All are rendered per request
 * and never enter the page cache (apply.routes.ts).
 */
import { chineseDate } from '../../domain/calendar/civil-date.js';
import type { publicProgress } from '../../domain/requests/application-queries.js';
import type { Unit } from '../../domain/ports.js';
import { applyErrorSummary, applyForm, errorCount, progressForm, type FormErrors, type FormValues, type ProgressKey, type ProgressValues } from './apply-form.js';
import { h, paragraphs, type Html } from './html.js';
import type { Crumb } from './layout.js';
import { finishPage, unitCrumbs, unitHref, type PageEnv, type Site } from './site.js';
import { factsTable, officeFacts, unitNav } from './unit-pages.js';

export type Progress = Awaited<ReturnType<typeof publicProgress>>;

export const applyPath = (u: Pick<Unit, 'slug'>) => `${unitHref(u)}apply`;
export const unitProgressPath = (u: Pick<Unit, 'slug'>) => `${unitHref(u)}apply/progress`;
export const SITE_PROGRESS_PATH = '/progress';

const APPLY_LABEL = '依申请公开';
const PROGRESS_LABEL = '查询办理进度';
/** The page title tells screen-reader users at once that the submission came back with problems. */
const titled = (title: string, e: FormErrors<string>) => (errorCount(e) ? `提交有误：${title}` : title);

/** Art. 43, with the office's own phone and address so the help can actually be asked for. */
function assistance(u: Unit): Html {
  const how = [
    u.phone ? h`拨打电话 <span class="tel">${u.phone}</span>${u.officeHours ? `（${u.officeHours}）` : ''}` : '',
    u.address ? h`到${u.address}当面提出` : '',
  ].filter((x) => x !== '');
  return h`<div class="notice" role="note" aria-labelledby="help-title">
<h3 id="help-title">需要帮助</h3>
<p>申请人有阅读困难或者视听障碍的，行政机关应当为其提供必要的帮助（《条例》第四十三条）。采用书面形式确有困难的，可以口头提出申请，由${u.officeName ?? '政府信息公开工作机构'}代为填写（《条例》第二十九条）。</p>
${how.length ? h`<p>如需帮助，请${how.length === 2 ? h`${how[0]}，或者${how[1]}` : how[0]}。</p>` : ''}
</div>`;
}

export async function renderApplyPage(env: PageEnv, site: Site, unit: Unit, guideText: string, v: FormValues, e: FormErrors): Promise<string> {
  const main = h`<h1>${unit.name}政府信息公开申请</h1>
${applyErrorSummary(e)}
${unitNav(unit, 'apply')}
<section aria-labelledby="notes-title">
<h2 id="notes-title">申请须知</h2>
<div class="section-text">${paragraphs(guideText)}</div>
${assistance(unit)}
</section>
<section aria-labelledby="office">
<h2 id="office">受理机构信息</h2>
${factsTable('受理机构信息', officeFacts(unit))}
</section>
<section aria-labelledby="form-title">
<h2 id="form-title">在线提交申请</h2>
<p>请如实填写以下内容。标有“（必填）”的项目必须填写；申请人无需说明申请用途。已提交过申请的，可以<a href="${unitProgressPath(unit)}">查询办理进度</a>。</p>
${applyForm(applyPath(unit), v, e)}
</section>`;
  return finishPage(env, site, { title: titled(`${APPLY_LABEL} - ${unit.name}`, e), crumbs: unitCrumbs(site, unit, APPLY_LABEL), main, unit });
}

/** Shown once, in the answer to the POST: the query code exists nowhere else (only its hash is stored). */
export async function renderReceipt(env: PageEnv, site: Site, unit: Unit, r: { receiptNo: string; queryCode: string; email: boolean }): Promise<string> {
  const main = h`<h1>申请已提交</h1>
<section class="receipt" aria-labelledby="receipt-title">
<h2 id="receipt-title">申请回执</h2>
<dl>
<dt>受理单位</dt><dd>${unit.name}</dd>
<dt>受理编号</dt><dd class="code">${r.receiptNo}</dd>
<dt>查询码</dt><dd class="code">${r.queryCode}</dd>
</dl>
</section>
<div class="notice warn">
<p><strong>请立即记下或者打印、截图保存受理编号和查询码。</strong>查询码只在本页显示这一次：本平台不保存查询码原文，离开本页（包括点击页面顶部的字号、高对比度链接）后无法再次查看，邮件通知中也不包含查询码。</p>
</div>
<h2>接下来</h2>
<ol class="next">
<li>通过互联网提交的申请，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项）。${unit.officeName ?? '政府信息公开工作机构'}与您确认后，您的申请才视为收到，答复期限从确认之日起计算。</li>
<li>申请内容不明确的，受理机构将在收到申请之日起7个工作日内一次性告知您补正（《条例》第三十条）。</li>
<li>能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，需要延长的将告知您（《条例》第三十三条）。</li>
${r.email ? h`<li>办理过程中的重要环节将发送到您填写的电子邮箱。</li>` : ''}
</ol>
<p>您可以凭受理编号和查询码<a href="${unitProgressPath(unit)}">查询办理进度</a>。如有疑问，请联系${unit.officeName ?? unit.name}${unit.phone ? h`，电话 <span class="tel">${unit.phone}</span>` : ''}。</p>`;
  return finishPage(env, site, { title: `申请已提交 - ${unit.name}`, crumbs: unitCrumbs(site, unit, APPLY_LABEL), main, unit, qr: false });
}

function progressCrumbs(site: Site, unit: Unit | null): Crumb[] {
  return unit ? unitCrumbs(site, unit, PROGRESS_LABEL) : [{ label: '首页', href: '/' }, { label: PROGRESS_LABEL }];
}

export async function renderProgressForm(env: PageEnv, site: Site, unit: Unit | null, v: ProgressValues, e: FormErrors<ProgressKey>): Promise<string> {
  const action = unit ? unitProgressPath(unit) : SITE_PROGRESS_PATH;
  const main = h`<h1>${PROGRESS_LABEL}</h1>
${unit ? unitNav(unit, 'apply') : ''}
<p>请输入提交政府信息公开申请时获得的受理编号和查询码。遗失查询码的，请联系受理机构核实身份后查询。</p>
${progressForm(action, v, e)}`;
  return finishPage(env, site, { title: titled(unit ? `${PROGRESS_LABEL} - ${unit.name}` : PROGRESS_LABEL, e), crumbs: progressCrumbs(site, unit), main, unit, qr: !errorCount(e) });
}

const date = (d: string | null | undefined) => (d ? h`<time datetime="${d}">${chineseDate(d)}</time>` : h``);

function dueCell(p: Progress): Html {
  if (p.status === 'registered') return h`待确认收到后计算`;
  if (p.replyDue) return h`${date(p.replyDue)}${p.provisional ? '（临时推算）' : ''}`;
  if (p.repliedOn) return h`已答复`;
  return h`暂停计算，原因见下方说明`;
}

/**
 * Forms that act with the applicant's receipt number and query code (carried as hidden fields of the page the
 * applicant opened with them): download a served notice, send the correction asked for (Art. 30).
 */
function selfService(p: Progress, creds: { receiptNo: string; queryCode: string }, correctionError: string | null): Html | string {
  const hidden = h`<input type="hidden" name="receiptNo" value="${creds.receiptNo}"><input type="hidden" name="queryCode" value="${creds.queryCode}">`;
  const notices = p.notices.length
    ? h`<h2>告知书</h2><ul class="downloads">${p.notices.map((n) => h`<li><form method="post" action="${SITE_PROGRESS_PATH}/notice">${hidden}<input type="hidden" name="attachmentId" value="${n.id}"><button type="submit">下载 ${n.filename}</button></form></li>`)}</ul>`
    : '';
  const correction = p.status === 'correctionRequested'
    ? h`<h2 id="correction-title">提交补正内容</h2>
<p>受理机构已告知您补正申请内容（见办理记录和补正告知书）。在此提交补正后，答复期限自受理机构收到补正之日起重新计算（《条例》第三十条）。</p>
<form method="post" action="${SITE_PROGRESS_PATH}/correction" aria-labelledby="correction-title">${hidden}
<div class="field${correctionError ? ' has-error' : ''}"><label for="correction-text">补正内容（必填）</label>
${correctionError ? h`<p class="error" id="correction-error">${correctionError}</p>` : ''}
<textarea id="correction-text" name="text" rows="6" maxlength="4000" required${correctionError ? h` aria-describedby="correction-error" aria-invalid="true"` : ''}></textarea></div>
<p><button type="submit">提交补正</button></p></form>`
    : '';
  return h`${notices}${correction}`;
}

export async function renderProgressResult(env: PageEnv, site: Site, unit: Unit | null, p: Progress, creds?: { receiptNo: string; queryCode: string }, correctionError: string | null = null): Promise<string> {
  const back = unit ? unitProgressPath(unit) : SITE_PROGRESS_PATH;
  const rows: [string, Html | string][] = [
    ['受理编号', p.receiptNo],
    ['受理单位', p.unitName],
    ['当前状态', h`<strong>${p.statusLabel}</strong>`],
    ['收到申请日期', p.receivedOn ? date(p.receivedOn) : '尚未确认收到'],
    ['答复期限', dueCell(p)],
  ];
  if (p.outcomeLabel) rows.push(['处理结果', p.outcomeLabel]);
  if (p.repliedOn) rows.push(['答复日期', date(p.repliedOn)]);
  const main = h`<h1>申请办理进度</h1>
<table class="facts"><caption class="vh">申请办理情况</caption><tbody>${rows.map(([k, v]) => h`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody></table>
${p.status === 'registered' ? h`<div class="notice"><p>您的申请已提交，尚待受理机构确认收到。通过互联网提交的申请，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项），确认后开始计算答复期限。</p></div>` : ''}
${p.provisional ? h`<div class="notice warn"><p><strong>答复期限为临时推算：</strong>期限所在年度的法定节假日安排尚未公布，暂按周一至周五推算；公布后将自动重新计算，日期可能变化。</p></div>` : ''}
${p.steps.length ? h`<h2>答复期限的计算</h2><ol class="steps">${p.steps.map((s) => h`<li>${s.text}</li>`)}</ol>` : ''}
<h2>办理记录</h2>
<table class="data"><thead><tr><th scope="col">日期</th><th scope="col">办理环节</th><th scope="col">办理后状态</th></tr></thead>
<tbody>${p.history.map((x) => h`<tr><td>${x.on ? date(x.on) : '—'}</td><td data-label="办理环节">${x.action}</td><td data-label="办理后状态">${x.status}</td></tr>`)}</tbody></table>
${p.transferredTo ? h`<div class="notice"><p>本申请已转至<strong>${p.transferredTo.unitName}</strong>办理，当前状态：${p.transferredTo.statusLabel}${p.transferredTo.replyDue ? h`，答复期限 ${date(p.transferredTo.replyDue)}` : ''}。</p></div>` : ''}
${creds ? selfService(p, creds, correctionError) : ''}
<p><a href="${back}">查询其他申请</a></p>`;
  return finishPage(env, site, { title: `申请办理进度 - ${p.receiptNo}`, crumbs: progressCrumbs(site, unit), main, unit, qr: false });
}
