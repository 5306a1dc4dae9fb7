import { z } from 'zod';
import { okResponse } from '#shared/schemas/common';
import {
  deviceClaim,
  deviceCommandInput,
  deviceCommandSent,
  deviceDetail as deviceDetailSchema,
  deviceIdParams,
  deviceListQuery,
  deviceMove,
  deviceSummary,
  mosquittoConfig as mosquittoConfigSchema,
  pairingCreated,
  pairingDone,
  pairingRequest,
  pairingWaiting,
} from '#shared/schemas/devices';
import {
  claimDevice,
  collectPairing,
  deviceDetail,
  mosquittoConfig,
  revokeDevice,
  sendCommand,
  startPairing,
  listDevices,
  updateDevice,
} from '../../services/devices.ts';
import { actorOf, allow } from '../auth.ts';
import type { Route } from '../server.ts';

const tags = ['devices'];

export const deviceRoutes: Route = (app, ctx) => {
  // A public write: the per-address limit of PUBLIC_RATE_LIMIT, off when it is 0.
  const limit = ctx.config.publicRateLimit;
  app.post(
    '/api/devices/pairing',
    {
      schema: { tags, body: pairingRequest, response: { 201: pairingCreated } },
      ...(limit > 0 ? { config: { rateLimit: { max: limit, timeWindow: 60_000 } } } : {}),
    },
    async (req, reply) => reply.code(201).send(startPairing(ctx, req.body.kind, req.ip)),
  );
  app.get(
    '/api/devices/pairing/:deviceId',
    {
      schema: { tags, params: deviceIdParams, response: { 200: pairingDone, 202: pairingWaiting } },
    },
    async (req, reply) => {
      const answer = collectPairing(ctx, req.params.deviceId);
      if (answer.status === 'waiting') return reply.code(202).send(answer);
      const { token, building, mqtt } = answer;
      return reply.code(200).send({ token, building, mqtt });
    },
  );

  app.post(
    '/api/staff/devices',
    {
      schema: { tags, body: deviceClaim, response: { 201: z.object({ deviceId: z.string() }) } },
      onRequest: allow(ctx, 'devices'),
    },
    async (req, reply) =>
      reply.code(201).send({ deviceId: claimDevice(ctx, actorOf(req), req.body) }),
  );
  app.get(
    '/api/staff/devices',
    {
      schema: { tags, querystring: deviceListQuery, response: { 200: z.array(deviceSummary) } },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => listDevices(ctx, req.query.building ?? null),
  );
  app.get(
    '/api/staff/devices/:deviceId',
    {
      schema: { tags, params: deviceIdParams, response: { 200: deviceDetailSchema } },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => deviceDetail(ctx, req.params.deviceId),
  );
  app.patch(
    '/api/staff/devices/:deviceId',
    {
      schema: { tags, params: deviceIdParams, body: deviceMove, response: { 200: okResponse } },
      onRequest: allow(ctx, 'devices'),
    },
    async (req) => {
      updateDevice(ctx, actorOf(req), req.params.deviceId, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/staff/devices/:deviceId/revoke',
    {
      schema: { tags, params: deviceIdParams, response: { 200: okResponse } },
      onRequest: allow(ctx, 'devices'),
    },
    async (req) => {
      revokeDevice(ctx, actorOf(req), req.params.deviceId);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/staff/devices/:deviceId/commands',
    {
      schema: {
        tags,
        params: deviceIdParams,
        body: deviceCommandInput,
        response: { 202: deviceCommandSent },
      },
      onRequest: allow(ctx, 'devices'),
    },
    async (req, reply) =>
      reply
        .code(202)
        .send({ id: sendCommand(ctx, actorOf(req), req.params.deviceId, req.body.cmd) }),
  );
  app.get(
    '/api/staff/mqtt/mosquitto-config',
    {
      schema: { tags, response: { 200: mosquittoConfigSchema } },
      onRequest: allow(ctx, 'buildings'),
    },
    async () => mosquittoConfig(ctx),
  );
};
