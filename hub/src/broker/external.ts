import mqtt from 'mqtt';
import { DEVICE_PUBLISHES, parseTopic, topics } from '#shared/topics';
import type { HubContext } from '../context.ts';
import { sha256 } from '../services/secrets.ts';
import type { HubCredential } from './credentials.ts';
import type { BrokerLink } from './link.ts';
import type { MosquittoExport } from './mosquitto.ts';
import type { DeviceReports } from './reports.ts';

export interface ExternalDeps {
  credential: HubCredential;
  reports: DeviceReports;
  mosquitto: MosquittoExport;
}

// How long close() waits for the broker to acknowledge what is still in flight.
const CLOSE_GRACE_MS = 2000;

// The hub as a client of an external broker (MQTT_URL): it publishes the same topics,
// takes device reports through a subscription, and keeps the broker's password file
// and ACL (DATA_DIR/mosquitto/) in step with the device table. Mosquitto enforces them.
export function connectExternalBroker(ctx: HubContext, deps: ExternalDeps): BrokerLink {
  const url = new URL(ctx.config.mqttUrl ?? '');
  deps.mosquitto.write();
  const ready = new Set<() => void>();
  const client = mqtt.connect(url.toString(), {
    protocolVersion: 4,
    username: deps.credential.username,
    password: deps.credential.password,
    // The same session across the hub's restarts, so Mosquitto keeps the device reports
    // that arrive while the hub is away; derived from its secret, so no device can guess
    // the id and take the session over.
    clientId: `${deps.credential.username}-${sha256(deps.credential.password).slice(0, 16)}`,
    clean: false,
    reconnectPeriod: 1000,
  });
  client.on('connect', () => {
    ctx.log.info({ broker: url.host }, 'connected to the external MQTT broker');
    client.subscribe(
      DEVICE_PUBLISHES.map((name) => topics.allDeviceReports(name)),
      { qos: 1 },
      (err) => err && ctx.log.error({ err }, 'subscribing to device reports failed'),
    );
    for (const listener of ready) listener();
  });
  client.on('error', (err) => ctx.log.warn({ err: err.message }, 'external MQTT broker'));
  // mqtt.js acknowledges a QoS 1 message when handleMessage calls back, and Mosquitto
  // forgets it then. Proof of play is written first (one commit for the batch a screen
  // sends), so a hub that dies here has it on disk or gets it again from its session;
  // availability and state are last-value reports a device sends again anyway, so they
  // keep their batched write.
  client.handleMessage = (packet, callback) => {
    const parsed = parseTopic(packet.topic);
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    // An empty payload is a retained message being cleared (by the hub itself), not a report.
    if (parsed?.kind !== 'device' || payload.length === 0) return callback();
    const dropped = deps.reports.report(parsed.deviceId, parsed.building, parsed.name, payload);
    if (dropped || parsed.name !== 'played') return callback();
    deps.reports.afterWrite((err) => callback(err ?? undefined));
    deps.reports.flush();
  };

  return {
    port: Number(url.port || 1883),
    async publish(topic, payload, retain) {
      await client.publishAsync(topic, payload, { qos: 1, retain });
    },
    disconnect() {
      // Mosquitto drops a client whose login is gone when it reloads the rewritten files.
    },
    devicesChanged() {
      deps.mosquitto.write();
    },
    onReady(listener) {
      ready.add(listener);
      if (client.connected) listener();
    },
    endpoints: () => ({ tcp: url.toString(), ws: ctx.config.mqttWsUrl ?? '' }),
    async close() {
      ready.clear();
      if (!client.connected) {
        await client.endAsync(true);
        return;
      }
      const graceful = client.endAsync(false);
      const timer = new Promise<'timeout'>((r) => setTimeout(r, CLOSE_GRACE_MS, 'timeout').unref());
      if ((await Promise.race([graceful, timer])) === 'timeout') await client.endAsync(true);
    },
  };
}
