import { z } from 'zod';
import { buildingId } from '#shared/schemas/common';
import { snapshotFill } from '#shared/schemas/snapshots';
import { must } from '../../errors.ts';
import { topicFill } from '../../publish/budget.ts';
import { allow } from '../auth.ts';
import type { Route } from '../server.ts';

const params = z.object({ b: buildingId });

export const snapshotRoutes: Route = (app, ctx) => {
  app.get(
    '/api/staff/buildings/:b/snapshots',
    {
      schema: { tags: ['devices'], params, response: { 200: snapshotFill } },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => {
      must(ctx.store.buildings.get(req.params.b), 'building');
      return topicFill(ctx, req.params.b);
    },
  );
};
