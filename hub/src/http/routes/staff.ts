import { z } from 'zod';
import { idParam, isoDateTime, okResponse } from '#shared/schemas/common';
import { staffUser, staffUserInput, staffUserPatch } from '#shared/schemas/staff';
import { createUser, updateUser } from '../../services/auth.ts';
import { manages } from '../../services/staff-scope.ts';
import { actorOf, allow } from '../auth.ts';
import type { Route } from '../server.ts';

const auditQuery = z.object({
  entity: z.string().max(40).optional(),
  actor: z.string().max(40).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const staffRoutes: Route = (app, ctx) => {
  const tags = ['staff users'];
  app.get(
    '/api/staff/users',
    { schema: { tags, response: { 200: z.array(staffUser) } }, onRequest: allow(ctx, 'users') },
    async (req) => ctx.store.staff.list().filter((u) => manages(actorOf(req), u)),
  );
  app.post(
    '/api/staff/users',
    {
      schema: { tags, body: staffUserInput, response: { 201: z.object({ id: z.number() }) } },
      onRequest: allow(ctx, 'users'),
    },
    async (req, reply) =>
      reply.code(201).send({ id: await createUser(ctx, actorOf(req), req.body) }),
  );
  app.patch(
    '/api/staff/users/:id',
    {
      schema: { tags, params: idParam, body: staffUserPatch, response: { 200: okResponse } },
      onRequest: allow(ctx, 'users'),
    },
    async (req) => {
      await updateUser(ctx, actorOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/staff/audit',
    { schema: { tags: ['audit'], querystring: auditQuery }, onRequest: allow(ctx, 'users') },
    async (req) => ctx.store.audit.list(req.query),
  );
};
