import mqtt, { type MqttClient } from 'mqtt';
import { deviceCommand, type DeviceCommand, type DeviceState as StateReport } from '../payloads.ts';
import { parseTopic, topics, type ContentTopic } from '../topics.ts';
import { backoffDelay } from './backoff.ts';
import { brokerUrl } from './broker-url.ts';
import type { Credentials } from './credentials.ts';
import type { Outbox } from './outbox.ts';
import { budgetOf, readPayload, type DeviceState, type DeviceStore } from './store.ts';

export interface ConnectionDeps {
  credentials: Credentials;
  store: DeviceStore;
  outbox: Outbox;
  // The content topics this app shows; the alert is always among them.
  shown: readonly ContentTopic[];
  version: string;
  // The broker refused the token several times running: the device was unpaired.
  onRevoked: () => void;
  onCommand: (cmd: DeviceCommand) => void;
}

export interface Connection {
  flush(): void;
  stop(): void;
}

// MQTT 3.1.1 refusals for a bad or unknown login (and their MQTT 5 twins). One refusal may be
// a hub restarting with a half-read device table; three running mean the device was removed.
const AUTH_CODES = new Set([4, 5, 134, 135]);
export const REVOKE_AFTER = 3;
const HEARTBEAT_MS = 60_000;
const STATE_DEBOUNCE_MS = 300;
// Commands the device has carried out, by id: a command delivered twice runs once.
const SEEN_COMMANDS = 50;

export class CommandFilter {
  private readonly seen: string[] = [];
  fresh(id: string): boolean {
    if (this.seen.includes(id)) return false;
    this.seen.push(id);
    if (this.seen.length > SEEN_COMMANDS) this.seen.shift();
    return true;
  }
}

// One MQTT session for the life of the page: subscriptions feed the store, the store's
// changes go out as the device's retained `state`, plays go out from the outbox. mqtt.js
// retries at a fixed interval, so it does not retry at all here; we back off with jitter.
export function openConnection(deps: ConnectionDeps): Connection {
  const { credentials: creds, store, outbox } = deps;
  const topicOf = (name: 'availability' | 'state' | 'played' | 'config' | 'cmd') =>
    topics.device(creds.building, creds.deviceId, name);
  const client: MqttClient = mqtt.connect(brokerUrl(creds.ws), {
    username: creds.deviceId,
    password: creds.token,
    clientId: creds.deviceId,
    protocolVersion: 4,
    clean: true,
    reconnectPeriod: 0,
    connectTimeout: 8000,
    keepalive: 20,
    resubscribe: false,
    queueQoSZero: false,
    // mqtt.js would run its keepalive in a blob: Worker, which the hub's CSP forbids.
    timerVariant: 'native',
    will: { topic: topicOf('availability'), payload: 'offline', qos: 1, retain: true },
  });

  let attempt = 0;
  let authFailures = 0;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let statePending: ReturnType<typeof setTimeout> | undefined;
  let alertAnswered = false;
  let sentKey = '';
  let sentAlert: number | null = null;
  const commands = new CommandFilter();
  const started = performance.now();

  client.on('connect', () => {
    attempt = 0;
    authFailures = 0;
    store.set({ online: true });
    // Commands first (never retained), so one sent as soon as the device shows its config
    // finds it listening. Then the alert: retained messages of one SUBSCRIBE arrive in the
    // order of its filters (the hub's retained index and Mosquitto both do so), which lets
    // the device see that an alert was cleared while it was away (see `message` below).
    alertAnswered = false;
    const subs = [
      topicOf('cmd'),
      topics.content(creds.building, 'alert'),
      topicOf('config'),
      ...deps.shown.filter((t) => t !== 'alert').map((t) => topics.content(creds.building, t)),
    ];
    // "online" once the broker has granted the subscriptions: a command sent on seeing it
    // (the console's Identify, as soon as a screen shows up) is then always heard.
    client.subscribe(subs, { qos: 1 }, (err) => {
      if (err) store.fail(`subscribe: ${err.message}`);
      client.publish(topicOf('availability'), 'online', { qos: 1, retain: true });
      publishState();
    });
    flush();
  });

  client.on('message', (topic, payload, packet) => {
    const parsed = parseTopic(topic);
    if (!parsed) return;
    const read = readPayload(budgetOf(parsed.kind === 'content' ? parsed.name : 'config'), payload);
    if (!read.ok) {
      store.fail(`${topic}: ${read.error}`);
      return;
    }
    // An all-clear is an empty retained payload, which also deletes the retained alert: a
    // device that was away then gets nothing. So a retained snapshot that arrives before
    // any retained alert tells it there is no alert any more.
    if (packet.retain && !alertAnswered) {
      alertAnswered = true;
      if (!(parsed.kind === 'content' && parsed.name === 'alert'))
        store.acceptContent('alert', null);
    }
    if (parsed.kind === 'content') store.acceptContent(parsed.name, read.value);
    else if (parsed.name === 'config') store.acceptConfig(read.value);
    else if (parsed.name === 'cmd' && !packet.retain) command(read.value);
  });

  client.on('error', (err) => {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'number' && AUTH_CODES.has(code)) authFailures++;
    store.fail(`mqtt: ${err.message}`);
    if (authFailures >= REVOKE_AFTER) {
      stop();
      deps.onRevoked();
    }
  });

  client.on('close', () => {
    store.set({ online: false });
    outbox.release();
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      if (!stopped) client.reconnect();
    }, backoffDelay(attempt++));
  });

  function command(value: unknown): void {
    const parsed = deviceCommand.safeParse(value);
    if (parsed.success && commands.fresh(parsed.data.id)) deps.onCommand(parsed.data);
  }

  function flush(): void {
    if (!client.connected) return;
    const batch = outbox.take();
    if (batch.length === 0) return;
    client.publish(topicOf('played'), JSON.stringify(batch), { qos: 1 }, (err) => {
      if (err) {
        outbox.release(batch);
        return;
      }
      outbox.acknowledge(batch);
      flush();
    });
  }

  function stateOf(s: DeviceState): StateReport {
    const revs: Record<string, number> = {};
    for (const t of deps.shown) {
      const snap = s.content[t];
      if (snap) revs[t] = snap.rev;
    }
    if (s.config) revs.config = s.config.rev;
    return {
      version: deps.version,
      revs,
      alertRev: s.alertShown,
      screen: { width: Math.round(innerWidth), height: Math.round(innerHeight) },
      uptime: Math.round((performance.now() - started) / 1000),
      lastError: s.lastError,
      slide: s.slide,
    };
  }

  // What was last published, uptime left out: uptime alone never triggers a publish.
  const keyOf = (state: StateReport) => JSON.stringify({ ...state, uptime: 0 });

  function publishState(): void {
    clearTimeout(statePending);
    statePending = undefined;
    if (!client.connected) return;
    const state = stateOf(store.get());
    sentKey = keyOf(state);
    sentAlert = state.alertRev;
    client.publish(topicOf('state'), JSON.stringify(state), { qos: 1, retain: true });
  }

  const unsubscribe = store.subscribe((s) => {
    if (!client.connected || keyOf(stateOf(s)) === sentKey) return;
    // A newly painted alert is reported at once; the rest may wait for things to settle.
    if (s.alertShown !== sentAlert) publishState();
    else statePending ??= setTimeout(publishState, STATE_DEBOUNCE_MS);
  });
  const heartbeat = setInterval(publishState, HEARTBEAT_MS);

  function stop(): void {
    if (stopped) return;
    stopped = true;
    clearTimeout(retry);
    clearTimeout(statePending);
    clearInterval(heartbeat);
    unsubscribe();
    client.end(true);
  }

  return { flush, stop };
}
