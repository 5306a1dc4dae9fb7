import { z } from 'zod';
import { LOCALES } from '#shared/enums';
import { buildingId } from '#shared/schemas/common';
import {
  REPORT_KINDS,
  attendanceReport as attendanceSchema,
  feedbackReport as feedbackSchema,
  placeStats as placeStatsSchema,
  playsReport as playsSchema,
  reportQuery,
} from '#shared/schemas/reports';
import {
  attendanceReport,
  feedbackReport,
  placeStats,
  playsReport,
  reportCsv,
} from '../../services/reports.ts';
import { allow } from '../auth.ts';
import type { Route } from '../server.ts';

const tags = ['reports'];
const csvQuery = reportQuery.and(z.object({ locale: z.enum(LOCALES).default('zh-CN') }));

export const reportRoutes: Route = (app, ctx) => {
  const read = { onRequest: allow(ctx, 'read') };
  app.get(
    '/api/staff/reports/plays',
    { schema: { tags, querystring: reportQuery, response: { 200: playsSchema } }, ...read },
    async (req) => playsReport(ctx, req.query),
  );
  app.get(
    '/api/staff/reports/feedback',
    { schema: { tags, querystring: reportQuery, response: { 200: feedbackSchema } }, ...read },
    async (req) => feedbackReport(ctx, req.query),
  );
  app.get(
    '/api/staff/reports/attendance',
    { schema: { tags, querystring: reportQuery, response: { 200: attendanceSchema } }, ...read },
    async (req) => attendanceReport(ctx, req.query),
  );
  app.get(
    '/api/staff/reports/:kind/csv',
    {
      schema: {
        tags,
        description: 'The report as CSV (UTF-8 with a BOM, column names in the chosen language).',
        params: z.object({ kind: z.enum(REPORT_KINDS) }),
        querystring: csvQuery,
      },
      ...read,
    },
    async (req, reply) => {
      const q = req.query;
      const name = `${req.params.kind}-${q.building}-${q.from}-${q.to}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(reportCsv(ctx, req.params.kind, q, q.locale));
    },
  );
  app.get(
    '/api/staff/buildings/:b/places/stats',
    {
      schema: {
        tags,
        params: z.object({ b: buildingId }),
        response: { 200: z.array(placeStatsSchema) },
      },
      ...read,
    },
    async (req) => placeStats(ctx, req.params.b),
  );
};
