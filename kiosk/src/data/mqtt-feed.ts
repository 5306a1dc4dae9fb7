import mqtt, { type MqttClient } from 'mqtt';
import type { z } from 'zod';
import {
  contentPayload,
  deviceCommand,
  deviceConfig,
  MAX_DEVICE_PAYLOAD,
  type ContentPayload,
  type DeviceCommand,
  type DeviceState,
} from '#shared/payloads';
import { brokerUrl } from '#shared/broker-url';
import { CONTENT_TOPICS, parseTopic, topics, type ContentTopic } from '#shared/topics';
import type { Identity } from './device.ts';
import type { KioskState, KioskStore } from './store.ts';

export const KIOSK_VERSION = '1.0.0';
// The kiosk shows these; playlists are the signage's.
const SHOWN: readonly ContentTopic[] = CONTENT_TOPICS.filter((t) => t !== 'playlists');

export interface FeedHooks {
  command(cmd: DeviceCommand): void;
  // The broker refused the token: the device was removed, so the kiosk pairs again.
  unauthorized(): void;
}

// Keeps the store fed from the broker: retained snapshots on subscribe, then every change.
// Reconnects with exponential backoff and jitter (mqtt.js alone retries at a fixed pace).
export function connectFeed(id: Identity, store: KioskStore, hooks: FeedHooks): () => void {
  const started = Date.now();
  const own = (name: 'availability' | 'state' | 'config' | 'cmd') =>
    topics.device(id.building, id.deviceId, name);
  let attempts = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const client: MqttClient = mqtt.connect(brokerUrl(id.ws), {
    username: id.deviceId,
    password: id.token,
    clientId: id.deviceId,
    protocolVersion: 4,
    clean: true,
    reconnectPeriod: 0,
    connectTimeout: 10_000,
    will: { topic: own('availability'), payload: 'offline', qos: 1, retain: true },
  });

  const publishState = () => {
    if (!client.connected) return;
    const s = store.get();
    const state: DeviceState = {
      version: KIOSK_VERSION,
      revs: s.revs,
      alertRev: s.alert ? (s.revs.alert ?? null) : null,
      screen: { width: window.innerWidth, height: window.innerHeight },
      uptime: Math.round((Date.now() - started) / 1000),
      lastError: null,
    };
    client.publish(own('state'), JSON.stringify(state), { qos: 1, retain: true });
  };

  client.on('connect', () => {
    attempts = 0;
    store.set({ link: 'online' });
    client.subscribe(
      [...SHOWN.map((t) => topics.content(id.building, t)), own('config'), own('cmd')],
      { qos: 1 },
    );
    client.publish(own('availability'), 'online', { qos: 1, retain: true });
    publishState();
  });
  client.on('message', (topic, payload) => {
    if (payload.length > MAX_DEVICE_PAYLOAD) return;
    const changed = onMessage(store, topic, payload, hooks);
    if (changed) publishState();
  });
  client.on('error', (err) => {
    const code = (err as { code?: unknown }).code;
    if (code === 4 || code === 5) {
      stopped = true;
      client.end(true);
      hooks.unauthorized();
    }
  });
  client.on('close', () => {
    if (stopped) return;
    store.set({ link: 'offline' });
    clearTimeout(retry);
    const delay = Math.min(30_000, 1000 * 2 ** attempts) * (0.5 + Math.random() / 2);
    attempts = Math.min(attempts + 1, 6);
    retry = setTimeout(() => client.reconnect(), delay);
  });

  return () => {
    stopped = true;
    clearTimeout(retry);
    if (client.connected) client.publish(own('availability'), 'offline', { qos: 1, retain: true });
    client.end();
  };
}

function parseJson(payload: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return undefined;
  }
}

// Applies one message; returns whether what the kiosk shows changed.
function onMessage(
  store: KioskStore,
  topic: string,
  payload: Uint8Array,
  hooks: FeedHooks,
): boolean {
  const t = parseTopic(topic);
  if (!t) return false;
  if (t.kind === 'device') {
    const json = parseJson(payload);
    if (t.name === 'config') {
      const c = deviceConfig.safeParse(json);
      if (c.success) store.set({ config: c.data.data });
    } else if (t.name === 'cmd') {
      const c = deviceCommand.safeParse(json);
      if (c.success) hooks.command(c.data);
    }
    return false;
  }
  const s = store.get();
  if (payload.length === 0) {
    // An empty retained payload removes the snapshot; for the alert it clears it.
    if (t.name === 'alert') store.set({ alert: null });
    return t.name === 'alert';
  }
  return applyContent(store, s, t.name, parseJson(payload));
}

// A snapshot older than the one shown is ignored (DESIGN.md: revs only grow).
function fresh<T extends ContentTopic>(
  s: KioskState,
  name: T,
  json: unknown,
): ContentPayload<T> | null {
  const schema = contentPayload[name] as unknown as z.ZodType<ContentPayload<T>>;
  const parsed = schema.safeParse(json);
  if (!parsed.success || parsed.data.rev < (s.revs[name] ?? -1)) return null;
  return parsed.data;
}

function applyContent(
  store: KioskStore,
  s: KioskState,
  name: ContentTopic,
  json: unknown,
): boolean {
  const revs = (rev: number) => ({ ...s.revs, [name]: rev });
  switch (name) {
    case 'notices': {
      const p = fresh(s, name, json);
      if (p) store.set({ revs: revs(p.rev), notices: p.data });
      return p !== null;
    }
    case 'events': {
      const p = fresh(s, name, json);
      if (p) store.set({ revs: revs(p.rev), events: p.data });
      return p !== null;
    }
    case 'contacts': {
      const p = fresh(s, name, json);
      if (p) store.set({ revs: revs(p.rev), contacts: p.data });
      return p !== null;
    }
    case 'board': {
      const p = fresh(s, name, json);
      if (p) store.set({ revs: revs(p.rev), board: p.data });
      return p !== null;
    }
    case 'alert': {
      const p = fresh(s, name, json);
      if (p) store.set({ revs: revs(p.rev), alert: p.data });
      return p !== null;
    }
    default:
      return false;
  }
}
