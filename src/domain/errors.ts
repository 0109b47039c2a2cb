/**
 * Domain errors carry a stable code and a Chinese message that tells the user what to do.
 * HTTP status codes are decided in the HTTP layer (src/http/plugins/errors.ts), never here.
 */
export type DomainErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'TOTP_REQUIRED'
  | 'TOTP_INVALID'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'INVALID_STATE'
  | 'CSRF'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_FILE';

export interface FieldError {
  /** dotted path of the field, e.g. "contacts.phone" or "rows.3.code" */
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly fields: FieldError[];
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DomainErrorCode, message: string, opts: { fields?: FieldError[]; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = opts.fields ?? [];
    this.details = opts.details;
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what}不存在或您无权查看`);
export const forbidden = (message = '您没有执行此操作的权限') => new DomainError('FORBIDDEN', message);
export const invalid = (fields: FieldError[], message = '提交的内容有误，请按提示修改') =>
  new DomainError('VALIDATION', message, { fields });
