/**
 * One error mapping for the whole server: DomainError codes → HTTP status, framework errors → Chinese
 * messages, anything unexpected → a 500 that says nothing about the internals (the details go to the log).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorCode, type FieldError } from '../../domain/errors.js';

const STATUS: Record<DomainErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  TOTP_REQUIRED: 401,
  TOTP_INVALID: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  INVALID_STATE: 409,
  CSRF: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
};

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldError[]; details?: Record<string, unknown> };
}

export function errorBody(code: string, message: string, fields?: FieldError[], details?: Record<string, unknown>): ErrorBody {
  return { error: { code, message, ...(fields?.length ? { fields } : {}), ...(details ? { details } : {}) } };
}

const FIELD_NAMES: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

export function toHttpError(err: unknown, req: FastifyRequest): { status: number; body: ErrorBody } {
  if (err instanceof DomainError) return { status: STATUS[err.code], body: errorBody(err.code, err.message, err.fields, err.details) };
  const e = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const fields = e.validation.map((v) => {
      const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
      return { path: path || FIELD_NAMES[e.validationContext ?? ''] || '(请求)', message: v.message ?? '格式不正确' };
    });
    return { status: 400, body: errorBody('VALIDATION', '提交的内容有误，请按提示修改', fields) };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: errorBody('VALIDATION', '请求内容不是有效的 JSON') };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return { status: 413, body: errorBody('PAYLOAD_TOO_LARGE', '上传的内容过大，请压缩或拆分后重试') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, body: errorBody('UNSUPPORTED_FILE', '不支持的请求格式') };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: errorBody('VALIDATION', '请求长度不正确') };
  }
  if (e.statusCode === 429) return { status: 429, body: errorBody('RATE_LIMITED', '操作过于频繁，请稍后再试') };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: errorBody('BAD_REQUEST', '请求无法处理，请检查后重试') };
  }
  req.log.error({ err }, 'unhandled error');
  return { status: 500, body: errorBody('INTERNAL', '服务器内部错误，请稍后重试；如持续出现请联系系统管理员') };
}

export function registerErrorHandling(app: FastifyInstance, renderHtmlError: (status: number, message: string) => string): void {
  const wantsHtml = (req: FastifyRequest) => !req.url.startsWith('/api/') && !req.url.startsWith('/admin/api');
  app.setErrorHandler((err, req, reply: FastifyReply) => {
    const { status, body } = toHttpError(err, req);
    if (wantsHtml(req)) return reply.status(status).type('text/html; charset=utf-8').send(renderHtmlError(status, body.error.message));
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    if (wantsHtml(req)) return reply.status(404).type('text/html; charset=utf-8').send(renderHtmlError(404, '您访问的页面不存在'));
    return reply.status(404).send(errorBody('NOT_FOUND', '接口不存在'));
  });
}
