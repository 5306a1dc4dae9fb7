import { z } from 'zod';
import {
  bank,
  bankInput,
  bankPatch,
  building,
  buildingInput,
  buildingPatch,
  floor,
  floorInput,
  place,
  placeInput,
} from '#shared/schemas/buildings';
import { buildingId, createdId, floorNumber, idParam, okResponse } from '#shared/schemas/common';
import { must } from '../../errors.ts';
import * as svc from '../../services/buildings.ts';
import { actorOf, allow } from '../auth.ts';
import type { Route } from '../server.ts';

const bParams = z.object({ b: buildingId });
const floorParams = z.object({ b: buildingId, n: z.coerce.number().pipe(floorNumber) });
const buildingDetail = building.extend({ floors: z.array(floor), banks: z.array(bank) });
const tags = ['buildings'];
const ok = { ok: true as const };

export const buildingRoutes: Route = (app, ctx) => {
  const detail = (b: string) => {
    const row = must(ctx.store.buildings.get(b), 'building');
    return {
      id: row.id,
      name: row.name,
      timezone: row.timezone,
      floors: ctx.store.buildings.floors(b),
      banks: ctx.store.buildings.banks(b),
    };
  };

  app.get(
    '/api/public/buildings',
    { schema: { tags, response: { 200: z.array(building) } } },
    async () => ctx.store.buildings.list(),
  );
  app.get(
    '/api/public/buildings/:b',
    { schema: { tags, params: bParams, response: { 200: buildingDetail } } },
    async (req) => detail(req.params.b),
  );

  const read = { onRequest: allow(ctx, 'read') };
  const admin = { onRequest: allow(ctx, 'buildings') };
  const content = { onRequest: allow(ctx, 'content') };

  app.post(
    '/api/staff/buildings',
    {
      schema: { tags, body: buildingInput, response: { 201: z.object({ id: buildingId }) } },
      ...admin,
    },
    async (req, reply) => {
      svc.createBuilding(ctx, actorOf(req), req.body);
      return reply.code(201).send({ id: req.body.id });
    },
  );
  app.patch(
    '/api/staff/buildings/:b',
    {
      schema: { tags, params: bParams, body: buildingPatch, response: { 200: okResponse } },
      ...admin,
    },
    async (req) => (svc.updateBuilding(ctx, actorOf(req), req.params.b, req.body), ok),
  );
  app.delete(
    '/api/staff/buildings/:b',
    { schema: { tags, params: bParams, response: { 200: okResponse } }, ...admin },
    async (req) => (svc.deleteBuilding(ctx, actorOf(req), req.params.b), ok),
  );

  app.put(
    '/api/staff/buildings/:b/floors',
    {
      schema: { tags, params: bParams, body: floorInput, response: { 200: okResponse } },
      ...content,
    },
    async (req) => (svc.putFloor(ctx, actorOf(req), req.params.b, req.body), ok),
  );
  app.delete(
    '/api/staff/buildings/:b/floors/:n',
    { schema: { tags, params: floorParams, response: { 200: okResponse } }, ...content },
    async (req) => (svc.deleteFloor(ctx, actorOf(req), req.params.b, req.params.n), ok),
  );

  app.post(
    '/api/staff/buildings/:b/banks',
    {
      schema: { tags, params: bParams, body: bankInput, response: { 201: createdId } },
      ...content,
    },
    async (req, reply) =>
      reply.code(201).send({ id: svc.createBank(ctx, actorOf(req), req.params.b, req.body) }),
  );
  app.patch(
    '/api/staff/banks/:id',
    {
      schema: { tags, params: idParam, body: bankPatch, response: { 200: okResponse } },
      ...content,
    },
    async (req) => (svc.updateBank(ctx, actorOf(req), req.params.id, req.body), ok),
  );
  app.delete(
    '/api/staff/banks/:id',
    { schema: { tags, params: idParam, response: { 200: okResponse } }, ...content },
    async (req) => (svc.deleteBank(ctx, actorOf(req), req.params.id), ok),
  );

  app.get(
    '/api/staff/buildings/:b/places',
    { schema: { tags, params: bParams, response: { 200: z.array(place) } }, ...read },
    async (req) => {
      must(ctx.store.buildings.get(req.params.b), 'building');
      return ctx.store.buildings.places(req.params.b);
    },
  );
  app.post(
    '/api/staff/buildings/:b/places',
    {
      schema: { tags, params: bParams, body: placeInput, response: { 201: createdId } },
      ...content,
    },
    async (req, reply) =>
      reply.code(201).send({ id: svc.createPlace(ctx, actorOf(req), req.params.b, req.body) }),
  );
  app.patch(
    '/api/staff/places/:id',
    {
      schema: { tags, params: idParam, body: placeInput.partial(), response: { 200: okResponse } },
      ...content,
    },
    async (req) => (svc.updatePlace(ctx, actorOf(req), req.params.id, req.body), ok),
  );
  app.delete(
    '/api/staff/places/:id',
    { schema: { tags, params: idParam, response: { 200: okResponse } }, ...content },
    async (req) => (svc.deletePlace(ctx, actorOf(req), req.params.id), ok),
  );
};
