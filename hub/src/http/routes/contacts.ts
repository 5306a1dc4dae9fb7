import { z } from 'zod';
import { buildingId, createdId, idParam, okResponse } from '#shared/schemas/common';
import { contact, contactInput, contactPatch } from '#shared/schemas/contacts';
import { must } from '../../errors.ts';
import { createContact, deleteContact, updateContact } from '../../services/contacts.ts';
import { seesCaptainCodes } from '../../services/personal-data.ts';
import { actorOf, allow } from '../auth.ts';
import type { Route } from '../server.ts';

const buildingParams = z.object({ b: buildingId });
const floorQuery = z.object({ floor: z.coerce.number().int().min(-5).max(200).optional() });
const tags = ['contacts'];

export const contactRoutes: Route = (app, ctx) => {
  const list = (b: string, floor: number | undefined) => {
    must(ctx.store.buildings.get(b), 'building');
    const all = ctx.store.contacts.list(b);
    // Liaisons cover the whole building (no floors); captains cover theirs.
    return floor === undefined
      ? all
      : all.filter((c) => c.floors.length === 0 || c.floors.includes(floor));
  };
  app.get(
    '/api/public/buildings/:b/contacts',
    {
      schema: {
        tags,
        params: buildingParams,
        querystring: floorQuery,
        response: { 200: z.array(contact) },
      },
    },
    async (req) => list(req.params.b, req.query.floor),
  );
  app.get(
    '/api/staff/buildings/:b/contacts',
    {
      schema: {
        tags,
        params: buildingParams,
        querystring: floorQuery,
        response: { 200: z.array(contact.extend({ captainCode: z.string().nullable() })) },
      },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => {
      // Viewers and handlers see the captains, not the codes that reserve their seats.
      const codes = seesCaptainCodes(actorOf(req))
        ? ctx.store.contacts.captainCodes(req.params.b)
        : new Map<number, string>();
      return list(req.params.b, req.query.floor).map((c) => ({
        ...c,
        captainCode: codes.get(c.id) ?? null,
      }));
    },
  );
  app.post(
    '/api/staff/contacts',
    {
      schema: { tags, body: contactInput, response: { 201: createdId } },
      onRequest: allow(ctx, 'content'),
    },
    async (req, reply) => reply.code(201).send({ id: createContact(ctx, actorOf(req), req.body) }),
  );
  app.patch(
    '/api/staff/contacts/:id',
    {
      schema: { tags, params: idParam, body: contactPatch, response: { 200: okResponse } },
      onRequest: allow(ctx, 'content'),
    },
    async (req) => {
      updateContact(ctx, actorOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.delete(
    '/api/staff/contacts/:id',
    {
      schema: { tags, params: idParam, response: { 200: okResponse } },
      onRequest: allow(ctx, 'content'),
    },
    async (req) => {
      deleteContact(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
};
