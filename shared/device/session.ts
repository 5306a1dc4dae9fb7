import type { DeviceKind } from '../enums.ts';
import type { DeviceCommand } from '../payloads.ts';
import type { ContentTopic } from '../topics.ts';
import { openConnection, type Connection } from './connection.ts';
import { credentialStore, type Credentials } from './credentials.ts';
import { Outbox, playId } from './outbox.ts';
import { deviceStorage } from './storage.ts';
import { DeviceStore, initialState } from './store.ts';

const IDENTIFY_MS = 10_000;

// What differs between the apps: the rest of the runtime is one.
export interface DeviceApp {
  kind: DeviceKind;
  version: string;
  // The content topics the app shows (subscribed, kept for offline starts).
  shown: readonly ContentTopic[];
  // Commands other than reload and identify; false when the app cannot do it.
  command?: (cmd: DeviceCommand) => boolean;
  reload?: () => void;
}

export interface PlayRecord {
  slide: string;
  playlist: number | null;
  startMs: number;
  endMs: number;
}

// What components may ask of the device runtime. The MQTT client stays inside.
export interface Session {
  app: DeviceApp;
  store: DeviceStore;
  credentials: ReturnType<typeof credentialStore>;
  paired(c: Credentials): void;
  recordPlay(p: PlayRecord): void;
  alertShown(rev: number | null): void;
  slideShown(id: string | null): void;
  stop(): void;
}

export function createSession(app: DeviceApp): Session {
  const storage = deviceStorage(app.kind);
  const creds = credentialStore(storage);
  const store = new DeviceStore(storage, initialState(storage, creds.load(), app.shown));
  const outbox = new Outbox(storage);
  const reload = app.reload ?? (() => location.reload());
  let connection: Connection | null = null;
  let identifyTimer: ReturnType<typeof setTimeout> | undefined;

  function onCommand(cmd: DeviceCommand): void {
    if (cmd.cmd === 'reload') reload();
    else if (cmd.cmd === 'identify') {
      store.set({ identifyUntil: Date.now() + IDENTIFY_MS });
      clearTimeout(identifyTimer);
      identifyTimer = setTimeout(() => store.set({ identifyUntil: null }), IDENTIFY_MS);
    } else if (!app.command?.(cmd)) store.fail(`command ${cmd.cmd} is not supported here`);
  }

  function start(credentials: Credentials): void {
    connection?.stop();
    connection = openConnection({
      credentials,
      store,
      outbox,
      shown: app.shown,
      version: app.version,
      onCommand,
      onRevoked() {
        connection = null;
        creds.forget();
        store.reset(null);
        store.set({ online: false });
      },
    });
  }

  const initial = store.get().credentials;
  if (initial) start(initial);

  return {
    app,
    store,
    credentials: creds,
    paired(credentials) {
      creds.forgetPending();
      creds.save(credentials);
      store.reset(credentials);
      start(credentials);
    },
    recordPlay(p) {
      if (!store.get().credentials) return;
      outbox.push({
        id: playId(p.startMs),
        slide: p.slide,
        playlist: p.playlist,
        start: new Date(p.startMs).toISOString(),
        duration: Math.min(3600, Math.max(0, Math.round((p.endMs - p.startMs) / 100) / 10)),
      });
      connection?.flush();
    },
    alertShown(rev) {
      if (store.get().alertShown !== rev) store.set({ alertShown: rev });
    },
    slideShown(id) {
      if (store.get().slide !== id) store.set({ slide: id });
    },
    stop() {
      clearTimeout(identifyTimer);
      connection?.stop();
      connection = null;
    },
  };
}
