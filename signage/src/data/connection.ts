import mqtt, { type MqttClient } from 'mqtt';
import {
  deviceCommand,
  MAX_DEVICE_PAYLOAD,
  type DeviceCommand,
  type DeviceState,
} from '#shared/payloads';
import { brokerUrl } from '#shared/broker-url';
import { CONTENT_TOPICS, parseTopic, topics } from '#shared/topics';
import { backoffDelay } from './backoff.ts';
import type { Credentials } from './credentials.ts';
import type { Outbox } from './outbox.ts';
import type { SignageState, Store } from './store.ts';

export interface ConnectionDeps {
  credentials: Credentials;
  store: Store;
  outbox: Outbox;
  // The broker refused the token several times running: the screen was unpaired.
  onRevoked: () => void;
  onCommand: (cmd: DeviceCommand) => void;
}

export interface Connection {
  flush(): void;
  stop(): void;
}

// MQTT 3.1.1 error codes for a refused login (bad credentials, not authorised).
const AUTH_CODES = new Set([4, 5, 134, 135]);
const REVOKE_AFTER = 3;
const HEARTBEAT_MS = 60_000;
const STATE_DEBOUNCE_MS = 300;

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
  const seenCommands: string[] = [];
  const started = performance.now();

  client.on('connect', () => {
    attempt = 0;
    authFailures = 0;
    store.set({ online: true });
    // The alert first: retained messages of one SUBSCRIBE arrive in the order of its
    // filters (the hub's retained index and Mosquitto both do so), which lets the screen
    // see that an alert was cleared while it was away (see `message` below).
    alertAnswered = false;
    const subs = [
      topics.content(creds.building, 'alert'),
      topicOf('config'),
      ...CONTENT_TOPICS.filter((t) => t !== 'alert').map((t) => topics.content(creds.building, t)),
      topicOf('cmd'),
    ];
    client.subscribe(subs, { qos: 1 }, (err) => {
      if (err) store.fail(`subscribe: ${err.message}`);
    });
    client.publish(topicOf('availability'), 'online', { qos: 1, retain: true });
    publishState();
    flush();
  });

  client.on('message', (topic, payload, packet) => {
    const parsed = parseTopic(topic);
    if (!parsed) return;
    if (payload.length > MAX_DEVICE_PAYLOAD) {
      store.fail(`${topic}: ${payload.length} bytes, over the device limit`);
      return;
    }
    let value: unknown = null;
    if (payload.length > 0) {
      try {
        value = JSON.parse(payload.toString());
      } catch {
        store.fail(`${topic}: not JSON`);
        return;
      }
    }
    // An all-clear is an empty retained payload, which also deletes the retained alert: a
    // screen that was away then gets nothing. So a retained snapshot that arrives before
    // any retained alert tells it there is no alert any more.
    if (packet.retain && !alertAnswered) {
      alertAnswered = true;
      if (!(parsed.kind === 'content' && parsed.name === 'alert'))
        store.acceptContent('alert', null);
    }
    if (parsed.kind === 'content') store.acceptContent(parsed.name, value);
    else if (parsed.name === 'config') store.acceptConfig(value);
    else if (parsed.name === 'cmd' && !packet.retain) command(value);
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
    if (!parsed.success || seenCommands.includes(parsed.data.id)) return;
    seenCommands.push(parsed.data.id);
    if (seenCommands.length > 50) seenCommands.shift();
    deps.onCommand(parsed.data);
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

  function stateOf(s: SignageState): DeviceState {
    const revs: Record<string, number> = {};
    for (const t of CONTENT_TOPICS) {
      const snap = s.content[t];
      if (snap) revs[t] = snap.rev;
    }
    if (s.config) revs.config = s.config.rev;
    return {
      version: __SIGNAGE_VERSION__,
      revs,
      alertRev: s.alertShown,
      screen: { width: Math.round(innerWidth), height: Math.round(innerHeight) },
      uptime: Math.round((performance.now() - started) / 1000),
      lastError: s.lastError,
      slide: s.slide,
    };
  }

  // What was last published, uptime left out: uptime alone never triggers a publish.
  const keyOf = (state: DeviceState) => JSON.stringify({ ...state, uptime: 0 });

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
