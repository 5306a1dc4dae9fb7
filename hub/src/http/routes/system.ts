import { metricsAccess } from '../metrics-access.ts';
import { openapiDocument } from '../openapi.ts';
import type { Route } from '../server.ts';

export const systemRoutes: Route = (app, ctx, { metrics }) => {
  app.get('/healthz', { schema: { hide: true } }, async () => {
    ctx.store.db.prepare('SELECT 1').get();
    return { ok: true };
  });
  const access = metricsAccess(ctx.config);
  app.get(
    '/metrics',
    { schema: { hide: true }, ...(access ? { onRequest: access } : {}) },
    async (_req, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => openapiDocument(app));
};
