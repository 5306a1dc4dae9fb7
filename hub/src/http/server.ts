import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { HubContext } from '../context.ts';
import { installErrorHandling, refusal } from './errors.ts';
import { installOriginGuard } from './origin.ts';
import { installScopeGuard } from './scope.ts';
import { instrument, type Metrics } from './metrics.ts';
import { alertRoutes } from './routes/alert.ts';
import { appRoutes } from './routes/apps.ts';
import { phonePageRoutes } from './routes/phone-pages.ts';
import { buildingRoutes } from './routes/buildings.ts';
import { contactRoutes } from './routes/contacts.ts';
import { deviceRoutes } from './routes/devices.ts';
import { screenHealthRoutes } from './routes/screen-health.ts';
import { eventRoutes } from './routes/events.ts';
import { feedbackPhotoRoutes } from './routes/feedback-photos.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { holidayRoutes } from './routes/holidays.ts';
import { jobRoutes } from './routes/jobs.ts';
import { mediaRoutes } from './routes/media.ts';
import { noticeRoutes } from './routes/notices.ts';
import { playlistRoutes } from './routes/playlists.ts';
import { qrRoutes } from './routes/qr.ts';
import { registrationRoutes } from './routes/registrations.ts';
import { reportRoutes } from './routes/reports.ts';
import { sessionRoutes } from './routes/session.ts';
import { staffRoutes } from './routes/staff.ts';
import { systemRoutes } from './routes/system.ts';

export interface HttpDeps {
  metrics: Metrics;
}
// A route module: registers its routes on the typed app.
export type Route = (app: ReturnType<typeof typed>, ctx: HubContext, deps: HttpDeps) => void;

const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

// Route modules added by later parts (devices, feedback, registrations…) join this list.
export const ROUTES: Route[] = [
  systemRoutes,
  sessionRoutes,
  staffRoutes,
  buildingRoutes,
  contactRoutes,
  noticeRoutes,
  eventRoutes,
  deviceRoutes,
  screenHealthRoutes,
  alertRoutes,
  registrationRoutes,
  feedbackRoutes,
  feedbackPhotoRoutes,
  qrRoutes,
  playlistRoutes,
  mediaRoutes,
  holidayRoutes,
  jobRoutes,
  reportRoutes,
  phonePageRoutes,
  appRoutes,
];

// Slow and silent clients (slowloris: headers or a body trickled a byte at a time, sockets
// opened and left, a client that stops reading a large answer) each hold a socket and
// memory; without limits Node and fastify let a trickled body or a silent socket stay for
// ever. Defaults (config.ts, HTTP_*_TIMEOUT_MS):
// - headers 20 s: a phone sends them in one packet; 20 s covers retransmits on a weak signal.
// - whole request 120 s: a 5 MB photo (the largest body) from a phone at ~50 KB/s.
// - idle socket 60 s: no byte either way, as a socket opened and left or a client that
//   stopped reading; above socket.io's 25 s long-poll, and WebSocket upgrades (/mqtt,
//   socket.io) turn it off for their sockets. MQTT has its own keepalive and drainTimeout.
// - keep-alive 10 s between requests (browsers reopen at once; fastify's 72 s is for load
//   balancers the hub does not sit behind).
// Node checks the header and request limits on a timer, every 30 s by default, so a 20 s
// limit could let a slow client stay 50 s: here every second (more often for the short
// limits tests use), which costs a walk over the requests still being received.
function timeouts(config: HubContext['config']) {
  const requestTimeout = config.httpRequestTimeoutMs;
  const headersTimeout = Math.min(config.httpHeadersTimeoutMs, requestTimeout);
  return {
    connectionTimeout: config.httpIdleTimeoutMs,
    keepAliveTimeout: Math.min(10_000, config.httpIdleTimeoutMs),
    requestTimeout,
    http: {
      headersTimeout,
      requestTimeout,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, headersTimeout / 4)),
    },
  };
}

// WebSockets (MQTT at /mqtt, socket.io) reach this hub by whatever name the page came
// from, and the external broker's listener when there is one: named, not every ws: host,
// and not left to 'self', which older WebViews (WeChat's among them) do not apply to ws:.
const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
function webSocketSources(config: HubContext['config']) {
  const own = (req: IncomingMessage) => {
    const host = req.headers.host ?? '';
    return HOST_HEADER.test(host) ? `ws://${host} wss://${host}` : "'self'";
  };
  return ["'self'", own, ...(config.mqttWsUrl ? [new URL(config.mqttWsUrl).origin] : [])];
}

export async function buildServer(ctx: HubContext, deps: HttpDeps, extra: Route[] = []) {
  const app = Fastify({
    ...timeouts(ctx.config),
    loggerInstance: ctx.log as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    // Bodies are small JSON; photos go to their own route with its own limit.
    bodyLimit: 256 * 1024,
    trustProxy: ctx.config.trustProxy,
    // Router-level failures (bad URL encoding, over-long path parameters) get the same error shape.
    frameworkErrors: (_err, req, reply) => {
      void (reply as FastifyReply).code(400).send(refusal(req, 'invalid', 'badUrl', 'path'));
    },
  });
  // JSON only: a form or text body is refused with a 400 naming the content type.
  app.removeContentTypeParser(['text/plain']);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': webSocketSources(ctx.config),
        'style-src': ["'self'", "'unsafe-inline'"],
        'script-src': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    // The hub is served over plain HTTP inside a building network; HSTS would strand it.
    strictTransportSecurity: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Lobby hub API', version: '1' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'lobby_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  installErrorHandling(app);
  installOriginGuard(app, ctx);
  installScopeGuard(app);
  instrument(app, deps.metrics);
  const t = typed(app);
  for (const route of [...ROUTES, ...extra]) route(t, ctx, deps);
  return app;
}
