import { z } from 'zod';
import { buildingId, createdId, idParam, okResponse } from '#shared/schemas/common';
import { eventInput, eventPatch, publicEvent, staffEvent } from '#shared/schemas/events';
import { must } from '../../errors.ts';
import {
  createEvent,
  deleteEvent,
  toPublicEvent,
  toStaffEvent,
  updateEvent,
  upcomingEvents,
} from '../../services/events.ts';
import { actorOf, allow } from '../auth.ts';
import type { Route } from '../server.ts';

const buildingParams = z.object({ b: buildingId });
const tags = ['events'];

export const eventRoutes: Route = (app, ctx) => {
  app.get(
    '/api/public/buildings/:b/events',
    { schema: { tags, params: buildingParams, response: { 200: z.array(publicEvent) } } },
    async (req) => {
      must(ctx.store.buildings.get(req.params.b), 'building');
      return upcomingEvents(ctx, req.params.b);
    },
  );
  app.get(
    '/api/public/events/:id',
    { schema: { tags, params: idParam, response: { 200: publicEvent } } },
    async (req) => toPublicEvent(ctx, must(ctx.store.events.get(req.params.id), 'event')),
  );
  app.get(
    '/api/staff/buildings/:b/events',
    {
      schema: { tags, params: buildingParams, response: { 200: z.array(staffEvent) } },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => {
      must(ctx.store.buildings.get(req.params.b), 'building');
      return ctx.store.events.listAll(req.params.b).map((e) => toStaffEvent(ctx, e));
    },
  );
  app.get(
    '/api/staff/events/:id',
    {
      schema: { tags, params: idParam, response: { 200: staffEvent } },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => toStaffEvent(ctx, must(ctx.store.events.get(req.params.id), 'event')),
  );
  app.post(
    '/api/staff/events',
    {
      schema: { tags, body: eventInput, response: { 201: createdId } },
      onRequest: allow(ctx, 'content'),
    },
    async (req, reply) => reply.code(201).send({ id: createEvent(ctx, actorOf(req), req.body) }),
  );
  app.patch(
    '/api/staff/events/:id',
    {
      schema: { tags, params: idParam, body: eventPatch, response: { 200: okResponse } },
      onRequest: allow(ctx, 'content'),
    },
    async (req) => {
      updateEvent(ctx, actorOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.delete(
    '/api/staff/events/:id',
    {
      schema: { tags, params: idParam, response: { 200: okResponse } },
      onRequest: allow(ctx, 'content'),
    },
    async (req) => {
      deleteEvent(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
};
