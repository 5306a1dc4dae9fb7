import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '#shared/api-error';
import type { Locale } from '#shared/enums';
import type { ErrorKey } from '#shared/i18n/api-errors';
import { errorText, renderError, renderFieldError } from '#shared/i18n/error-text';
import { pickLocale } from '#shared/i18n/index';
import { issueReason, type IssueLike } from '#shared/i18n/issues';
import { ApiError } from '../errors.ts';

export const body = (code: ErrorCode, message: string, field?: string): ErrorBody => ({
  error: field === undefined ? { code, message } : { code, message, field },
});

// The requester's language: what the page asks for in Accept-Language, Chinese by default.
export const localeOf = (req: { headers: FastifyRequest['headers'] }): Locale =>
  pickLocale(req.headers['accept-language']);

// A refusal made by the HTTP layer itself, in the requester's language.
export const refusal = (req: FastifyRequest, code: ErrorCode, key: ErrorKey, field?: string) =>
  body(code, renderError({ key }, localeOf(req)), field);

// "/contact/phone" in the body → "contact.phone"; an empty path is the whole part.
function fieldOf(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return path || (context === 'querystring' ? 'query' : (context ?? 'body'));
}

const partOf = (req: FastifyRequest, context: string | undefined): unknown =>
  context === 'querystring'
    ? req.query
    : context === 'params'
      ? req.params
      : context === 'headers'
        ? req.headers
        : req.body;

// One handler turns every thrown error into { error: { code, message, field } }.
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    const locale = localeOf(req);
    if (err instanceof ApiError) {
      if (err.retryAfter !== undefined) void reply.header('retry-after', String(err.retryAfter));
      return reply.code(err.status).send(body(err.code, err.messageIn(locale), err.field));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const field = fieldOf(err.validationContext, first?.instancePath ?? '');
      const issue: IssueLike = {
        ...first?.params,
        code: first?.keyword ?? 'custom',
        message: first?.message,
        path: (first?.instancePath ?? '').split('/').filter(Boolean),
      };
      const why = issueReason(issue, partOf(req, err.validationContext));
      return reply.code(400).send(body('invalid', renderFieldError(field, why, locale), field));
    }
    const status = err.statusCode ?? 500;
    if (status === 413)
      return reply.code(413).send(refusal(req, 'too_large', 'bodyTooLarge', 'body'));
    if (status === 415)
      return reply.code(400).send(refusal(req, 'invalid', 'sendJson', 'content-type'));
    if (status === 429) return reply.code(429).send(refusal(req, 'rate_limited', 'slowDown'));
    if (status >= 400 && status < 500) {
      req.log.info({ err: err.message }, 'unreadable request');
      return reply.code(400).send(refusal(req, 'invalid', 'badBody', 'body'));
    }
    req.log.error({ err }, 'request failed');
    const text = renderError(errorText('internal', { id: req.id }), locale);
    return reply.code(500).send(body('internal', text));
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send(refusal(req, 'not_found', 'noRoute')),
  );
}
