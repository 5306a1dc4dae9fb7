import { okResponse } from '#shared/schemas/common';
import { loginInput, loginResult, me, passwordChange } from '#shared/schemas/staff';
import { changePassword, login, logout } from '../../services/auth.ts';
import { toStaffUser } from '../../store/staff.ts';
import { SESSION_COOKIE, actorOf, allow, tokenOf } from '../auth.ts';
import type { Route } from '../server.ts';

const tags = ['session'];

export const sessionRoutes: Route = (app, ctx, { metrics }) => {
  const watch = {
    failed: () => metrics.login.failed.inc(),
    throttled: () => metrics.login.throttled.inc(),
    alarm: () => metrics.login.alarms.inc(),
  };
  app.post(
    '/api/staff/session',
    { schema: { tags, body: loginInput, response: { 200: loginResult } } },
    async (req, reply) => {
      const s = await login(ctx, req.body.username, req.body.password, req.ip, watch);
      reply.setCookie(SESSION_COOKIE, s.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: req.protocol === 'https',
        expires: s.expires,
      });
      return { token: s.token, role: s.role };
    },
  );

  app.delete(
    '/api/staff/session',
    { schema: { tags, response: { 200: okResponse } } },
    async (req, reply) => {
      const token = tokenOf(req);
      if (token) logout(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/staff/me',
    { schema: { tags, response: { 200: me } }, onRequest: allow(ctx, 'read') },
    async (req) => {
      const row = ctx.store.staff.get(actorOf(req).id ?? 0);
      if (!row) throw new Error('session without a user');
      return { ...toStaffUser(row), publicUrl: ctx.publicUrl() };
    },
  );

  app.post(
    '/api/staff/password',
    {
      schema: { tags, body: passwordChange, response: { 200: okResponse } },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => {
      await changePassword(
        ctx,
        actorOf(req),
        req.sessionToken ?? '',
        req.body.current,
        req.body.next,
      );
      return { ok: true as const };
    },
  );
};
