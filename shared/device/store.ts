import { CONFIG_BUDGET, CONTENT_BUDGETS, payloadBytes } from '../budgets.ts';
import {
  contentPayload,
  deviceConfig,
  type ContentPayload,
  type DeviceConfig,
} from '../payloads.ts';
import { CONTENT_TOPICS, type ContentTopic } from '../topics.ts';
import type { Credentials } from './credentials.ts';
import { KEYS, type DeviceStorage } from './storage.ts';

export type Content = { [T in ContentTopic]: ContentPayload<T> | null };

// Everything a device renders, in one place. The MQTT session writes it; components read it
// through hooks.ts and never see the client.
export interface DeviceState {
  credentials: Credentials | null;
  config: DeviceConfig | null;
  content: Content;
  online: boolean;
  lastError: string | null;
  identifyUntil: number | null;
  // Rev of the alert the device has actually painted; reported in `state`.
  alertShown: number | null;
  // The slide on screen (signage), reported in `state`.
  slide: string | null;
}

type Listener = (s: DeviceState) => void;

export function emptyContent(): Content {
  const content: Partial<Record<ContentTopic, null>> = {};
  for (const t of CONTENT_TOPICS) content[t] = null;
  return content as Content;
}

// Payloads that a device takes: within the topic's budget (shared/budgets.ts), JSON, valid.
// Returns the parsed value, null for the empty payload that removes a topic, or an error.
export function readPayload(
  budget: number,
  payload: Uint8Array | string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  const bytes = typeof payload === 'string' ? payloadBytes(payload) : payload.length;
  if (bytes > budget) return { ok: false, error: `${bytes} bytes, over its ${budget}` };
  if (bytes === 0) return { ok: true, value: null };
  try {
    const text = typeof payload === 'string' ? payload : new TextDecoder().decode(payload);
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: 'not JSON' };
  }
}

export const budgetOf = (topic: ContentTopic | 'config') =>
  topic === 'config' ? CONFIG_BUDGET : CONTENT_BUDGETS[topic];

export class DeviceStore {
  private state: DeviceState;
  private readonly listeners = new Set<Listener>();
  private readonly storage: DeviceStorage;

  constructor(storage: DeviceStorage, initial: DeviceState) {
    this.storage = storage;
    this.state = initial;
  }

  get(): DeviceState {
    return this.state;
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  }

  // One topic's snapshot, now and whenever it changes (null when it is cleared).
  subscribeTopic<T extends ContentTopic>(
    topic: T,
    fn: (snapshot: ContentPayload<T> | null) => void,
  ): () => void {
    let last = this.state.content[topic];
    fn(last);
    return this.subscribe((s) => {
      if (s.content[topic] === last) return;
      last = s.content[topic];
      fn(last);
    });
  }

  set(patch: Partial<DeviceState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn(this.state);
  }

  // A retained snapshot arrived: null is the empty payload that removes it. Revs older than
  // or equal to the one shown are ignored (DESIGN.md); true when the content changed.
  acceptContent(topic: ContentTopic, value: unknown): boolean {
    const current = this.state.content[topic];
    if (value === null) {
      if (!current) return false;
      this.storage.forget(KEYS.content(topic));
      this.set({ content: { ...this.state.content, [topic]: null } });
      return true;
    }
    const parsed = contentPayload[topic].safeParse(value);
    if (!parsed.success) {
      this.fail(`${topic}: ${parsed.error.issues[0]?.message ?? 'invalid payload'}`);
      return false;
    }
    if (current && parsed.data.rev <= current.rev) return false;
    this.storage.save(KEYS.content(topic), parsed.data);
    this.set({ content: { ...this.state.content, [topic]: parsed.data } });
    return true;
  }

  acceptConfig(value: unknown): void {
    if (value === null) {
      this.storage.forget(KEYS.config);
      this.set({ config: null });
      return;
    }
    const parsed = deviceConfig.safeParse(value);
    if (!parsed.success) {
      this.fail(`config: ${parsed.error.issues[0]?.message ?? 'invalid payload'}`);
      return;
    }
    const current = this.state.config;
    if (current && parsed.data.rev < current.rev) return;
    this.storage.save(KEYS.config, parsed.data);
    this.set({ config: parsed.data });
  }

  fail(message: string): void {
    console.warn(message);
    this.set({ lastError: message.slice(0, 500) });
  }

  // A newly paired or unpaired device starts from nothing: old snapshots may be another building's.
  reset(credentials: Credentials | null): void {
    this.storage.forget(KEYS.config);
    for (const topic of CONTENT_TOPICS) this.storage.forget(KEYS.content(topic));
    this.set({ credentials, config: null, content: emptyContent(), lastError: null });
  }
}

// The last snapshots kept on the device, each checked against its schema, so a reload with
// the hub down starts from the last content.
export function loadContent(storage: DeviceStorage, shown: readonly ContentTopic[]): Content {
  const content = emptyContent();
  const put = <T extends ContentTopic>(t: T) => {
    content[t] = storage.load(KEYS.content(t), contentPayload[t]) as Content[T];
  };
  for (const t of shown) put(t);
  return content;
}

export function initialState(
  storage: DeviceStorage,
  credentials: Credentials | null,
  shown: readonly ContentTopic[],
): DeviceState {
  const config = credentials ? storage.load(KEYS.config, deviceConfig) : null;
  return {
    credentials,
    // A config of another building belongs to a placement this device no longer has.
    config: config?.data.building === credentials?.building ? config : null,
    content: credentials ? loadContent(storage, shown) : emptyContent(),
    online: false,
    lastError: null,
    identifyUntil: null,
    alertShown: null,
    slide: null,
  };
}
