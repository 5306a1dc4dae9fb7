import { join } from 'node:path';
import { pino } from 'pino';
import { isLoopbackUrl } from '#shared/public-url';
import { startBroker } from './broker/index.ts';
import { configFromEnv, type Config } from './config.ts';
import type { HubContext } from './context.ts';
import { loadDemo } from './demo/seed.ts';
import { createMetrics } from './http/metrics.ts';
import { buildServer } from './http/server.ts';
import { LiveBus } from './live/bus.ts';
import { attachLive } from './live/server.ts';
import { ChangeBus } from './publish/changes.ts';
import { startDevicePublishing } from './publish/devices.ts';
import { Publisher } from './publish/publisher.ts';
import { choosePublicUrl } from './public-url.ts';
import { startScheduler } from './schedule/scheduler.ts';
import { ensureAdmin } from './services/auth.ts';
import { adoptMediaPhotos } from './services/feedback-photos.ts';
import { openStore } from './store/index.ts';

export interface RunningHub {
  url: string;
  port: number;
  // The broker's MQTT/TCP port (embedded: the bound one) and where devices reach MQTT over WebSocket.
  mqttPort: number;
  mqttWsUrl: string;
  ctx: HubContext;
  // Printed once on first start when ADMIN_PASSWORD was not set.
  adminPassword: string | null;
  close(): Promise<void>;
}

// Starts a whole hub: store, demo data, HTTP. Tests start several, each on its own ports and data dir.
export async function startHub(overrides: Partial<Config> = {}): Promise<RunningHub> {
  const config: Config = { ...configFromEnv(), ...overrides };
  const log = pino({
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    // Follow links carry their secret in the query string: log the path only.
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
      }),
    },
  });
  const store = openStore(config.dataDir);
  let publicUrl = config.publicUrl ?? '';
  const ctx: HubContext = {
    store,
    config,
    log,
    changes: new ChangeBus(),
    now: () => new Date(),
    publicUrl: () => publicUrl,
    live: new LiveBus(log),
  };
  const adminPassword = await ensureAdmin(ctx);
  if (config.demo && store.buildings.list().length === 0) loadDemo(ctx);
  await adoptMediaPhotos(ctx);

  const metrics = createMetrics(store.db, join(config.dataDir, 'lobby.db'));
  const app = await buildServer(ctx, { metrics });
  // The broker, and /mqtt on the HTTP server.
  const broker = await startBroker(ctx, { http: app.server, metrics }).catch(
    async (err: unknown) => {
      await app.close();
      store.close();
      throw err;
    },
  );
  ctx.mqttEndpoints = () => broker.endpoints();
  const live = ctx.live ? attachLive(ctx, app.server, ctx.live) : null;
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const boundUrl = `http://${host}:${port}`;
  const chosen = choosePublicUrl({ publicUrl: config.publicUrl, host: config.host, port });
  publicUrl = chosen.url;
  // Said at every start: a QR code that phones cannot open is found out here, not at a poster.
  if (isLoopbackUrl(publicUrl))
    log.warn({ publicUrl }, 'QR codes and links point at this machine only: set PUBLIC_URL');
  else if (chosen.from === 'lan')
    log.info({ publicUrl }, 'no PUBLIC_URL: QR codes and links use this LAN address');
  else log.info({ publicUrl }, 'QR codes and links use PUBLIC_URL');
  // Every retained snapshot and device config again, once links in them can name this address.
  const publisher = new Publisher(ctx, broker, metrics.mqtt);
  publisher.start();
  const stopDevicePublishing = startDevicePublishing(ctx, broker);
  const scheduler = startScheduler(ctx);

  return {
    url: boundUrl,
    port,
    mqttPort: broker.port,
    mqttWsUrl: broker.endpoints().ws,
    ctx,
    adminPassword,
    async close() {
      await scheduler.stop();
      // The last changes still go out before the broker stops.
      await publisher.stop();
      stopDevicePublishing();
      await live?.close();
      await broker.close();
      await app.close();
      store.close();
    },
  };
}
