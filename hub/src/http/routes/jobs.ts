import { jobParams, jobRunResult, jobsOverview as overviewSchema } from '#shared/schemas/console';
import { jobsOverview, runJobNow } from '../../services/jobs.ts';
import { actorOf, allow } from '../auth.ts';
import type { Route } from '../server.ts';

const tags = ['jobs'];

export const jobRoutes: Route = (app, ctx) => {
  app.get(
    '/api/staff/jobs',
    { schema: { tags, response: { 200: overviewSchema } }, onRequest: allow(ctx, 'read') },
    async () => jobsOverview(ctx),
  );
  // Admins only, like the audit log: a job touches the whole hub (backups, purges).
  app.post(
    '/api/staff/jobs/:name/run',
    {
      schema: { tags, params: jobParams, response: { 200: jobRunResult } },
      onRequest: allow(ctx, 'users'),
    },
    async (req) => runJobNow(ctx, actorOf(req), req.params.name),
  );
};
