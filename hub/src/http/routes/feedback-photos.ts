import { z } from 'zod';
import type { Actor } from '../../context.ts';
import { MEDIA_MAX_BYTES, saveMedia } from '../../services/media.ts';
import { kioskKey, takeVisitorLimits } from '../../services/visitor-limits.ts';
import { originOf, publicWrite } from '../public-writes.ts';
import type { Route } from '../server.ts';
import { acceptImageBodies } from './media.ts';

// Photos come from phones without a login; the audit row names them as a visitor's.
const VISITOR: Actor = { id: null, username: 'visitor', role: 'system', buildings: null };

export const feedbackPhotoRoutes: Route = (app, ctx) => {
  const limited = publicWrite(app, ctx);
  void app.register(async (scope) => {
    acceptImageBodies(scope);
    scope.post(
      '/api/public/feedback/photos',
      {
        bodyLimit: MEDIA_MAX_BYTES,
        schema: {
          tags: ['feedback'],
          description:
            'A photo for a feedback ticket, as the raw body (JPEG, PNG or WebP, at most 5 MB); ' +
            'send the answer path as the ticket\'s "photo".',
          response: { 201: z.object({ path: z.string() }) },
        },
        ...limited,
      },
      async (req, reply) => {
        takeVisitorLimits(ctx, { device: kioskKey(originOf(ctx, req)) });
        const saved = saveMedia(ctx, VISITOR, req.body, undefined);
        return reply.code(201).send({ path: saved.path });
      },
    );
  });
};
