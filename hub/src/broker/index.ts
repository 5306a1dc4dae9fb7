import type { Server as HttpServer } from 'node:http';
import type { HubContext } from '../context.ts';
import type { Metrics } from '../http/metrics.ts';
import { loadHubCredential } from './credentials.ts';
import { startEmbeddedBroker } from './embedded.ts';
import { connectExternalBroker } from './external.ts';
import type { BrokerLink } from './link.ts';
import { mosquittoExport } from './mosquitto.ts';
import { deviceReports } from './reports.ts';

export type { BrokerLink } from './link.ts';

// The embedded aedes by default; with MQTT_URL, a client of that external broker.
export async function startBroker(
  ctx: HubContext,
  deps: { http: HttpServer; metrics: Metrics },
): Promise<{ link: BrokerLink; mosquitto: ReturnType<typeof mosquittoExport> }> {
  const credential = loadHubCredential(ctx.config.dataDir);
  const reports = deviceReports(ctx, deps.metrics.mqtt);
  const mosquitto = mosquittoExport(ctx, credential);
  if (ctx.config.mqttUrl) {
    return { link: connectExternalBroker(ctx, { credential, reports, mosquitto }), mosquitto };
  }
  // Nobody is connected to a broker that just started: screens report "online" as they return.
  ctx.store.devices.allOffline();
  const link = await startEmbeddedBroker(ctx, { ...deps, credential, reports });
  return { link, mosquitto };
}
