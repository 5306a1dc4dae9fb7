import {
  contentPayload,
  deviceConfig,
  type ContentPayload,
  type DeviceConfig,
} from '#shared/payloads';
import { CONTENT_TOPICS, type ContentTopic } from '#shared/topics';
import type { Credentials } from './credentials.ts';
import { forget, KEYS, load, save } from './storage.ts';

export type Content = { [T in ContentTopic]: ContentPayload<T> | null };

// Everything the screen renders, in one place. The MQTT connection writes it; components
// read it through hooks.ts and never see the client.
export interface SignageState {
  credentials: Credentials | null;
  config: DeviceConfig | null;
  content: Content;
  online: boolean;
  lastError: string | null;
  identifyUntil: number | null;
  // Rev of the alert the screen has actually painted; reported in `state`.
  alertShown: number | null;
  slide: string | null;
}

type Listener = (s: SignageState) => void;

export function emptyContent(): Content {
  return {
    notices: null,
    events: null,
    'event-texts': null,
    contacts: null,
    playlists: null,
    board: null,
    alert: null,
  };
}

// The last snapshots kept on the device, each checked against its schema.
export function loadContent(): Content {
  const key = KEYS.content;
  return {
    notices: load(key('notices'), contentPayload.notices),
    events: load(key('events'), contentPayload.events),
    'event-texts': null,
    contacts: load(key('contacts'), contentPayload.contacts),
    playlists: load(key('playlists'), contentPayload.playlists),
    board: load(key('board'), contentPayload.board),
    alert: load(key('alert'), contentPayload.alert),
  };
}

export class Store {
  private state: SignageState;
  private readonly listeners = new Set<Listener>();

  constructor(initial: SignageState) {
    this.state = initial;
  }

  get(): SignageState {
    return this.state;
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  }

  set(patch: Partial<SignageState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn(this.state);
  }

  // A retained snapshot arrived: null is the empty payload that removes it. Older revs than
  // the one shown are ignored (DESIGN.md); true when the screen's content changed.
  acceptContent(topic: ContentTopic, value: unknown | null): boolean {
    const current = this.state.content[topic];
    if (value === null) {
      if (!current) return false;
      forget(KEYS.content(topic));
      this.set({ content: { ...this.state.content, [topic]: null } });
      return true;
    }
    const parsed = contentPayload[topic].safeParse(value);
    if (!parsed.success) {
      this.fail(`${topic}: ${parsed.error.issues[0]?.message ?? 'invalid payload'}`);
      return false;
    }
    if (current && parsed.data.rev <= current.rev) return false;
    save(KEYS.content(topic), parsed.data);
    this.set({ content: { ...this.state.content, [topic]: parsed.data } });
    return true;
  }

  acceptConfig(value: unknown | null): void {
    if (value === null) {
      forget(KEYS.config);
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
    save(KEYS.config, parsed.data);
    this.set({ config: parsed.data });
  }

  fail(message: string): void {
    console.warn(message);
    this.set({ lastError: message.slice(0, 500) });
  }
}

export function initialState(credentials: Credentials | null): SignageState {
  const config = credentials ? load(KEYS.config, deviceConfig) : null;
  return {
    credentials,
    // A config of another building belongs to a placement this screen no longer has.
    config: config?.data.building === credentials?.building ? config : null,
    content: credentials ? loadContent() : emptyContent(),
    online: false,
    lastError: null,
    identifyUntil: null,
    alertShown: null,
    slide: null,
  };
}

// A newly paired screen starts from nothing: old snapshots may be another building's.
export function clearContent(): void {
  forget(KEYS.config);
  for (const topic of CONTENT_TOPICS) forget(KEYS.content(topic));
}
