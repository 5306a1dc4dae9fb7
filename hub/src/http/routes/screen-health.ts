import { z } from 'zod';
import { buildingId, okResponse } from '#shared/schemas/common';
import {
  screenHealthQuery,
  screenHealthReport,
  screenHealthSettings,
} from '#shared/schemas/screen-health';
import { screenHealth, setScreenHealthSettings } from '../../services/screen-health.ts';
import { actorOf, allow } from '../auth.ts';
import type { Route } from '../server.ts';

const params = z.object({ b: buildingId });
const tags = ['devices'];

export const screenHealthRoutes: Route = (app, ctx) => {
  app.get(
    '/api/staff/buildings/:b/screen-health',
    {
      schema: {
        tags,
        params,
        querystring: screenHealthQuery,
        response: { 200: screenHealthReport },
      },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => screenHealth(ctx, req.params.b, req.query.days),
  );
  app.put(
    '/api/staff/buildings/:b/screen-health',
    {
      schema: { tags, params, body: screenHealthSettings, response: { 200: okResponse } },
      onRequest: allow(ctx, 'devices'),
    },
    async (req) => {
      setScreenHealthSettings(ctx, actorOf(req), req.params.b, req.body);
      return { ok: true as const };
    },
  );
};
