import { z } from 'zod';
import { alertInput, alertView as alertViewSchema } from '#shared/schemas/alert';
import { buildingId, okResponse } from '#shared/schemas/common';
import { alertView, clearAlert, putAlert } from '../../services/alert.ts';
import { actorOf, allow } from '../auth.ts';
import type { Route } from '../server.ts';

const params = z.object({ b: buildingId });
const tags = ['alert'];

export const alertRoutes: Route = (app, ctx) => {
  app.get(
    '/api/staff/buildings/:b/alert',
    {
      schema: { tags, params, response: { 200: alertViewSchema } },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => alertView(ctx, req.params.b),
  );
  app.put(
    '/api/staff/buildings/:b/alert',
    {
      schema: { tags, params, body: alertInput, response: { 200: okResponse } },
      onRequest: allow(ctx, 'alert'),
    },
    async (req) => {
      putAlert(ctx, actorOf(req), req.params.b, req.body);
      return { ok: true as const };
    },
  );
  app.delete(
    '/api/staff/buildings/:b/alert',
    {
      schema: { tags, params, response: { 200: okResponse } },
      onRequest: allow(ctx, 'alert'),
    },
    async (req) => {
      clearAlert(ctx, actorOf(req), req.params.b);
      return { ok: true as const };
    },
  );
};
