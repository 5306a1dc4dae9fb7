import type { DeviceCommand } from '#shared/payloads';
import { openConnection, type Connection } from './connection.ts';
import {
  forgetCredentials,
  forgetPending,
  saveCredentials,
  type Credentials,
} from './credentials.ts';
import { Outbox, playId } from './outbox.ts';
import { clearContent, emptyContent, type Store } from './store.ts';

const IDENTIFY_MS = 10_000;

export interface PlayRecord {
  slide: string;
  playlist: number | null;
  startMs: number;
  endMs: number;
}

// What components may ask of the data layer. The MQTT client stays inside.
export interface Session {
  store: Store;
  paired(c: Credentials): void;
  recordPlay(p: PlayRecord): void;
  alertShown(rev: number | null): void;
  slideShown(id: string | null): void;
  stop(): void;
}

export function createSession(store: Store, reload: () => void = () => location.reload()): Session {
  const outbox = new Outbox();
  let connection: Connection | null = null;
  let identifyTimer: ReturnType<typeof setTimeout> | undefined;

  function onCommand(cmd: DeviceCommand): void {
    if (cmd.cmd === 'reload') reload();
    else if (cmd.cmd === 'identify') {
      const until = Date.now() + IDENTIFY_MS;
      store.set({ identifyUntil: until });
      clearTimeout(identifyTimer);
      identifyTimer = setTimeout(() => store.set({ identifyUntil: null }), IDENTIFY_MS);
    } else store.fail(`command ${cmd.cmd} is not supported by this screen`);
  }

  function start(credentials: Credentials): void {
    connection?.stop();
    connection = openConnection({
      credentials,
      store,
      outbox,
      onCommand,
      onRevoked() {
        connection = null;
        forgetCredentials();
        clearContent();
        store.set({ credentials: null, config: null, content: emptyContent(), online: false });
      },
    });
  }

  const initial = store.get().credentials;
  if (initial) start(initial);

  return {
    store,
    paired(credentials) {
      forgetPending();
      clearContent();
      saveCredentials(credentials);
      store.set({ credentials, config: null, content: emptyContent(), lastError: null });
      start(credentials);
    },
    recordPlay(p) {
      const credentials = store.get().credentials;
      if (!credentials) return;
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
