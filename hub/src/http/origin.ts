import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../context.ts';
import { fail } from '../errors.ts';
import { SESSION_COOKIE } from './auth.ts';

// Staff sessions ride on a SameSite=Strict cookie; as a second line, a browser's writes
// and WebSocket upgrades must come from the hub's own pages: its PUBLIC_URL, or the host
// it was reached at (any scheme: the same server behind a TLS proxy). Browsers name the
// page in Origin (Referer when they leave it out); tools that send neither are let through
// with a bearer token, never on the cookie alone.
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOfHeaders(headers: IncomingHttpHeaders): string | null {
  const origin = headers.origin;
  if (typeof origin === 'string') return origin;
  const referer = headers.referer;
  if (typeof referer !== 'string') return null;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

function publicOrigin(ctx: HubContext): string | null {
  try {
    return new URL(ctx.publicUrl()).origin;
  } catch {
    return null;
  }
}

function isOwn(ctx: HubContext, origin: string, host: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === publicOrigin(ctx)) return true;
  return host !== undefined && url.host === host.toLowerCase();
}

// A WebSocket upgrade (/mqtt, socket.io): refused only when a browser names a foreign page.
export function upgradeAllowed(ctx: HubContext, headers: IncomingHttpHeaders): boolean {
  const origin = originOfHeaders(headers);
  return origin === null || isOwn(ctx, origin, headers.host);
}

export function installOriginGuard(app: FastifyInstance, ctx: HubContext): void {
  app.addHook('onRequest', async (req) => {
    if (SAFE.has(req.method) || !req.url.startsWith('/api/staff')) return;
    const origin = originOfHeaders(req.headers);
    if (origin !== null) {
      if (!isOwn(ctx, origin, req.headers.host)) throw fail('forbidden', 'foreignOrigin');
      return;
    }
    const bearer = req.headers.authorization?.startsWith('Bearer ') ?? false;
    if (!bearer && req.cookies[SESSION_COOKIE]) throw fail('forbidden', 'foreignOrigin');
  });
}
