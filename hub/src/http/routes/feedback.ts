import { z } from 'zod';
import { buildingId, idParam } from '#shared/schemas/common';
import {
  feedbackCreated,
  feedbackInput,
  feedbackPatch,
  feedbackTicketParams,
  feedbackView,
  openFeedbackItem,
  openFeedbackQuery,
  publicTicketStatus,
  ratingInput,
  reopenInput,
  staffFeedback,
  staffFeedbackDetail,
  staffFeedbackQuery,
  supportCreated,
  supportInput,
} from '#shared/schemas/feedback';
import { secretQuery } from '#shared/schemas/events';
import { deviceHeaders } from '#shared/schemas/kiosk';
import { boardData } from '#shared/payloads';
import { boardFor } from '../../services/board.ts';
import {
  openAtPlace,
  rate,
  reopen,
  submitFeedback,
  support,
  ticketStatus,
  viewFeedback,
} from '../../services/feedback.ts';
import { feedbackDetail, listFeedback, stepFeedback } from '../../services/feedback-triage.ts';
import { actorOf, allow } from '../auth.ts';
import { keepVisitor, originOf, publicWrite, secretLink, visitorOf } from '../public-writes.ts';
import type { Route } from '../server.ts';

const tags = ['feedback'];
const params = feedbackTicketParams;
const buildingParams = z.object({ b: buildingId });

export const feedbackRoutes: Route = (app, ctx) => {
  const limited = publicWrite(app, ctx);
  const linkRead = secretLink(app, ctx, { write: false });
  const linkWrite = secretLink(app, ctx, { write: true });
  app.post(
    '/api/public/feedback',
    {
      schema: {
        tags,
        headers: deviceHeaders,
        body: feedbackInput,
        response: { 201: feedbackCreated },
      },
      ...limited,
    },
    async (req, reply) =>
      reply.code(201).send(await submitFeedback(ctx, req.body, originOf(ctx, req))),
  );
  app.get(
    '/api/public/feedback/:ticket',
    {
      schema: { tags, params, querystring: secretQuery, response: { 200: feedbackView } },
      ...linkRead,
    },
    async (req) => viewFeedback(ctx, req.params.ticket, req.query.secret),
  );
  // A ticket number alone (the kiosk's keypad) is a link too: wrong numbers count.
  app.get(
    '/api/public/feedback/:ticket/status',
    { schema: { tags, params, response: { 200: publicTicketStatus } }, ...linkRead },
    async (req) => ticketStatus(ctx, req.params.ticket),
  );
  app.post(
    '/api/public/feedback/:ticket/support',
    {
      schema: {
        tags,
        params,
        headers: deviceHeaders,
        body: supportInput,
        response: { 201: supportCreated },
      },
      // A ticket no place lists answers 404, and counts as a wrong link.
      ...linkWrite,
    },
    async (req, reply) => {
      const from = originOf(ctx, req);
      const r = await support(ctx, req.params.ticket, req.body, from, visitorOf(req));
      if (r.issued) keepVisitor(req, reply, r.issued);
      return reply.code(201).send(r.created);
    },
  );
  app.post(
    '/api/public/feedback/:ticket/rating',
    { schema: { tags, params, body: ratingInput, response: { 200: feedbackView } }, ...linkWrite },
    async (req) => rate(ctx, req.params.ticket, req.body),
  );
  app.post(
    '/api/public/feedback/:ticket/reopen',
    { schema: { tags, params, body: reopenInput, response: { 200: feedbackView } }, ...linkWrite },
    async (req) => reopen(ctx, req.params.ticket, req.body),
  );
  app.get(
    '/api/public/places/:id/open-feedback',
    {
      schema: {
        tags,
        params: idParam,
        querystring: openFeedbackQuery,
        response: { 200: z.array(openFeedbackItem) },
      },
    },
    async (req) => openAtPlace(ctx, req.params.id, req.query.category),
  );
  app.get(
    '/api/public/buildings/:b/board',
    { schema: { tags, params: buildingParams, response: { 200: boardData } } },
    async (req) => boardFor(ctx, req.params.b),
  );

  app.get(
    '/api/staff/buildings/:b/feedback',
    {
      schema: {
        tags,
        params: buildingParams,
        querystring: staffFeedbackQuery,
        response: { 200: z.array(staffFeedback) },
      },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => listFeedback(ctx, actorOf(req), req.params.b, req.query),
  );
  app.get(
    '/api/staff/feedback/:ticket',
    {
      schema: { tags, params, response: { 200: staffFeedbackDetail } },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => feedbackDetail(ctx, actorOf(req), req.params.ticket),
  );
  app.patch(
    '/api/staff/feedback/:ticket',
    {
      schema: { tags, params, body: feedbackPatch, response: { 200: staffFeedbackDetail } },
      onRequest: allow(ctx, 'feedback'),
    },
    async (req) => stepFeedback(ctx, actorOf(req), req.params.ticket, req.body),
  );
};
