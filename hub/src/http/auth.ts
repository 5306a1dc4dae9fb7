import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, type Permission } from '#shared/permissions';
import type { Actor, HubContext } from '../context.ts';
import { fail } from '../errors.ts';
import { actorForToken } from '../services/auth.ts';
import { assertDistrict } from '../services/scope.ts';

export const SESSION_COOKIE = 'lobby_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    sessionToken?: string;
  }
}

export function tokenOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  return req.cookies[SESSION_COOKIE] || undefined;
}

// onRequest hook for staff routes, so a stranger is refused before the body is even read: a live session, and a role that has the permission.
// `'district'` routes (hub-wide or cross-building) are 403 for an account scoped to buildings.
export function allow(ctx: HubContext, permission: Permission, reach?: 'district') {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = tokenOf(req);
    const actor = token ? actorForToken(ctx, token) : null;
    if (!actor || !token) throw fail('unauthenticated', 'logInFirst');
    if (actor.role === 'system' || !can(actor.role, permission)) {
      const role = actor.role === 'system' ? 'roleSystem' : (`role.${actor.role}` as const);
      throw fail('forbidden', 'roleCannot', { role: { term: role } });
    }
    if (reach === 'district') assertDistrict(actor);
    req.actor = actor;
    req.sessionToken = token;
  };
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw fail('unauthenticated', 'logInFirst');
  return req.actor;
}
