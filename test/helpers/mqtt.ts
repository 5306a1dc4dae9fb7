// MQTT for tests: pair a device through the real API, connect it as a real mqtt.js
// client (protocol 3.1.1), and wait for messages. Typical use:
//
//   const device = await pairDevice(hub);                 // a signage screen in 'demo'
//   const client = await connectDevice(device);           // TCP; { transport: 'ws' } for /mqtt
//   await subscribe(client, topics.buildingContent(device.building));
//   const notices = await nextMessage(client, topics.content('demo', 'notices'));
//   ...
//   await client.endAsync();
//
// Also here: startMosquitto (the exported config, as the external-broker tests run it),
// and liveClient/nextLive for the console's socket.io channel.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { z } from 'zod';
import type { DeviceKind } from '#shared/enums';
import type { LiveEventName, LivePayload, LiveServerToClient } from '#shared/live-events';
import { envelope, type DeviceState } from '#shared/payloads';
import { topics } from '#shared/topics';
import { hubCredentialPath } from '../../hub/src/broker/credentials.ts';
import { startTestHub, type HubClient, type TestHub } from './hub.ts';
import { freePort } from './hub-process.ts';

export interface PairedDevice {
  deviceId: string;
  token: string;
  building: string;
  // Where the pairing answer says to connect.
  mqtt: { tcp: string; ws: string };
}

export interface PairOptions {
  kind?: DeviceKind;
  building?: string;
  floor?: number;
  bank?: number | string;
  group?: string;
  name?: string;
  // A staff session token; the helper logs in as admin when none is given.
  staff?: string;
}

// Pairs a device as a screen and a staff member would: the screen asks for a code, staff
// claim it, the screen collects its token.
export async function pairDevice(hub: HubClient, opts: PairOptions = {}): Promise<PairedDevice> {
  const { kind = 'signage', building = 'demo', staff, ...placement } = opts;
  const started = await hub.api<{ deviceId: string; code: string }>(
    'POST',
    '/api/devices/pairing',
    { kind },
  );
  if (started.status !== 201) throw new Error(`pairing: ${started.status}`);
  const { deviceId, code } = started.body;
  const claimed = await hub.api(
    'POST',
    '/api/staff/devices',
    { code, building, kind, ...placement },
    staff ?? (await hub.login()),
  );
  if (claimed.status !== 201) {
    throw new Error(`claim: ${claimed.status} ${JSON.stringify(claimed.body)}`);
  }
  const done = await hub.api<Omit<PairedDevice, 'deviceId'>>(
    'GET',
    `/api/devices/pairing/${deviceId}`,
  );
  if (done.status !== 200) throw new Error(`collect: ${done.status}`);
  return { deviceId, ...done.body };
}

export interface ConnectOptions extends IClientOptions {
  // 'tcp' (default) or 'ws' (the URL of the pairing answer); `url` overrides both.
  transport?: 'tcp' | 'ws';
  url?: string;
  // Publish availability 'online' (retained) once connected, as a device app does. Default true.
  announce?: boolean;
}

// Connects as the device: username and client id = device id, password = token, MQTT
// 3.1.1, a retained 'offline' will on its availability topic. No automatic reconnect
// unless asked (reconnectPeriod), so a refused or cut connection stays visible.
export async function connectDevice(
  device: PairedDevice,
  opts: ConnectOptions = {},
): Promise<MqttClient> {
  const { transport = 'tcp', url, announce = true, ...options } = opts;
  const availability = topics.device(device.building, device.deviceId, 'availability');
  const client = await mqtt.connectAsync(
    url ?? (transport === 'ws' ? device.mqtt.ws : device.mqtt.tcp),
    {
      protocolVersion: 4,
      clientId: device.deviceId,
      username: device.deviceId,
      password: device.token,
      reconnectPeriod: 0,
      will: { topic: availability, payload: Buffer.from('offline'), qos: 1, retain: true },
      ...options,
    },
    false,
  );
  if (announce) await client.publishAsync(availability, 'online', { qos: 1, retain: true });
  return client;
}

// The hub's own MQTT login (DATA_DIR/mqtt/hub-credential.json), as staff tools use it.
export function hubCredential(hub: TestHub): { username: string; password: string } {
  const file = z.object({ username: z.string(), password: z.string() });
  return file.parse(JSON.parse(readFileSync(hubCredentialPath(hub.dataDir), 'utf8')));
}

// Connects anyone (a staff tool, a stranger): MQTT 3.1.1, no reconnect; rejects when refused.
export function connectAs(url: string, options: IClientOptions = {}): Promise<MqttClient> {
  return mqtt.connectAsync(url, { protocolVersion: 4, reconnectPeriod: 0, ...options }, false);
}

// Subscribes and returns the granted QoS per filter (128 = refused).
export async function subscribe(client: MqttClient, ...filters: string[]): Promise<number[]> {
  try {
    const granted = await client.subscribeAsync(filters, { qos: 1 });
    return granted.map((g) => g.qos);
  } catch (err) {
    // mqtt.js rejects a SUBACK with a refusal in it; the packet still says which.
    const suback = z.object({ packet: z.object({ granted: z.array(z.number()) }) });
    const refused = suback.safeParse(err);
    if (refused.success) return refused.data.packet.granted;
    throw err;
  }
}

export interface Received {
  topic: string;
  payload: Buffer;
  retain: boolean;
  // When it arrived (performance.now()), for latency figures.
  at: number;
}

// The next message on exactly `topic` that `accept` takes; rejects after timeoutMs.
export function nextMessage(
  client: MqttClient,
  topic: string,
  accept: (m: Received) => boolean = () => true,
  timeoutMs = 5000,
): Promise<Received> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('message', onMessage);
      reject(new Error(`no message on ${topic} within ${timeoutMs} ms`));
    }, timeoutMs);
    function onMessage(t: string, payload: Buffer, packet: { retain?: boolean }) {
      const m = { topic: t, payload, retain: Boolean(packet.retain), at: performance.now() };
      if (t !== topic || !accept(m)) return;
      clearTimeout(timer);
      client.off('message', onMessage);
      resolve(m);
    }
    client.on('message', onMessage);
  });
}

// A content payload's envelope, for tests that read rev and data.
export function envelopeOf(m: Received) {
  return envelope(z.unknown()).parse(JSON.parse(m.payload.toString('utf8')));
}

// Resolves when the client's connection is closed by the other side (or rejects on timeout).
export function closed(client: MqttClient, timeoutMs = 5000): Promise<void> {
  if (!client.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('still connected')), timeoutMs);
    client.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export interface MosquittoProcess {
  // Re-reads the password file and ACL (SIGHUP), as an operator's reload would.
  reload(): Promise<void>;
  // Resolves once this process has logged a line matching pattern (it runs verbose).
  logged(pattern: RegExp): Promise<void>;
  stop(): Promise<void>;
}

const MOSQUITTO = existsSync('/usr/sbin/mosquitto') ? '/usr/sbin/mosquitto' : 'mosquitto';

// Started as root, mosquitto drops to the mosquitto user, as Debian's service runs it.
// That user then needs what the README asks of operators: the directory the hub writes
// (setgid, group mosquitto, so rewritten files keep the group) and a way through DATA_DIR.
function shareWithMosquittoUser(configFile: string): void {
  if (process.getuid?.() !== 0) return;
  const gid = Number(execFileSync('id', ['-g', 'mosquitto']).toString().trim());
  const dir = dirname(configFile);
  for (let up = dirname(dir); up !== dirname(up); up = dirname(up)) {
    const mode = statSync(up).mode & 0o7777;
    if ((mode & 0o001) === 0) chmodSync(up, mode | 0o001);
  }
  chownSync(dir, 0, gid);
  chmodSync(dir, 0o2750);
  for (const name of readdirSync(dir)) chownSync(join(dir, name), 0, gid);
  // Where Mosquitto saves its sessions (persistence_location): its to write.
  chmodSync(join(dir, 'state'), 0o2770);
}

// Runs Debian's mosquitto with a config file (the one the hub exported), verbose, and
// resolves once it listens. Waits go by its log, never by the clock.
export async function startMosquitto(configFile: string): Promise<MosquittoProcess> {
  shareWithMosquittoUser(configFile);
  const proc = spawn(MOSQUITTO, ['-c', configFile, '-v'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    for (const w of waiters) w();
  };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);
  const exited = once(proc, 'exit');
  const waitFor = (pattern: RegExp, from: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(log.slice(from))) {
          waiters.delete(check);
          resolve();
        } else if (proc.exitCode !== null) {
          waiters.delete(check);
          reject(new Error(`mosquitto exited: ${log}`));
        }
      };
      waiters.add(check);
      void exited.then(check);
      check();
    });
  await waitFor(/mosquitto version \S+ running/, 0);
  return {
    logged: (pattern) => waitFor(pattern, 0),
    async reload() {
      const from = log.length;
      proc.kill('SIGHUP');
      await waitFor(/Reloading config/, from);
    },
    async stop() {
      if (proc.exitCode !== null) return;
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

// The console's live channel as a staff browser opens it (auth token = session token).
export async function liveClient(hub: TestHub, token: string): Promise<LiveSocket> {
  const socket: LiveSocket = io(hub.url, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}
export type LiveSocket = ClientSocket<LiveServerToClient>;

// The next live event `name` whose payload `accept` takes; rejects after timeoutMs.
export function nextLive<K extends LiveEventName>(
  socket: LiveSocket,
  name: K,
  accept: (payload: LivePayload<K>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<LivePayload<K>> {
  const on = socket.on.bind(socket) as (e: K, l: (p: LivePayload<K>) => void) => void;
  const off = socket.off.bind(socket) as (e: K, l: (p: LivePayload<K>) => void) => void;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off(name, listener);
      reject(new Error(`no live ${name} within ${timeoutMs} ms`));
    }, timeoutMs);
    function listener(payload: LivePayload<K>) {
      if (!accept(payload)) return;
      clearTimeout(timer);
      off(name, listener);
      resolve(payload);
    }
    on(name, listener);
  });
}

export interface BrokerTarget {
  name: string;
  transports: ('tcp' | 'ws')[];
  // aedes refuses a forbidden subscription in its SUBACK; Mosquitto 2.0 grants it and
  // delivers nothing. Either way the device gets nothing.
  subackRefuses: boolean;
  start(): Promise<{ hub: TestHub; port: number; reload(): Promise<void>; stop(): Promise<void> }>;
}

export const BROKER_TARGETS: BrokerTarget[] = [
  {
    name: 'the embedded broker',
    transports: ['tcp', 'ws'],
    subackRefuses: true,
    async start() {
      const hub = await startTestHub();
      return { hub, port: hub.mqttPort, reload: async () => {}, stop: () => hub.stop() };
    },
  },
  {
    // Debian's Mosquitto 2.0.11 ignores a WebSocket listener's bind address: TCP only.
    name: 'an external Mosquitto with the exported config',
    transports: ['tcp'],
    subackRefuses: false,
    async start() {
      const port = await freePort();
      const hub = await startTestHub({ mqttUrl: `mqtt://127.0.0.1:${port}` });
      const mosquitto = await startMosquitto(join(hub.dataDir, 'mosquitto', 'mosquitto.conf'));
      // The hub connects on its next retry and re-publishes every snapshot.
      const staff = await connectAs(`mqtt://127.0.0.1:${port}`, hubCredential(hub));
      const ready = nextMessage(staff, topics.content('demo', 'notices'));
      await subscribe(staff, topics.content('demo', 'notices'));
      await ready;
      await staff.endAsync();
      const stop = async () => {
        await hub.stop();
        await mosquitto.stop();
      };
      return { hub, port, reload: () => mosquitto.reload(), stop };
    },
  },
];

// One broker under test with the hub that drives it, for the contract suites, which run
// the same tests over both targets. `device()` pairs a screen (and has an external broker
// re-read its files); clients made through the rig are closed by stop().
export type BrokerRig = Awaited<ReturnType<typeof startRig>>;
export async function startRig(target: BrokerTarget) {
  const env = await target.start();
  const { hub } = env;
  const admin = await hub.login();
  const live = await liveClient(hub, admin);
  const url = `mqtt://127.0.0.1:${env.port}`;
  const clients: MqttClient[] = [];
  const track = (c: MqttClient) => (clients.push(c), c);
  return {
    hub,
    admin,
    live,
    url,
    reload: env.reload,
    async device(opts: PairOptions = {}) {
      const d = await pairDevice(hub, { staff: admin, ...opts });
      await env.reload();
      return d;
    },
    connect: async (device: PairedDevice, opts: ConnectOptions = {}) =>
      track(await connectDevice(device, opts)),
    staff: async () => track(await connectAs(url, hubCredential(hub))),
    async notice(title: string, building = 'demo') {
      const body = {
        building,
        title,
        body: 'See the service station.',
        category: 'affairs',
        priority: 'normal',
      };
      const res = await hub.api<{ id: number }>('POST', '/api/staff/notices', body, admin);
      if (res.status !== 201) throw new Error(`notice: ${res.status}`);
      return res.body.id;
    },
    async stop() {
      for (const c of clients) c.end(true);
      live.close();
      await env.stop();
    },
  };
}

// A valid state report, as a screen sends it.
export const sampleState = (alertRev: number | null = null): DeviceState => ({
  version: '1.0.0',
  revs: { notices: 1 },
  alertRev,
  screen: { width: 1080, height: 1920 },
  uptime: 12,
  lastError: null,
});
