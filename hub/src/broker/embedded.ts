import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Aedes, type AuthenticateError, type Client, type PublishPacket } from 'aedes';
import { WebSocketServer } from 'ws';
import { DISCARD_TOPIC, parseTopic } from '#shared/topics';
import type { HubContext } from '../context.ts';
import type { Metrics } from '../http/metrics.ts';
import { upgradeAllowed } from '../http/origin.ts';
import { mayPublish, maySubscribe, type Identity } from './acl.ts';
import { identify, isDeviceId, type HubCredential } from './credentials.ts';
import type { BrokerLink } from './link.ts';
import type { DeviceReports } from './reports.ts';
import { MAX_MQTT_PACKET, limitPacketSize } from './packet-limit.ts';
import { indexedPersistence } from './retained.ts';
import { webSocketStream } from './ws-stream.ts';

export const MQTT_WS_PATH = '/mqtt';
// One screen that stops reading must not hold up the others: at aedes' default 60 s a
// frozen subscriber stalled a healthy one for ~57 s; at 2 s it did not (DESIGN.md).
const DRAIN_TIMEOUT_MS = 2000;
// A first publish outside the ACL is dropped; the next one ends the connection.
const REFUSALS_BEFORE_DISCONNECT = 2;

export interface EmbeddedDeps {
  http: HttpServer;
  metrics: Metrics;
  credential: HubCredential;
  reports: DeviceReports;
}

// Sends a publish nowhere while acknowledging it, so the sender stays connected.
function discard(packet: PublishPacket): void {
  packet.topic = DISCARD_TOPIC;
  packet.retain = false;
}

const asBuffer = (payload: PublishPacket['payload']) =>
  Buffer.isBuffer(payload) ? payload : Buffer.from(payload);

// aedes on MQTT_PORT (TCP) and on the HTTP server's /mqtt (WebSocket), with device
// logins, the ACL of DESIGN.md, and device reports checked before anyone sees them.
export async function startEmbeddedBroker(
  ctx: HubContext,
  deps: EmbeddedDeps,
): Promise<BrokerLink> {
  const m = deps.metrics.mqtt;
  const who = new WeakMap<Client, Identity>();
  const refusals = new WeakMap<Client, number>();
  const byDevice = new Map<string, Set<Client>>();
  const { persistence } = indexedPersistence();

  const aedes = await Aedes.createBroker({
    persistence,
    drainTimeout: DRAIN_TIMEOUT_MS,
    authenticate(client, username, password, done) {
      const identity = identify(ctx, deps.credential, username, password);
      if (!identity) {
        m.refused.inc({ action: 'connect' });
        const err = Object.assign(new Error('bad username or password'), { returnCode: 4 });
        return done(err as AuthenticateError, false);
      }
      // A client id that names another device would take over that device's session.
      if (identity.kind === 'device' && client.id !== identity.deviceId && isDeviceId(client.id)) {
        m.refused.inc({ action: 'connect' });
        const err = Object.assign(new Error('client id of another device'), { returnCode: 2 });
        return done(err as AuthenticateError, false);
      }
      who.set(client, identity);
      done(null, true);
    },
    authorizeSubscribe(client, sub, done) {
      const identity = who.get(client);
      if (identity && maySubscribe(identity, sub.topic)) return done(null, sub);
      m.refused.inc({ action: 'subscribe' });
      // A failure code in the SUBACK (0x80); the connection stays.
      done(null, null);
    },
    authorizePublish(client, packet, done) {
      // No client: aedes itself publishing a will it kept for a client long gone.
      if (!client) return done(null);
      const identity = who.get(client);
      if (!identity) return done(new Error('not authenticated'));
      if (!mayPublish(identity, packet.topic)) {
        m.refused.inc({ action: 'publish' });
        const count = (refusals.get(client) ?? 0) + 1;
        refusals.set(client, count);
        if (count >= REFUSALS_BEFORE_DISCONNECT) return done(new Error('publish outside the ACL'));
        discard(packet);
        return done(null);
      }
      if (identity.kind !== 'device') return done(null);
      const parsed = parseTopic(packet.topic);
      const reason =
        parsed?.kind === 'device'
          ? deps.reports.report(
              identity.deviceId,
              identity.building,
              parsed.name,
              asBuffer(packet.payload),
            )
          : 'not_a_report';
      if (reason) {
        discard(packet);
        return done(null);
      }
      // The PUBACK waits until the report is on disk (its batch: at most 25 ms); a failed
      // write ends the connection unacknowledged, and the device sends it again.
      deps.reports.afterWrite((err) => done(err));
    },
  });

  aedes.on('client', (client) => {
    m.clients.inc();
    const identity = who.get(client);
    if (identity?.kind !== 'device') return;
    let set = byDevice.get(identity.deviceId);
    if (!set) byDevice.set(identity.deviceId, (set = new Set()));
    set.add(client);
  });
  aedes.on('clientError', (client, err) => {
    ctx.log.debug({ clientId: client.id, err: err.message }, 'MQTT client error');
  });
  aedes.on('clientDisconnect', (client) => {
    m.clients.dec();
    const identity = who.get(client);
    if (identity?.kind !== 'device') return;
    const set = byDevice.get(identity.deviceId);
    set?.delete(client);
    if (set?.size === 0) byDevice.delete(identity.deviceId);
  });

  const tcp = createServer((socket: Socket) => {
    socket.setNoDelay(true);
    limitPacketSize(aedes.handle(socket));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen(ctx.config.mqttPort, ctx.config.host, () => {
        tcp.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    // MQTT_PORT taken: stop aedes' timers so the failed start leaves nothing running.
    await new Promise<void>((resolve) => aedes.close(() => resolve()));
    throw err;
  }
  tcp.on('error', (err) => ctx.log.error({ err }, 'MQTT listener'));
  const port = (tcp.address() as AddressInfo).port;

  const wss = new WebSocketServer({
    noServer: true,
    // A frame larger than the largest packet ends the connection at the WebSocket layer.
    maxPayload: MAX_MQTT_PACKET,
    perMessageDeflate: false,
  });
  // Only /mqtt: other upgrades (socket.io's) belong to their own listeners.
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== MQTT_WS_PATH) return;
    // Screens load from the hub; a page of another site may not speak MQTT through it.
    if (!upgradeAllowed(ctx, req.headers)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) =>
      limitPacketSize(aedes.handle(webSocketStream(ws), req)),
    );
  };
  deps.http.on('upgrade', onUpgrade);

  return {
    port,
    publish: (topic, payload, retain) =>
      new Promise<void>((resolve, reject) => {
        const packet: PublishPacket = {
          cmd: 'publish',
          topic,
          payload: typeof payload === 'string' ? Buffer.from(payload) : payload,
          qos: 1,
          retain,
          dup: false,
        };
        aedes.publish(packet, (err) => (err ? reject(err) : resolve()));
      }),
    disconnect(deviceId) {
      for (const client of byDevice.get(deviceId) ?? []) client.close();
    },
    devicesChanged() {
      // The embedded broker reads the device table at every CONNECT; nothing to rewrite.
    },
    onReady(listener) {
      listener();
    },
    endpoints() {
      const base = new URL(ctx.publicUrl());
      const ws = `${base.protocol === 'https:' ? 'wss' : 'ws'}://${base.host}${MQTT_WS_PATH}`;
      return { tcp: `mqtt://${base.hostname}:${port}`, ws };
    },
    async close() {
      deps.http.off('upgrade', onUpgrade);
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    },
  };
}
