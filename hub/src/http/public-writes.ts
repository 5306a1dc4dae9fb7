import type {} from '@fastify/cookie';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
  onSendAsyncHookHandler,
} from 'fastify';
import { DEVICE_HEADER } from '#shared/schemas/kiosk';
import type { HubContext } from '../context.ts';
import type { Origin } from '../services/registrations.ts';
import { checkLinkGuesses, countWrongLink } from '../services/visitor-limits.ts';

// One budget of PUBLIC_RATE_LIMIT writes a minute per client address, shared by every
// public write route (a per-route limit would multiply it by the number of routes);
// 0 turns it off for load tests. Per phone, place and kiosk limits live in the services.
const budgets = new WeakMap<HubContext, onRequestAsyncHookHandler>();

function budget(app: FastifyInstance, ctx: HubContext): onRequestAsyncHookHandler | undefined {
  const max = ctx.config.publicRateLimit;
  if (max <= 0) return undefined;
  let hook = budgets.get(ctx);
  if (!hook) {
    hook = app.rateLimit({ max, timeWindow: '1 minute' }) as onRequestAsyncHookHandler;
    budgets.set(ctx, hook);
  }
  return hook;
}

export function publicWrite(app: FastifyInstance, ctx: HubContext) {
  const hook = budget(app, ctx);
  return hook ? { onRequest: hook } : {};
}

// Routes that take a ticket and its secret. A 404 there is a wrong link (no such ticket,
// or not its secret) and counts against the caller's address; an address over the limit
// is refused before the secret is even compared.
export function secretLink(app: FastifyInstance, ctx: HubContext, opts: { write: boolean }) {
  const check: onRequestAsyncHookHandler = async (req) => checkLinkGuesses(ctx, req.ip);
  const write = opts.write ? budget(app, ctx) : undefined;
  return { onRequest: write ? [check, write] : [check], onSend: countWrongLinks(ctx) };
}

export function countWrongLinks(ctx: HubContext): onSendAsyncHookHandler {
  return async (req, reply, payload) => {
    if (reply.statusCode === 404) countWrongLink(ctx, req.ip);
    return payload;
  };
}

// A kiosk names itself on its public calls. Only a paired kiosk that is not revoked is
// taken at its word; any other name is ignored, as if the call came from a phone.
export function originOf(ctx: HubContext, req: FastifyRequest): Origin {
  const named = req.headers[DEVICE_HEADER];
  const d = typeof named === 'string' ? ctx.store.devices.get(named) : undefined;
  const kiosk = d?.kind === 'kiosk' && d.building_id !== null && d.token_collected === 1;
  return { address: req.ip, device: kiosk && !d.revoked_at ? d.id : null };
}

// A phone's pseudonymous id for "me too" (services/feedback.ts): one support per ticket each,
// and the per-phone limit. Scoped to the feedback API; nothing else reads it.
const VISITOR_COOKIE = 'lobby_visitor';
const VISITOR_PATH = '/api/public/feedback/';

export function visitorOf(req: FastifyRequest): string | null {
  const v = req.cookies[VISITOR_COOKIE];
  return v && /^[A-Za-z0-9_-]{16,64}$/.test(v) ? v : null;
}

export function keepVisitor(req: FastifyRequest, reply: FastifyReply, id: string): void {
  reply.setCookie(VISITOR_COOKIE, id, {
    httpOnly: true,
    sameSite: 'lax',
    path: VISITOR_PATH,
    secure: req.protocol === 'https',
    maxAge: 365 * 86_400,
  });
}
