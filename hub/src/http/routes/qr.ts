import { qrEntry, qrParams } from '#shared/schemas/qr';
import { scanQr } from '../../services/qr.ts';
import type { Route } from '../server.ts';

export const qrRoutes: Route = (app, ctx) => {
  app.get(
    '/api/public/qr/:code',
    { schema: { tags: ['qr'], params: qrParams, response: { 200: qrEntry } } },
    async (req) => scanQr(ctx, req.params.code),
  );
};
