import { z } from 'zod';
import { buildingId, createdId, idParam, okResponse } from '#shared/schemas/common';
import {
  notice,
  noticeApproval,
  noticeDecision,
  noticeInput,
  noticePatch,
  staffNotice,
} from '#shared/schemas/notices';
import { must } from '../../errors.ts';
import {
  approvalRequired,
  decideNotice,
  setNoticeApproval,
  submitNotice,
} from '../../services/notice-review.ts';
import { createNotice, deleteNotice, updateNotice } from '../../services/notices.ts';
import { actorOf, allow } from '../auth.ts';
import type { Route } from '../server.ts';

const buildingParams = z.object({ b: buildingId });
const tags = ['notices'];

export const noticeRoutes: Route = (app, ctx) => {
  app.get(
    '/api/public/buildings/:b/notices',
    { schema: { tags, params: buildingParams, response: { 200: z.array(notice) } } },
    async (req) => {
      must(ctx.store.buildings.get(req.params.b), 'building');
      return ctx.store.notices.current(req.params.b, ctx.now().toISOString());
    },
  );
  app.get(
    '/api/staff/buildings/:b/notices',
    {
      schema: { tags, params: buildingParams, response: { 200: z.array(staffNotice) } },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => {
      must(ctx.store.buildings.get(req.params.b), 'building');
      return ctx.store.notices.list(req.params.b);
    },
  );
  app.get(
    '/api/staff/notices/:id',
    {
      schema: { tags, params: idParam, response: { 200: staffNotice } },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => must(ctx.store.notices.get(req.params.id), 'notice'),
  );
  app.post(
    '/api/staff/notices',
    {
      schema: { tags, body: noticeInput, response: { 201: createdId } },
      onRequest: allow(ctx, 'content'),
    },
    async (req, reply) => reply.code(201).send({ id: createNotice(ctx, actorOf(req), req.body) }),
  );
  app.patch(
    '/api/staff/notices/:id',
    {
      schema: { tags, params: idParam, body: noticePatch, response: { 200: okResponse } },
      onRequest: allow(ctx, 'content'),
    },
    async (req) => {
      updateNotice(ctx, actorOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.delete(
    '/api/staff/notices/:id',
    {
      schema: { tags, params: idParam, response: { 200: okResponse } },
      onRequest: allow(ctx, 'content'),
    },
    async (req) => {
      deleteNotice(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  // Approval: whether a building asks for it (any staff may read it, admins set it), an
  // editor's submission, and an admin's decision.
  app.get(
    '/api/staff/buildings/:b/notice-approval',
    {
      schema: { tags, params: buildingParams, response: { 200: noticeApproval } },
      onRequest: allow(ctx, 'read'),
    },
    async (req) => {
      must(ctx.store.buildings.get(req.params.b), 'building');
      return { required: approvalRequired(ctx, req.params.b) };
    },
  );
  app.put(
    '/api/staff/buildings/:b/notice-approval',
    {
      schema: { tags, params: buildingParams, body: noticeApproval, response: { 200: okResponse } },
      onRequest: allow(ctx, 'buildings'),
    },
    async (req) => {
      setNoticeApproval(ctx, actorOf(req), req.params.b, req.body.required);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/staff/notices/:id/submit',
    {
      schema: { tags, params: idParam, response: { 200: okResponse } },
      onRequest: allow(ctx, 'content'),
    },
    async (req) => {
      submitNotice(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/staff/notices/:id/review',
    {
      schema: { tags, params: idParam, body: noticeDecision, response: { 200: okResponse } },
      onRequest: allow(ctx, 'buildings'),
    },
    async (req) => {
      decideNotice(ctx, actorOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
};
