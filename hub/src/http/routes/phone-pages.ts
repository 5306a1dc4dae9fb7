import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FEEDBACK_CATEGORIES, type Locale } from '#shared/enums';
import { pickLocale, translator } from '#shared/i18n/index';
import { phone as phoneCatalogue } from '#shared/i18n/phone';
import { vocabulary } from '#shared/i18n/vocabulary';
import { buildingId } from '#shared/schemas/common';
import type { Contact } from '#shared/schemas/contacts';
import { registrationTicketParams, secretQuery } from '#shared/schemas/events';
import { feedbackTicketParams } from '#shared/schemas/feedback';
import { qrPath } from '#shared/qr-path';
import { qrParams } from '#shared/schemas/qr';
import { buildVCard } from '#shared/vcard';
import type { HubContext } from '../../context.ts';
import { ApiError, must, notFound } from '../../errors.ts';
import { toPublicEvent, upcomingEvents } from '../../services/events.ts';
import { followUrl, viewFeedback } from '../../services/feedback.ts';
import { scanQr } from '../../services/qr.ts';
import { ticketUrl, viewRegistration } from '../../services/registrations.ts';
import { checkLinkGuesses } from '../../services/visitor-limits.ts';
import { countWrongLinks } from '../public-writes.ts';
import type { Route } from '../server.ts';

// The pages behind every QR code: built by Vite into kiosk/dist/phone/, served here with the
// page's data inlined as JSON, so a phone on a weak signal paints with one request.
const DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../../kiosk/dist/phone');
type Page = 'feedback' | 'follow' | 'event' | 'ticket' | 'contact' | 'place' | 'mine';

const hide = { hide: true };
// Parameters are checked in the handlers, so a bad one gets the plain page, not JSON.
const anyQuery = z.record(z.string(), z.unknown());
const param = (name: string) => z.object({ [name]: z.string() });
const numberParam = z.object({ id: z.coerce.number().int().positive() });
const secretOf = (q: unknown) =>
  secretQuery.parse({ secret: (q as Record<string, unknown>).s }).secret;
const buildingQuery = z.object({
  b: buildingId,
  place: z.coerce.number().int().positive().optional(),
  floor: z.coerce.number().int().min(-5).max(200).optional(),
  c: z.enum(FEEDBACK_CATEGORIES).optional(),
});

// JSON inside <script> must not be able to close the element or open a comment.
export function inlineJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// A wrong or expired link, or too many wrong ones from this address: a plain page in the
// reader's language, never a stack.
function brokenPage(reply: FastifyReply, locale: Locale, status: number) {
  const t = translator(phoneCatalogue, locale);
  const [title, body] =
    status === 429 ? [t('busy.title'), t('busy.body')] : [t('broken.title'), t('broken.body')];
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;margin:0;padding:32px 20px;background:#f4f6f9;color:#111">` +
    `<h1 style="font-size:22px">${escapeHtml(title)}</h1>` +
    `<p style="font-size:17px;line-height:1.5">${escapeHtml(body)}</p></body></html>`;
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);
}

function sendPage(reply: FastifyReply, page: Page, data: Record<string, unknown>) {
  const file = join(DIST, `${page}.html`);
  if (!existsSync(file)) {
    return reply
      .code(503)
      .type('text/plain; charset=utf-8')
      .send('the phone pages are not built: run npm run build');
  }
  // Replacer functions, not strings: in a replacement string `$'`, `$&` and `$\`` are
  // patterns, and names, titles and feedback text may hold them.
  const html = readFileSync(file, 'utf8')
    .replace(/<html lang="[^"]*"/, () => `<html lang="${String(data.locale)}"`)
    .replace(
      '</head>',
      () =>
        `<script type="application/json" id="lobby-data">${inlineJson({ ...data, page })}</script></head>`,
    );
  // Follow and ticket pages hold a secret: never kept by a cache or a shared proxy.
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

export const phonePageRoutes: Route = (app, ctx) => {
  const common = (req: FastifyRequest, building: string) => {
    const b = must(ctx.store.buildings.get(building), 'building');
    return {
      locale: pickLocale(req.headers['accept-language']),
      tz: b.timezone,
      building: { id: b.id, name: b.name },
    };
  };
  // Any refusal from a service (unknown ticket, wrong secret, bad parameter) is a broken link.
  const guard =
    (fn: (req: FastifyRequest, reply: FastifyReply) => unknown) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      try {
        return await fn(req, reply);
      } catch (err) {
        if (!(err instanceof ApiError) && !(err instanceof z.ZodError)) throw err;
        const status =
          err instanceof ApiError && (err.status === 404 || err.status === 429) ? err.status : 400;
        return brokenPage(reply, pickLocale(req.headers['accept-language']), status);
      }
    };

  const feedbackForm = (
    req: FastifyRequest,
    reply: FastifyReply,
    building: string,
    placeId: number | null,
    category: string | null,
  ) => {
    const place = placeId === null ? undefined : ctx.store.buildings.place(placeId);
    if (place && place.building !== building) throw notFound('place');
    return sendPage(reply, 'feedback', {
      ...common(req, building),
      place: place ? { id: place.id, name: place.name } : null,
      category,
    });
  };
  const eventsPage = (req: FastifyRequest, reply: FastifyReply, building: string) =>
    sendPage(reply, 'event', {
      ...common(req, building),
      event: null,
      events: upcomingEvents(ctx, building),
    });
  const contactsPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    building: string,
    floor: number | null,
  ) => {
    const all = ctx.store.contacts.list(building).map(publicContact);
    const shown = all.filter(
      (c) => c.floors.length === 0 || floor === null || c.floors.includes(floor),
    );
    return sendPage(reply, 'contact', {
      ...common(req, building),
      title: floor === null ? null : `${floor}F`,
      contacts: shown,
    });
  };

  const contactPage = (req: FastifyRequest, reply: FastifyReply, id: number) => {
    const { building, ...c } = contactById(ctx, id);
    return sendPage(reply, 'contact', { ...common(req, building), title: null, contacts: [c] });
  };
  const eventPage = (req: FastifyRequest, reply: FastifyReply, id: number) => {
    const row = must(ctx.store.events.get(id), 'event');
    return sendPage(reply, 'event', {
      ...common(req, row.building_id),
      event: toPublicEvent(ctx, row),
      events: [],
    });
  };

  app.get(
    '/q/:code',
    { schema: { ...hide, params: param('code') } },
    guard((req, reply) => {
      const { code } = qrParams.parse(req.params);
      const qr = scanQr(ctx, code);
      const b = qr.building.id;
      switch (qr.intent) {
        case 'feedback':
          return feedbackForm(req, reply, b, qr.place.id, null);
        case 'event':
          return qr.target === null ? eventsPage(req, reply, b) : eventPage(req, reply, qr.target);
        case 'contact':
          return qr.target === null
            ? contactsPage(req, reply, b, qr.place.floor)
            : contactPage(req, reply, qr.target);
        default:
          return sendPage(reply, 'place', {
            ...common(req, b),
            place: { id: qr.place.id, name: qr.place.name },
            links: placeLinks(b, qr.place.id, qr.place.floor),
          });
      }
    }),
  );

  // The kiosk hands a feedback over to the phone (to write in Chinese, or add a photo).
  app.get(
    '/f/new',
    { schema: { ...hide, querystring: anyQuery } },
    guard((req, reply) => {
      const q = buildingQuery.parse(req.query);
      return feedbackForm(req, reply, q.b, q.place ?? null, q.c ?? null);
    }),
  );
  // The pages that hold a secret count wrong links like the API does (public-writes.ts).
  const secretPage = {
    schema: { ...hide, params: param('ticket'), querystring: anyQuery },
    onSend: countWrongLinks(ctx),
  };
  app.get(
    '/f/:ticket',
    secretPage,
    guard((req, reply) => {
      checkLinkGuesses(ctx, req.ip);
      const { ticket } = feedbackTicketParams.parse(req.params);
      const secret = secretOf(req.query);
      const view = viewFeedback(ctx, ticket, secret);
      const row = must(ctx.store.feedback.byTicket(ticket), 'feedback');
      const url = followUrl(ctx, ticket, secret);
      return sendPage(reply, 'follow', {
        ...common(req, row.building_id),
        view,
        secret,
        url,
        qr: qrPath(url),
      });
    }),
  );
  app.get(
    '/t/:ticket',
    secretPage,
    guard((req, reply) => {
      checkLinkGuesses(ctx, req.ip);
      const { ticket } = registrationTicketParams.parse(req.params);
      const secret = secretOf(req.query);
      const view = viewRegistration(ctx, ticket, secret);
      const event = must(ctx.store.events.get(view.event.id), 'event');
      const url = ticketUrl(ctx, ticket, secret);
      return sendPage(reply, 'ticket', {
        ...common(req, event.building_id),
        view,
        secret,
        url,
        qr: qrPath(url),
      });
    }),
  );
  // "我的": what this phone registered for and reported lives in its own storage; the hub
  // sends only the building, for the header and the way back to its events.
  app.get(
    '/me',
    { schema: { ...hide, querystring: anyQuery } },
    guard((req, reply) =>
      sendPage(reply, 'mine', common(req, buildingQuery.pick({ b: true }).parse(req.query).b)),
    ),
  );
  app.get(
    '/e',
    { schema: { ...hide, querystring: anyQuery } },
    guard((req, reply) => eventsPage(req, reply, buildingQuery.parse(req.query).b)),
  );
  app.get(
    '/e/:id',
    { schema: { ...hide, params: param('id') } },
    guard((req, reply) => eventPage(req, reply, numberParam.parse(req.params).id)),
  );
  app.get(
    '/c',
    { schema: { ...hide, querystring: anyQuery } },
    guard((req, reply) => {
      const q = buildingQuery.parse(req.query);
      return contactsPage(req, reply, q.b, q.floor ?? null);
    }),
  );
  app.get(
    '/c/:id',
    { schema: { ...hide, params: param('id') } },
    guard((req, reply) => contactPage(req, reply, numberParam.parse(req.params).id)),
  );
  app.get(
    '/c/:id/vcard',
    { schema: { ...hide, params: param('id') } },
    guard((req, reply) => {
      const c = contactById(ctx, numberParam.parse(req.params).id);
      const role = translator(vocabulary, 'zh-CN')(`contact.${c.role}`);
      const card = buildVCard({
        name: c.name,
        org: c.company || undefined,
        title: role,
        phone: c.phone,
        note:
          [c.wechat ? `WeChat: ${c.wechat}` : '', c.hours].filter(Boolean).join('\n') || undefined,
      });
      return reply
        .type('text/vcard; charset=utf-8')
        .header('content-disposition', `attachment; filename="contact-${c.id}.vcf"`)
        .send(card);
    }),
  );
};

// Only the public fields, named one by one: the captain's registration code stays with staff.
const publicContact = (c: Contact): Contact => ({
  id: c.id,
  building: c.building,
  name: c.name,
  role: c.role,
  floors: c.floors,
  company: c.company,
  phone: c.phone,
  wechat: c.wechat,
  photo: c.photo,
  hours: c.hours,
});

const contactById = (ctx: HubContext, id: number) =>
  publicContact(must(ctx.store.contacts.get(id), 'contact'));

function placeLinks(building: string, place: number, floor: number | null) {
  const b = encodeURIComponent(building);
  return {
    feedback: `/f/new?b=${b}&place=${place}`,
    events: `/e?b=${b}`,
    contacts: floor === null ? `/c?b=${b}` : `/c?b=${b}&floor=${floor}`,
  };
}
