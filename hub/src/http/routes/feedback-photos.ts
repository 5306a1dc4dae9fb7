import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { feedbackTicketParams, photoUploaded } from '#shared/schemas/feedback';
import { MEDIA_MAX_BYTES } from '../../services/media.ts';
import { savePhoto, ticketPhoto } from '../../services/feedback-photos.ts';
import { kioskKey, takeVisitorLimits } from '../../services/visitor-limits.ts';
import { actorOf, allow } from '../auth.ts';
import { originOf, publicWrite } from '../public-writes.ts';
import type { Route } from '../server.ts';
import { acceptImageBodies } from './media.ts';

const tags = ['feedback'];

export const feedbackPhotoRoutes: Route = (app, ctx) => {
  const limited = publicWrite(app, ctx);
  void app.register(async (scope) => {
    acceptImageBodies(scope);
    scope.post(
      '/api/public/feedback/photos',
      {
        bodyLimit: MEDIA_MAX_BYTES,
        schema: {
          tags,
          description:
            'A photo for a feedback ticket, as the raw body (JPEG, PNG, WebP or GIF, at most 5 MB). ' +
            'It is re-encoded as JPEG without its metadata; send the answer\'s "photo" with the ticket ' +
            'within the hour. Limited per client and per day.',
          response: { 201: photoUploaded },
        },
        ...limited,
      },
      async (req, reply) => {
        const from = originOf(ctx, req);
        const kiosk = kioskKey(from);
        takeVisitorLimits(ctx, { device: kiosk });
        return reply.code(201).send(await savePhoto(ctx, req.body, kiosk ?? from.address));
      },
    );
  });

  // Personal data: for those who work the feedback loop in the ticket's building, never
  // kept by a browser or proxy cache.
  app.get(
    '/api/staff/feedback/:ticket/photo',
    {
      schema: {
        tags,
        params: feedbackTicketParams,
        description: "The ticket's photo (image/jpeg), for the admin and handler roles.",
        response: { 200: z.unknown() },
      },
      onRequest: allow(ctx, 'feedback'),
    },
    async (req, reply) => {
      const file = ticketPhoto(ctx, actorOf(req), req.params.ticket);
      return reply
        .type('image/jpeg')
        .header('cache-control', 'private, no-store')
        .send(createReadStream(file));
    },
  );
};
