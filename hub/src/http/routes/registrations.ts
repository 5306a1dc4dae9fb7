import { z } from 'zod';
import { idParam, okResponse } from '#shared/schemas/common';
import {
  attendance,
  checkinInput,
  checkinResult,
  registrationCreated,
  registrationInput,
  registrationListQuery,
  registrationTicketParams,
  registrationView,
  secretBody,
  secretQuery,
  staffRegistration,
  walkinInput,
} from '#shared/schemas/events';
import { deviceHeaders } from '#shared/schemas/kiosk';
import {
  attendanceOf,
  checkIn,
  listRegistrations,
  walkIn,
} from '../../services/registration-desk.ts';
import {
  cancelRegistration,
  reconfirm,
  register,
  releaseSeat,
  ticketCalendar,
  viewRegistration,
} from '../../services/registrations.ts';
import { settleOnEventChanges } from '../../services/visitor-jobs.ts';
import { actorOf, allow } from '../auth.ts';
import { originOf, publicWrite, secretLink } from '../public-writes.ts';
import type { Route } from '../server.ts';

const tags = ['registrations'];
const ticketParams = registrationTicketParams;

export const registrationRoutes: Route = (app, ctx) => {
  // Waiting lists also move when staff add seats; that lives as long as the server does.
  let stopSettling: (() => void) | undefined;
  app.addHook('onReady', async () => {
    stopSettling = settleOnEventChanges(ctx);
  });
  app.addHook('onClose', async () => stopSettling?.());

  const limited = publicWrite(app, ctx);
  const linkRead = secretLink(app, ctx, { write: false });
  const linkWrite = secretLink(app, ctx, { write: true });
  app.post(
    '/api/public/events/:id/registrations',
    {
      schema: {
        tags,
        params: idParam,
        headers: deviceHeaders,
        body: registrationInput,
        response: { 200: registrationCreated, 201: registrationCreated },
      },
      ...limited,
    },
    async (req, reply) => {
      const r = register(ctx, req.params.id, req.body, originOf(ctx, req));
      return reply.code(r.upgraded ? 200 : 201).send(r);
    },
  );
  app.get(
    '/api/public/registrations/:ticket',
    {
      schema: {
        tags,
        params: ticketParams,
        querystring: secretQuery,
        response: { 200: registrationView },
      },
      ...linkRead,
    },
    async (req) => viewRegistration(ctx, req.params.ticket, req.query.secret),
  );
  app.delete(
    '/api/public/registrations/:ticket',
    {
      schema: {
        tags,
        params: ticketParams,
        querystring: secretQuery,
        response: { 200: okResponse },
      },
      ...linkWrite,
    },
    async (req) => {
      cancelRegistration(ctx, req.params.ticket, req.query.secret);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/public/registrations/:ticket/ics',
    { schema: { tags, params: ticketParams, querystring: secretQuery }, ...linkRead },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="event-${req.params.ticket}.ics"`)
        .send(ticketCalendar(ctx, req.params.ticket, req.query.secret)),
  );
  app.post(
    '/api/public/registrations/:ticket/reconfirm',
    {
      schema: { tags, params: ticketParams, body: secretBody, response: { 200: registrationView } },
      ...linkWrite,
    },
    async (req) => reconfirm(ctx, req.params.ticket, req.body.secret),
  );
  app.post(
    '/api/public/registrations/:ticket/release',
    {
      schema: { tags, params: ticketParams, body: secretBody, response: { 200: registrationView } },
      ...linkWrite,
    },
    async (req) => releaseSeat(ctx, req.params.ticket, req.body.secret),
  );

  app.get(
    '/api/staff/events/:id/registrations',
    {
      schema: {
        tags,
        params: idParam,
        querystring: registrationListQuery,
        response: { 200: z.array(staffRegistration) },
      },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => listRegistrations(ctx, actorOf(req), req.params.id, req.query.status),
  );
  app.get(
    '/api/staff/events/:id/attendance',
    {
      schema: { tags, params: idParam, response: { 200: attendance } },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => attendanceOf(ctx, req.params.id),
  );
  app.post(
    '/api/staff/checkins',
    {
      schema: { tags, body: checkinInput, response: { 200: checkinResult } },
      onRequest: allow(ctx, 'checkin'),
    },
    async (req) => checkIn(ctx, actorOf(req), req.body),
  );
  app.post(
    '/api/staff/events/:id/walkins',
    {
      schema: { tags, params: idParam, body: walkinInput, response: { 201: registrationCreated } },
      onRequest: allow(ctx, 'checkin'),
    },
    async (req, reply) => reply.code(201).send(walkIn(ctx, actorOf(req), req.params.id, req.body)),
  );
};
