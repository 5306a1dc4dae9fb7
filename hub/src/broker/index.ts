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
): Promise<BrokerLink> {
  const credential = loadHubCredential(ctx.config.dataDir);
  const reports = deviceReports(ctx, deps.metrics.mqtt);
  let link: BrokerLink;
  if (ctx.config.mqttUrl) {
    const mosquitto = mosquittoExport(ctx, credential);
    link = connectExternalBroker(ctx, { credential, reports, mosquitto });
  } else {
    // Nobody is connected to a broker that just started: screens say "online" as they return.
    ctx.store.devices.allOffline();
    link = await startEmbeddedBroker(ctx, { ...deps, credential, reports });
  }
  return {
    ...link,
    async close() {
      await link.close();
      // What the last wills said, before the store closes.
      reports.flush();
    },
  };
}
