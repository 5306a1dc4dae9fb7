import type { ErrorCode } from '#shared/api-error';

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

// Thrown by services; the HTTP layer turns it into the one error shape.
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new ApiError('not_found', `${what} not found`);
export const invalid = (field: string, message: string) => new ApiError('invalid', message, field);
export const conflict = (message: string, field?: string) =>
  new ApiError('conflict', message, field);

export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw notFound(what);
  return value;
}
