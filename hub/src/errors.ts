import type { ErrorCode } from '#shared/api-error';
import type { ErrorKey, ThingKey } from '#shared/i18n/api-errors';
export type { ThingKey };
import {
  errorText,
  renderError,
  renderFieldError,
  type ErrorParams,
  type ErrorText,
} from '#shared/i18n/error-text';
import type { Locale } from '#shared/enums';

export { errorText };

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

// Thrown by services; the HTTP layer turns it into the one error shape, with the message
// from shared/i18n/api-errors.ts in the requester's language (Accept-Language). The
// Error's own message is the English text, for logs and tests that read it directly.
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly text: ErrorText;
  readonly field: string | undefined;
  // Seconds, sent as Retry-After with a 429.
  retryAfter: number | undefined;
  constructor(code: ErrorCode, text: ErrorText, field?: string) {
    super(renderError(text, 'en'));
    this.code = code;
    this.text = text;
    this.field = field;
    this.status = STATUS[code];
  }

  // A service's message is a whole sentence; the field only places it on the form.
  messageIn(locale: Locale): string {
    return renderError(this.text, locale);
  }
}

// A refusal that names no field: fail('rate_limited', 'slowDown').
export const fail = <K extends ErrorKey>(code: ErrorCode, key: K, ...params: ErrorParams<K>) =>
  new ApiError(code, errorText(key, ...params));

// A refusal about one field: invalid('phone', 'phoneFormat'), conflict('capacity', 'capacityTaken', { n: 3 }).
export const invalid = <K extends ErrorKey>(field: string, key: K, ...params: ErrorParams<K>) =>
  new ApiError('invalid', errorText(key, ...params), field);
// The same, with the field's name in the message ("手机号：这不是有效的电话号码"), as the
// schema checks word theirs: for a reason that does not say which input it is about.
class NamedFieldError extends ApiError {
  override messageIn(locale: Locale): string {
    return this.field === undefined
      ? super.messageIn(locale)
      : renderFieldError(this.field, this.text, locale);
  }
}
export const invalidNamed = <K extends ErrorKey>(
  field: string,
  key: K,
  ...params: ErrorParams<K>
) => new NamedFieldError('invalid', errorText(key, ...params), field);
export const conflict = <K extends ErrorKey>(field: string, key: K, ...params: ErrorParams<K>) =>
  new ApiError('conflict', errorText(key, ...params), field);

export function retryAfter(e: ApiError, seconds: number): ApiError {
  e.retryAfter = seconds;
  return e;
}

export const notFound = (what: ThingKey) =>
  new ApiError('not_found', errorText('notFound', { what: { term: `thing.${what}` } }));

export function must<T>(value: T | undefined | null, what: ThingKey): T {
  if (value === undefined || value === null) throw notFound(what);
  return value;
}
