// What a signage screen does once connected, for the soak benchmark (test/bench/soak.ts),
// run inside the fleet process (test/bench/mqtt-fleet.ts). It follows the app's data layer
// (shared/device/connection.ts, outbox.ts) with its clock sped up: the demo rotation's
// slides, proof of play for each slide through an outbox that survives a dropped connection,
// the retained `state` sent 300 ms after anything it reports changes (a new rev of any
// snapshot, a new slide) and on a heartbeat, and reconnects with the app's backoff.
// Not a benchmark itself.
import { randomBytes } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import type { DeviceState, PlayedReport } from '#shared/payloads';
import { topics } from '#shared/topics';
import { backoffDelay } from '../../shared/device/backoff.ts';

export interface Behaviour {
  // How many times faster than real time slides turn and heartbeats beat.
  speed: number;
  // How long a change waits before the screen reports its state: the app's 300 ms unless
  // a benchmark tries another value.
  stateDebounceMs?: number;
}

export interface ScreenStats {
  // Content and config messages received.
  received: number;
  // Plays acknowledged by the broker, and plays still waiting in outboxes.
  played: number;
  unsent: number;
  states: number;
  // Connections cut on purpose (a Wi-Fi blip), reconnects made, and closes nobody asked for.
  blips: number;
  reconnects: number;
  drops: number;
}

export const emptyStats = (): ScreenStats => ({
  received: 0,
  played: 0,
  unsent: 0,
  states: 0,
  blips: 0,
  reconnects: 0,
  drops: 0,
});

// The demo tower's everyday rotation (hub/src/demo/playlists.ts): slide id and seconds.
const ROTATION: [string, number][] = [
  ['notices', 20],
  ['contacts', 20],
  ['events', 20],
  ['feedback', 15],
  ['board', 15],
];
// As the app: state changes settle for 300 ms, the heartbeat is a minute, batches of 500.
const STATE_DEBOUNCE_MS = 300;
const HEARTBEAT_MS = 60_000;
const BATCH = 500;
// The hub's envelope starts `{"v":1,"rev":N,` (hub/src/publish/publisher.ts), so the rev is
// read without parsing snapshots a thousand times over.
const REV = /^\{"v":1,"rev":(\d+),/;

export class SignageScreen {
  private readonly revs: Record<string, number> = {};
  private slide = -1;
  private slideStart = 0;
  private sentKey = '';
  private statePending: NodeJS.Timeout | undefined;
  private slideTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private attempt = 0;
  private up: boolean;
  private blipped = false;
  private stopped = false;
  private outbox: PlayedReport[] = [];
  // Ids of the plays on their way; released when the connection drops, so they go again.
  private readonly sending = new Set<string>();
  private readonly started = Date.now();

  private readonly client: MqttClient;
  private readonly building: string;
  private readonly deviceId: string;
  private readonly behaviour: Behaviour;
  private readonly stats: ScreenStats;

  constructor(
    client: MqttClient,
    building: string,
    deviceId: string,
    behaviour: Behaviour,
    stats: ScreenStats,
  ) {
    this.client = client;
    this.building = building;
    this.deviceId = deviceId;
    this.behaviour = behaviour;
    this.stats = stats;
    this.up = client.connected;
  }

  start(): void {
    this.client.on('connect', () => {
      this.up = true;
      this.attempt = 0;
      this.publishState();
      this.flush();
    });
    this.client.on('close', () => this.closed());
    // Screens were switched on over a while, not at the same instant.
    const first = (ROTATION[0]?.[1] ?? 15) * 1000;
    this.slideTimer = setTimeout(() => this.nextSlide(), Math.random() * this.scaled(first));
    this.heartbeat = setInterval(() => this.publishState(), this.scaled(HEARTBEAT_MS));
    this.publishState();
  }

  // A retained or live message on one of its subscriptions.
  onMessage(topic: string, payload: Buffer): void {
    const name = topic.slice(topic.lastIndexOf('/') + 1);
    if (name === 'cmd') return;
    this.stats.received += 1;
    if (payload.length === 0) {
      delete this.revs[name];
    } else {
      const rev = Number(REV.exec(payload.subarray(0, 40).toString('latin1'))?.[1] ?? NaN);
      if (!Number.isFinite(rev) || rev <= (this.revs[name] ?? -1)) return;
      this.revs[name] = rev;
    }
    this.changed();
  }

  // The network goes away under the screen: no DISCONNECT, so the broker sends its will.
  blip(): void {
    if (!this.client.connected) return;
    this.blipped = true;
    this.stats.blips += 1;
    this.client.stream.destroy();
  }

  get unsent(): number {
    return this.outbox.length;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.slideTimer);
    clearTimeout(this.statePending);
    clearTimeout(this.retry);
    clearInterval(this.heartbeat);
  }

  private scaled(ms: number): number {
    return ms / this.behaviour.speed;
  }

  private nextSlide(): void {
    const now = Date.now();
    const current = ROTATION[this.slide];
    if (current) {
      this.outbox.push({
        id: `${this.slideStart.toString(36)}-${randomBytes(8).toString('hex')}`,
        slide: current[0],
        playlist: null,
        start: new Date(this.slideStart).toISOString(),
        duration: Math.round((now - this.slideStart) / 100) / 10,
      });
      this.flush();
    }
    this.slide = (this.slide + 1) % ROTATION.length;
    this.slideStart = now;
    this.changed();
    const seconds = ROTATION[this.slide]?.[1] ?? 15;
    this.slideTimer = setTimeout(() => this.nextSlide(), this.scaled(seconds * 1000));
  }

  // As the app's outbox: the next batch not already on its way; acknowledged plays leave by id.
  private flush(): void {
    if (!this.client.connected) return;
    const batch = this.outbox.filter((r) => !this.sending.has(r.id)).slice(0, BATCH);
    if (batch.length === 0) return;
    for (const r of batch) this.sending.add(r.id);
    const topic = topics.device(this.building, this.deviceId, 'played');
    this.client.publish(topic, JSON.stringify(batch), { qos: 1 }, (err) => {
      for (const r of batch) this.sending.delete(r.id);
      if (err) return;
      const done = new Set(batch.map((r) => r.id));
      this.outbox = this.outbox.filter((r) => !done.has(r.id));
      this.stats.played += batch.length;
      this.flush();
    });
  }

  private stateOf(): DeviceState {
    return {
      version: 'soak',
      revs: { ...this.revs },
      alertRev: null,
      screen: { width: 1080, height: 1920 },
      uptime: Math.round((Date.now() - this.started) / 1000),
      lastError: null,
      slide: ROTATION[this.slide]?.[0] ?? null,
    };
  }

  private keyOf(state: DeviceState): string {
    return JSON.stringify({ ...state, uptime: 0 });
  }

  private changed(): void {
    if (!this.client.connected || this.keyOf(this.stateOf()) === this.sentKey) return;
    this.statePending ??= setTimeout(
      () => this.publishState(),
      this.behaviour.stateDebounceMs ?? STATE_DEBOUNCE_MS,
    );
  }

  private publishState(): void {
    clearTimeout(this.statePending);
    this.statePending = undefined;
    if (this.stopped || !this.client.connected) return;
    const state = this.stateOf();
    this.sentKey = this.keyOf(state);
    this.stats.states += 1;
    this.client.publish(
      topics.device(this.building, this.deviceId, 'state'),
      JSON.stringify(state),
      { qos: 1, retain: true },
    );
  }

  private closed(): void {
    if (this.stopped || this.retry) return;
    // A refused attempt closes too; only the loss of a live connection counts.
    if (this.up && !this.blipped) this.stats.drops += 1;
    this.up = false;
    this.sending.clear();
    this.blipped = false;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.stopped) return;
      this.stats.reconnects += 1;
      this.client.reconnect();
    }, backoffDelay(this.attempt++));
  }
}
