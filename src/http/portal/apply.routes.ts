/**
 * 依申请公开 on the portal, without JavaScript: GET/POST /u/:slug/apply (the form, then the receipt),
 * GET/POST /u/:slug/apply/progress and /progress (the lookup by receipt number and query code).
 *
 * - Per user, so never in the page cache (the fast path only serves what the cache holds) and `no-store`:
 *   the receipt carries the query code, which must not stay in a shared browser's or proxy's cache.
 * - Bodies are application/x-www-form-urlencoded, parsed with URLSearchParams by a parser scoped to these
 *   routes: registering @fastify/formbody globally would also let cross-site HTML forms reach the JSON API.
 * - Cross-site forgery: the application form checks that the POST comes from this site's own page (Origin, or
 *   Referer where an older browser sends no Origin). Chosen over a token because the form is anonymous, a forged
 *   submission gains an attacker nothing they could not submit themselves, and a check needs no cookie and
 *   cannot expire while someone takes an hour to fill the form in. The lookup changes nothing: no check.
 * - Both POSTs are rate-limited per client address (GONGKAI_RATE_PUBLIC_WRITE_PER_MINUTE) after the body is
 *   read, so the 429 answer gives the form back with what was typed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../../domain/ports.js';
import { publicProgress } from '../../domain/requests/application-queries.js';
import { attachEvidence } from '../../domain/requests/application-evidence.js';
import { checkFileType } from '../../domain/attachments/file-types.js';
import { sniffMime } from '../../infra/sniff.js';
import { applicantNoticeFile, submitCorrectionOnline } from '../../domain/requests/applicant-self-service.js';
import { registerApplication } from '../../domain/requests/register-application.js';
import { getPublicUnitPage } from '../../domain/units/unit-queries.js';
import type { HttpContext } from '../context.js';
import { formErrors, formValues, NO_ERRORS, toRegisterInput, type FormErrors, type FormValues, type ProgressKey, type ProgressValues } from './apply-form.js';
import { applyPath, renderApplyPage, renderProgressForm, renderProgressResult, renderReceipt, SITE_PROGRESS_PATH, unitProgressPath } from './apply-pages.js';
import { parsePrefs } from './prefs.js';
import { loadSite, type PageEnv } from './site.js';
import { renderGonePage, type UnitPageData } from './unit-pages.js';

const ONLINE_ACTOR: Actor = { accountId: null, name: '在线申请', unitId: null, roles: [] };
/** 4000 characters of description at 9 bytes each once percent-encoded, plus the other fields. */
const FORM_BODY_LIMIT = 128 * 1024;
/** Cheap refusal of paths that cannot be a unit before any database lookup (slugs: see unit-input.ts). */
const SLUG_LIKE = /^[a-z0-9-]{1,60}$/;
const APPLY_ROUTE = '/u/:slug/apply';

/** Thrown by the rate limiter for these routes; the scoped error handler turns it into the form again. */
class TooManySubmissions extends Error {
  readonly statusCode = 429;
  constructor(readonly seconds: number) {
    super(`提交过于频繁，请在 ${seconds} 秒后再试。`);
  }
}

const send = (reply: FastifyReply, status: number, html: string) =>
  reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);

const PROOF_LIMIT = 10 * 1024 * 1024;
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** The request's origin (Origin, else Referer) must be this site: the Fastify host or GONGKAI_PUBLIC_URL. */
export function fromOwnPage(req: FastifyRequest, publicUrl: string): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = req.headers.origin;
  const claimed = origin && origin !== 'null' ? origin : req.headers.referer;
  if (!claimed) return false;
  try {
    const from = new URL(claimed).origin;
    return from === new URL(`${req.protocol}://${req.host}`).origin || from === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

export async function registerApplyRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  const { deps, config } = ctx;
  const env = (req: FastifyRequest, path: string): PageEnv => ({ siteName: config.siteName, publicUrl: config.publicUrl, path, prefs: parsePrefs(req.headers.cookie) });
  const limited = {
    rateLimit: {
      max: config.rateLimit.publicWritePerMinute,
      timeWindow: 60_000,
      hook: 'preHandler' as const,
      errorResponseBuilder: (_req: FastifyRequest, c: { ttl: number }) => new TooManySubmissions(Math.max(1, Math.ceil(c.ttl / 1000))),
    },
  };
  const unitData = async (slug: string): Promise<UnitPageData | null> => (SLUG_LIKE.test(slug) ? getPublicUnitPage(deps, slug) : null);
  const guideText = (d: UnitPageData) => d.guide.find((s) => s.key === 'application')?.text ?? '';

  const applyPage = async (req: FastifyRequest, reply: FastifyReply, d: UnitPageData, status: number, v: FormValues, e: FormErrors) => {
    const site = await loadSite(deps);
    return send(reply, status, await renderApplyPage(env(req, applyPath(d.unit)), site, d.unit, guideText(d), v, e));
  };
  const gone = async (req: FastifyRequest, reply: FastifyReply, d: UnitPageData) =>
    send(reply, 410, await renderGonePage(env(req, applyPath(d.unit)), await loadSite(deps), d));

  const progressValues = (body: unknown): ProgressValues => {
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    return { receiptNo: str(b.receiptNo, 40), queryCode: str(b.queryCode, 20) };
  };
  /** The unit of a /u/:slug/apply/progress URL (null for /progress); undefined when the slug names no unit. */
  const progressUnit = async (req: FastifyRequest) => {
    const slug = (req.params as { slug?: string }).slug;
    if (slug === undefined) return null;
    return (await unitData(slug))?.unit;
  };
  const progressPage = async (req: FastifyRequest, reply: FastifyReply, status: number, v: ProgressValues, e: FormErrors<ProgressKey>) => {
    const unit = await progressUnit(req);
    if (unit === undefined) return reply.callNotFound();
    const path = unit ? unitProgressPath(unit) : SITE_PROGRESS_PATH;
    return send(reply, status, await renderProgressForm(env(req, path), await loadSite(deps), unit, v, e));
  };

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_req, body, done) => {
      const fields: Record<string, string> = {};
      for (const [k, v] of new URLSearchParams(body as string)) if (!(k in fields)) fields[k] = v;
      done(null, fields);
    });

    // Rate-limited: the same page again with what was typed and a summary saying when to retry. Anything else
    // goes on to the server's error handler (Chinese error page, no internals).
    scope.setErrorHandler(async (err, req, reply) => {
      if (!(err instanceof TooManySubmissions)) throw err;
      const general = [`${err.message}您填写的内容已保留在下方，无需重新填写。`];
      if (req.routeOptions.url === APPLY_ROUTE) {
        const d = await unitData((req.params as { slug: string }).slug);
        if (!d) return reply.callNotFound();
        return applyPage(req, reply, d, 429, formValues(req.body), { fields: {}, general });
      }
      return progressPage(req, reply, 429, progressValues(req.body), { fields: {}, general: [err.message] });
    });

    scope.get(APPLY_ROUTE, async (req, reply) => {
      const d = await unitData((req.params as { slug: string }).slug);
      if (!d) return reply.callNotFound();
      if (d.unit.status !== 'active') return gone(req, reply, d);
      return applyPage(req, reply, d, 200, formValues({}), NO_ERRORS);
    });

    scope.post(APPLY_ROUTE, { config: limited }, async (req, reply) => {
      const d = await unitData((req.params as { slug: string }).slug);
      if (!d) return reply.callNotFound();
      if (d.unit.status !== 'active') return gone(req, reply, d);
      // The form is multipart (it may carry a proof of identity); plain urlencoded posts are accepted too.
      let body: unknown = req.body;
      let proof: { filename: string; data: Buffer } | null = null;
      if (req.isMultipart()) {
        const fields: Record<string, string> = {};
        for await (const part of req.parts({ limits: { fileSize: PROOF_LIMIT, files: 1, fields: 40 } })) {
          if (part.type === 'file') {
            const data = await part.toBuffer();
            if (part.file.truncated) return applyPage(req, reply, d, 400, formValues(fields), { fields: {}, general: ['身份证明材料不能超过 10 MB，请压缩后重新选择'] });
            if (data.length) proof = { filename: part.filename, data };
          } else if (!(part.fieldname in fields)) fields[part.fieldname] = String(part.value);
        }
        body = fields;
      }
      const v = formValues(body);
      if (!fromOwnPage(req, config.publicUrl)) {
        return applyPage(req, reply, d, 403, v, { fields: {}, general: ['无法确认本次提交来自本平台的申请页面，申请未提交。请核对下方内容后再次点击“提交申请”；如仍不成功，请联系受理机构。'] });
      }
      try {
        if (proof) {
          const ext = proof.filename.split('.').pop()?.toLowerCase() ?? '';
          const problem = !['pdf', 'jpg', 'jpeg', 'png'].includes(ext) ? '请上传 PDF、JPG 或 PNG 文件' : typeof checkFileType(proof.filename, await sniffMime(proof.data)) === 'string' ? '文件内容与扩展名不符' : null;
          if (problem) return applyPage(req, reply, d, 400, v, { fields: {}, general: [`身份证明材料：${problem}，请重新选择`] });
        }
        const r = await registerApplication(deps, { ...ONLINE_ACTOR, ip: req.ip }, toRegisterInput(d.unit.id, v), { online: true });
        // Art. 29(一): the proof of identity goes with the application, sealed like the rest of the personal data.
        if (proof) await attachEvidence(deps, { accountId: null, name: '申请人（在线提交）', unitId: null, roles: [], system: true, ip: req.ip }, r.application.id, { ...proof, detectedMime: await sniffMime(proof.data) });
        const mailed = !!(v.email.trim() && config.mail.smtpUrl);
        const html = await renderReceipt(env(req, applyPath(d.unit)), await loadSite(deps), d.unit, { receiptNo: r.application.receiptNo, queryCode: r.queryCode, email: mailed });
        return send(reply, 200, html);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'VALIDATION') return applyPage(req, reply, d, 400, v, formErrors(e.fields, e.message));
        if (e instanceof DomainError && e.code === 'INVALID_STATE') return gone(req, reply, d);
        throw e;
      }
    });

    const progressGet = async (req: FastifyRequest, reply: FastifyReply) => progressPage(req, reply, 200, { receiptNo: '', queryCode: '' }, { fields: {}, general: [] });
    const progressPost = async (req: FastifyRequest, reply: FastifyReply) => {
      const v = progressValues(req.body);
      const fields: FormErrors<ProgressKey>['fields'] = {};
      if (!v.receiptNo) fields.receiptNo = '请填写受理编号';
      if (!v.queryCode) fields.queryCode = '请填写查询码';
      if (fields.receiptNo || fields.queryCode) return progressPage(req, reply, 400, v, { fields, general: [] });
      const unit = await progressUnit(req);
      if (unit === undefined) return reply.callNotFound();
      try {
        const p = await publicProgress(deps, v.receiptNo, v.queryCode);
        const path = unit ? unitProgressPath(unit) : SITE_PROGRESS_PATH;
        return send(reply, 200, await renderProgressResult(env(req, path), await loadSite(deps), unit, p, v));
      } catch (e) {
        // 404, and the same words whether the number or the code is wrong: the page must not confirm that a number exists.
        if (e instanceof DomainError && e.code === 'NOT_FOUND') return progressPage(req, reply, 404, v, { fields: {}, general: [e.message] });
        throw e;
      }
    };
    // The applicant's own actions, from the progress page (same origin only, rate-limited like the form).
    scope.post(`${SITE_PROGRESS_PATH}/notice`, { config: limited }, async (req, reply) => {
      const v = progressValues(req.body);
      const id = str((req.body as Record<string, unknown> | undefined)?.attachmentId, 64);
      try {
        const { attachment, data } = await applicantNoticeFile(deps, v.receiptNo, v.queryCode, id);
        return reply.type('application/pdf').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`).header('cache-control', 'no-store').send(data);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'NOT_FOUND') return progressPage(req, reply, 404, v, { fields: {}, general: ['未找到该告知书，请重新查询后下载'] });
        throw e;
      }
    });
    scope.post(`${SITE_PROGRESS_PATH}/correction`, { config: limited }, async (req, reply) => {
      const v = progressValues(req.body);
      const text = str((req.body as Record<string, unknown> | undefined)?.text, 4000);
      const show = async (status: number, error: string | null) =>
        send(reply, status, await renderProgressResult(env(req, SITE_PROGRESS_PATH), await loadSite(deps), null, await publicProgress(deps, v.receiptNo, v.queryCode), v, error));
      if (!fromOwnPage(req, config.publicUrl)) return show(403, '无法确认本次提交来自本平台的查询页面，补正未提交，请重新提交');
      try {
        await submitCorrectionOnline(deps, v.receiptNo, v.queryCode, { text }, req.ip);
        return show(200, null);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'VALIDATION') return show(400, e.fields[0]?.message ?? e.message);
        if (e instanceof DomainError && e.code === 'INVALID_STATE') return show(409, e.message);
        if (e instanceof DomainError && e.code === 'NOT_FOUND') return progressPage(req, reply, 404, v, { fields: {}, general: [e.message] });
        throw e;
      }
    });
    scope.get('/u/:slug/apply/progress', progressGet);
    scope.post('/u/:slug/apply/progress', { config: limited }, progressPost);
    scope.get(SITE_PROGRESS_PATH, progressGet);
    scope.post(SITE_PROGRESS_PATH, { config: limited }, progressPost);
  });
}
