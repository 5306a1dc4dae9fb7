import { z } from 'zod';
import { playlistsData } from '#shared/payloads';
import { buildingId, createdId, idParam, okResponse } from '#shared/schemas/common';
import {
  playlist,
  playlistInput,
  playlistPatch,
  preview,
  previewQuery,
  scheduleRule,
  scheduleRuleInput,
  scheduleRulePatch,
} from '#shared/schemas/playlists';
import { invalid, must } from '../../errors.ts';
import * as svc from '../../services/playlists.ts';
import { actorOf, allow } from '../auth.ts';
import type { Route } from '../server.ts';

const buildingParams = z.object({ b: buildingId });
const tags = ['playlists'];
const ok = { ok: true as const };

export const playlistRoutes: Route = (app, ctx) => {
  const read = { onRequest: allow(ctx, 'read') };
  const content = { onRequest: allow(ctx, 'content') };

  app.get(
    '/api/staff/buildings/:b/playlists',
    { schema: { tags, params: buildingParams, response: { 200: playlistsData } }, ...read },
    async (req) => {
      must(ctx.store.buildings.get(req.params.b), 'building');
      return svc.playlistsFor(ctx, req.params.b);
    },
  );
  app.get(
    '/api/staff/playlists/:id',
    { schema: { tags, params: idParam, response: { 200: playlist } }, ...read },
    async (req) => must(ctx.store.playlists.get(req.params.id), 'playlist'),
  );
  app.post(
    '/api/staff/playlists',
    { schema: { tags, body: playlistInput, response: { 201: createdId } }, ...content },
    async (req, reply) =>
      reply.code(201).send({ id: svc.createPlaylist(ctx, actorOf(req), req.body) }),
  );
  app.patch(
    '/api/staff/playlists/:id',
    {
      schema: { tags, params: idParam, body: playlistPatch, response: { 200: okResponse } },
      ...content,
    },
    async (req) => (svc.updatePlaylist(ctx, actorOf(req), req.params.id, req.body), ok),
  );
  app.delete(
    '/api/staff/playlists/:id',
    { schema: { tags, params: idParam, response: { 200: okResponse } }, ...content },
    async (req) => (svc.deletePlaylist(ctx, actorOf(req), req.params.id), ok),
  );

  app.get(
    '/api/staff/schedule-rules/:id',
    { schema: { tags, params: idParam, response: { 200: scheduleRule } }, ...read },
    async (req) => must(ctx.store.playlists.rule(req.params.id), 'rule'),
  );
  app.post(
    '/api/staff/schedule-rules',
    { schema: { tags, body: scheduleRuleInput, response: { 201: createdId } }, ...content },
    async (req, reply) => reply.code(201).send({ id: svc.createRule(ctx, actorOf(req), req.body) }),
  );
  app.patch(
    '/api/staff/schedule-rules/:id',
    {
      schema: { tags, params: idParam, body: scheduleRulePatch, response: { 200: okResponse } },
      ...content,
    },
    async (req) => (svc.updateRule(ctx, actorOf(req), req.params.id, req.body), ok),
  );
  app.delete(
    '/api/staff/schedule-rules/:id',
    { schema: { tags, params: idParam, response: { 200: okResponse } }, ...content },
    async (req) => (svc.deleteRule(ctx, actorOf(req), req.params.id), ok),
  );

  // ?device= previews a paired screen where it hangs; ?group=&floor= any placement.
  app.get(
    '/api/staff/buildings/:b/preview',
    {
      schema: {
        tags,
        params: buildingParams,
        querystring: previewQuery,
        response: { 200: preview },
      },
      ...read,
    },
    async (req) => {
      const q = req.query;
      const at = q.at ? new Date(q.at) : ctx.now();
      if (q.device) {
        const placement = svc.devicePlacement(ctx, req.params.b, q.device);
        if (!placement) throw invalid('device', 'noSuchDevice');
        return svc.previewFor(ctx, req.params.b, placement, at);
      }
      return svc.previewFor(
        ctx,
        req.params.b,
        { group: q.group ?? null, floor: q.floor ?? null },
        at,
      );
    },
  );
};
