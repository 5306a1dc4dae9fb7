import { z } from 'zod';
import {
  calendarDay,
  holidayRangeDelete,
  holidayRangeInput,
  holidaysParams,
  holidaysQuery,
} from '#shared/schemas/holidays';
import { must } from '../../errors.ts';
import { putHolidays, removeHolidays } from '../../services/holidays.ts';
import { actorOf, allow } from '../auth.ts';
import type { Route } from '../server.ts';

const tags = ['holidays'];
const changed = z.object({ days: z.number().int() });

export const holidayRoutes: Route = (app, ctx) => {
  app.get(
    '/api/staff/buildings/:b/holidays',
    {
      schema: {
        tags,
        params: holidaysParams,
        querystring: holidaysQuery,
        response: { 200: z.array(calendarDay) },
      },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => {
      must(ctx.store.buildings.get(req.params.b), 'building');
      return ctx.store.holidays.list(req.params.b, req.query.from, req.query.to);
    },
  );
  // Deadlines are the handlers' business, so they keep the calendar they count on.
  app.put(
    '/api/staff/buildings/:b/holidays',
    {
      schema: { tags, params: holidaysParams, body: holidayRangeInput, response: { 200: changed } },
      onRequest: allow(ctx, 'feedback'),
    },
    async (req) => ({ days: putHolidays(ctx, actorOf(req), req.params.b, req.body) }),
  );
  app.delete(
    '/api/staff/buildings/:b/holidays',
    {
      schema: {
        tags,
        params: holidaysParams,
        querystring: holidayRangeDelete,
        response: { 200: changed },
      },
      onRequest: allow(ctx, 'feedback'),
    },
    async (req) => ({
      days: removeHolidays(ctx, actorOf(req), req.params.b, req.query.from, req.query.to),
    }),
  );
};
