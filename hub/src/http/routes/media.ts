import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { okResponse } from '#shared/schemas/common';
import { mediaHash, mediaItem, mediaListQuery } from '#shared/schemas/console';
import { notFound } from '../../errors.ts';
import {
  MEDIA_FILE,
  MEDIA_MAX_BYTES,
  MEDIA_TYPES,
  deleteMedia,
  mediaDir,
  mediaPath,
  saveMedia,
} from '../../services/media.ts';
import type { MediaExt } from '../../store/media.ts';
import { actorOf, allow } from '../auth.ts';
import type { Route } from '../server.ts';

const tags = ['media'];
const fileParams = z.object({ file: z.string().regex(MEDIA_FILE, '{sha256}.{png|jpg|webp|gif}') });

// Raw image bodies are read only inside a scope that calls this: their own parser and size limit.
export function acceptImageBodies(scope: FastifyInstance): void {
  scope.addContentTypeParser(
    [...Object.values(MEDIA_TYPES), 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MEDIA_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );
}

export const mediaRoutes: Route = (app, ctx) => {
  void app.register(async (scope) => {
    acceptImageBodies(scope);
    scope.post(
      '/api/staff/media',
      {
        bodyLimit: MEDIA_MAX_BYTES,
        schema: {
          tags,
          description:
            'Upload one image as the raw body (image/png, image/jpeg, image/webp or image/gif, at most 5 MB); ' +
            'an optional x-file-name header (URI-encoded) keeps its name for staff.',
          response: { 201: mediaItem },
        },
        onRequest: allow(ctx, 'content'),
      },
      async (req, reply) => {
        const header = req.headers['x-file-name'];
        let name: string | undefined;
        try {
          name = typeof header === 'string' ? decodeURIComponent(header) : undefined;
        } catch {
          name = undefined;
        }
        return reply.code(201).send(saveMedia(ctx, actorOf(req), req.body, name));
      },
    );
  });

  app.get(
    '/api/staff/media',
    {
      schema: { tags, querystring: mediaListQuery, response: { 200: z.array(mediaItem) } },
      onRequest: allow(ctx, 'read'),
    },
    async (req) =>
      ctx.store.media
        .list(req.query.limit, req.query.offset)
        .map((m) => ({ ...m, path: mediaPath(m) })),
  );
  app.delete(
    '/api/staff/media/:hash',
    {
      schema: { tags, params: z.object({ hash: mediaHash }), response: { 200: okResponse } },
      onRequest: allow(ctx, 'content'),
    },
    async (req) => {
      deleteMedia(ctx, actorOf(req), req.params.hash);
      return { ok: true as const };
    },
  );

  // Screens, kiosks and phones load images without a session; names are content hashes.
  app.get('/media/:file', { schema: { hide: true, params: fileParams } }, async (req, reply) => {
    const [, , ext] = MEDIA_FILE.exec(req.params.file) ?? [];
    const file = join(mediaDir(ctx), req.params.file);
    if (!ext || !existsSync(file)) throw notFound('image');
    return reply
      .type(MEDIA_TYPES[ext as MediaExt])
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(createReadStream(file));
  });
};
