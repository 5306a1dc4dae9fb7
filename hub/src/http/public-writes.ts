import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { DEVICE_HEADER } from '#shared/schemas/kiosk';
import type { HubContext } from '../context.ts';
import type { Origin } from '../services/registrations.ts';

// One budget of PUBLIC_RATE_LIMIT writes a minute per client address, shared by every
// public write route (a per-route limit would multiply it by the number of routes);
// 0 turns it off for load tests. Per phone, place and kiosk limits live in the services.
const budgets = new WeakMap<HubContext, onRequestAsyncHookHandler>();

export function publicWrite(app: FastifyInstance, ctx: HubContext) {
  const max = ctx.config.publicRateLimit;
  if (max <= 0) return {};
  let hook = budgets.get(ctx);
  if (!hook) {
    hook = app.rateLimit({ max, timeWindow: '1 minute' }) as onRequestAsyncHookHandler;
    budgets.set(ctx, hook);
  }
  return { onRequest: hook };
}

export function originOf(req: FastifyRequest): Origin {
  const device = req.headers[DEVICE_HEADER];
  return { address: req.ip, device: typeof device === 'string' ? device : null };
}
