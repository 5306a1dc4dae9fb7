// A fleet of screens in a process of its own, driven by the MQTT benchmarks over IPC
// (test/bench/mqtt-kit.ts starts it). Not a benchmark itself.
//
// Each screen connects as a paired device (MQTT 3.1.1, its token, a retained 'offline'
// will), says 'online', and subscribes to its building's content and its own topics, as
// the signage app does. Times are performance.timeOrigin + performance.now(), which the
// parent process reads on the same clock.
import mqtt, { type MqttClient } from 'mqtt';
import { CONTENT_TOPICS, topics } from '#shared/topics';
import { emptyStats, SignageScreen, type Behaviour, type ScreenStats } from './soak-screen.ts';

export interface FleetDevice {
  deviceId: string;
  token: string;
  building: string;
}

export type FleetCommand =
  | {
      type: 'connect';
      devices: FleetDevice[];
      url: string;
      keepalive?: number;
      // Subscribe to exactly the topics the signage app does (shared/device/connection.ts)
      // instead of two wildcards, which also bring a screen's own reports back to it.
      asApp?: boolean;
    }
  | { type: 'watch'; marker: string }
  | { type: 'reconnect' }
  // From now on each screen behaves as the signage app does (test/bench/soak-screen.ts),
  // and every `blipEveryMs` one of them loses its network for a moment.
  | { type: 'behave'; behaviour: Behaviour; blipEveryMs: number }
  | { type: 'stats' }
  | { type: 'close' };

export type FleetReport =
  | { type: 'ready'; ms: number }
  | { type: 'watching'; marker: string }
  | { type: 'arrived'; marker: string; times: number[] }
  | { type: 'restored'; start: number; times: number[] }
  | { type: 'behaving' }
  | { type: 'stats'; stats: ScreenStats; connected: number }
  | { type: 'failed'; message: string };

// What a screen holds once connected: five content snapshots (no alert is up) and its config.
const RETAINED_WANTED = 6;
const CONNECTING_AT_ONCE = 100;

interface Screen {
  device: FleetDevice;
  client: MqttClient;
  retained: Set<string>;
  doneAt: number | null;
  arrivedAt: number | null;
  signage: SignageScreen | null;
}

const now = () => performance.timeOrigin + performance.now();
const screens: Screen[] = [];
let watching: { marker: string; bytes: Buffer; count: number } | null = null;
let waitingForRetained: ((start: number) => void) | null = null;
let retainedStart = 0;
const stats = emptyStats();
let blipping: NodeJS.Timeout | undefined;

const send = (report: FleetReport) => process.send?.(report);

function onMessage(screen: Screen, topic: string, payload: Buffer, retain: boolean) {
  screen.signage?.onMessage(topic, payload);
  if (retain && screen.doneAt === null) {
    screen.retained.add(topic);
    if (screen.retained.size === RETAINED_WANTED) {
      screen.doneAt = now();
      if (screens.every((s) => s.doneAt !== null)) waitingForRetained?.(retainedStart);
    }
  }
  const w = watching;
  if (w && screen.arrivedAt === null && topic.endsWith('/notices') && payload.includes(w.bytes)) {
    screen.arrivedAt = now();
    w.count += 1;
    if (w.count === screens.length) {
      watching = null;
      send({ type: 'arrived', marker: w.marker, times: screens.map((s) => s.arrivedAt ?? 0) });
    }
  }
}

function subscriptions(device: FleetDevice, asApp: boolean): string[] {
  if (!asApp)
    return [topics.buildingContent(device.building), topics.deviceAnywhere(device.deviceId)];
  const own = (name: 'config' | 'cmd') => topics.device(device.building, device.deviceId, name);
  return [
    topics.content(device.building, 'alert'),
    own('config'),
    ...CONTENT_TOPICS.filter((t) => t !== 'alert' && t !== 'event-texts').map((t) =>
      topics.content(device.building, t),
    ),
    own('cmd'),
  ];
}

async function connectOne(
  device: FleetDevice,
  url: string,
  keepalive = 120,
  asApp = false,
): Promise<Screen> {
  const availability = topics.device(device.building, device.deviceId, 'availability');
  const client = await mqtt.connectAsync(
    url,
    {
      protocolVersion: 4,
      clientId: device.deviceId,
      username: device.deviceId,
      password: device.token,
      reconnectPeriod: 0,
      keepalive,
      will: { topic: availability, payload: Buffer.from('offline'), qos: 1, retain: true },
    },
    false,
  );
  const screen: Screen = {
    device,
    client,
    retained: new Set(),
    doneAt: null,
    arrivedAt: null,
    signage: null,
  };
  client.on('message', (topic, payload, packet) =>
    onMessage(screen, topic, payload, packet.retain),
  );
  const announce = () => {
    client.publish(availability, 'online', { qos: 1, retain: true });
    client.subscribe(subscriptions(device, asApp), { qos: 1 });
  };
  // With reconnectPeriod 0 (reconnecting by hand, for backoff with jitter) mqtt.js does not
  // resubscribe by itself: a screen subscribes again on every connect.
  client.on('connect', announce);
  client.on('error', () => {
    // A refused reconnect shows up as a screen that never completes.
  });
  announce();
  return screen;
}

function allRetained(): Promise<number> {
  return new Promise((resolve) => {
    waitingForRetained = resolve;
    if (screens.every((s) => s.doneAt !== null)) resolve(retainedStart);
  });
}

async function handle(cmd: FleetCommand) {
  switch (cmd.type) {
    case 'connect': {
      const started = now();
      retainedStart = started;
      const done = allRetained();
      for (let i = 0; i < cmd.devices.length; i += CONNECTING_AT_ONCE) {
        const batch = cmd.devices.slice(i, i + CONNECTING_AT_ONCE);
        screens.push(
          ...(await Promise.all(
            batch.map((d) => connectOne(d, cmd.url, cmd.keepalive, cmd.asApp)),
          )),
        );
      }
      await done;
      send({ type: 'ready', ms: now() - started });
      return;
    }
    case 'watch':
      for (const s of screens) s.arrivedAt = null;
      watching = { marker: cmd.marker, bytes: Buffer.from(cmd.marker), count: 0 };
      send({ type: 'watching', marker: cmd.marker });
      return;
    case 'reconnect': {
      for (const s of screens) {
        s.retained.clear();
        s.doneAt = null;
      }
      retainedStart = now();
      const done = allRetained();
      // All at once, as screens do when the hub comes back (mqtt.js resubscribes on connect).
      for (const s of screens) s.client.reconnect();
      const start = await done;
      send({ type: 'restored', start, times: screens.map((s) => (s.doneAt ?? 0) - start) });
      return;
    }
    case 'behave':
      for (const s of screens) {
        s.signage = new SignageScreen(
          s.client,
          s.device.building,
          s.device.deviceId,
          cmd.behaviour,
          stats,
        );
        s.signage.start();
      }
      if (cmd.blipEveryMs > 0) {
        blipping = setInterval(() => {
          screens[Math.floor(Math.random() * screens.length)]?.signage?.blip();
        }, cmd.blipEveryMs);
      }
      send({ type: 'behaving' });
      return;
    case 'stats':
      send({
        type: 'stats',
        stats: { ...stats, unsent: screens.reduce((n, s) => n + (s.signage?.unsent ?? 0), 0) },
        connected: screens.filter((s) => s.client.connected).length,
      });
      return;
    case 'close':
      clearInterval(blipping);
      for (const s of screens) s.signage?.stop();
      await Promise.all(screens.map((s) => s.client.endAsync(true)));
      process.exit(0);
  }
}

process.on('message', (cmd: FleetCommand) => {
  handle(cmd).catch((err: unknown) => send({ type: 'failed', message: String(err) }));
});
