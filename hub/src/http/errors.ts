import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '#shared/api-error';
import { ApiError } from '../errors.ts';

const body = (code: ErrorCode, message: string, field?: string): ErrorBody => ({
  error: field === undefined ? { code, message } : { code, message, field },
});

// "/contact/phone" in the body → "contact.phone"; an empty path is the whole part.
function fieldOf(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return path || (context === 'querystring' ? 'query' : (context ?? 'body'));
}

// One handler turns every thrown error into { error: { code, message, field } }.
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) {
      return reply.code(err.status).send(body(err.code, err.message, err.field));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const field = fieldOf(err.validationContext, first?.instancePath ?? '');
      return reply
        .code(400)
        .send(body('invalid', `${field}: ${first?.message ?? 'invalid'}`, field));
    }
    const status = err.statusCode ?? 500;
    if (status === 413)
      return reply.code(413).send(body('too_large', 'the body is too large', 'body'));
    if (status === 415) {
      return reply
        .code(400)
        .send(body('invalid', 'send the body as application/json', 'content-type'));
    }
    if (status === 429)
      return reply.code(429).send(body('rate_limited', 'too many requests; slow down'));
    if (status >= 400 && status < 500) {
      return reply.code(400).send(body('invalid', err.message.replace(/^Body /, 'body '), 'body'));
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send(body('internal', `internal error (request ${req.id})`));
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send(body('not_found', `no route ${req.method} ${req.url.split('?')[0]}`)),
  );
}
