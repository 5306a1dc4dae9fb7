import { io, type Socket } from 'socket.io-client';
import {
  LIVE_UNAUTHENTICATED,
  liveEvents,
  type LiveEventName,
  type LivePayload,
  type LiveServerToClient,
} from '#shared/live-events';
import { observable } from './observable.ts';
import { checkSession, session } from './session.ts';

// The hub's live channel. Only this module touches the socket: the rest of the data layer
// offers subscribe functions that return their unsubscribe.
export const liveStatus = observable<'off' | 'connecting' | 'up' | 'down'>('off');

type Handler = (payload: unknown) => void;
const handlers = new Map<LiveEventName, Set<Handler>>();
const resyncs = new Set<() => void>();
let socket: Socket<LiveServerToClient> | null = null;
let retry: ReturnType<typeof setTimeout> | undefined;
let attempt = 0;
let wasUp = false;

// Doubling from half a second up to ten, with jitter, so the consoles of a station do not
// all knock at the same instant when the hub comes back.
const retryDelay = (n: number) => {
  const ceiling = Math.min(10_000, 500 * 2 ** n);
  return ceiling / 2 + (Math.random() * ceiling) / 2;
};

// socket.io-client gives up for good after the hub says goodbye (a clean stop says it to
// every console) or refuses a handshake, and retries on its own only after a dropped
// transport. One loop for every case instead: ask who we are (a 401 ends the session and
// leads to the login page; a network error means the hub is still away) and, while the
// session holds, open the channel again.
function scheduleRetry(): void {
  if (retry !== undefined || !socket) return;
  retry = setTimeout(() => {
    retry = undefined;
    checkSession().then(
      () => {
        if (socket && !socket.connected && session.get().status === 'in') socket.connect();
      },
      () => scheduleRetry(),
    );
  }, retryDelay(attempt++));
}

function connect(): void {
  if (socket) return;
  liveStatus.set('connecting');
  // Same origin: the session cookie goes along with the handshake.
  const s: Socket<LiveServerToClient> = io({
    withCredentials: true,
    transports: ['websocket', 'polling'],
    reconnection: false,
  });
  s.on('connect', () => {
    liveStatus.set('up');
    attempt = 0;
    // Events sent while the channel was down are lost: whatever shows data fetches again.
    if (wasUp) for (const fn of resyncs) fn();
    wasUp = true;
  });
  s.on('disconnect', () => {
    liveStatus.set('down');
    scheduleRetry();
  });
  s.on('connect_error', (err) => {
    liveStatus.set('down');
    // Refused for want of a session: ask at once, the login page follows.
    if (err.message === LIVE_UNAUTHENTICATED) attempt = 0;
    scheduleRetry();
  });
  for (const name of Object.keys(liveEvents) as LiveEventName[]) {
    s.on(name, ((payload: unknown) => {
      // Checked like any other input before a component sees it.
      const parsed = liveEvents[name].safeParse(payload);
      if (!parsed.success) return;
      for (const fn of handlers.get(name) ?? []) fn(parsed.data);
    }) as LiveServerToClient[typeof name]);
  }
  socket = s;
}

function disconnect(): void {
  clearTimeout(retry);
  retry = undefined;
  attempt = 0;
  wasUp = false;
  const s = socket;
  socket = null;
  s?.close();
  liveStatus.set('off');
}

session.subscribe((s) => {
  if (s.status !== 'in') disconnect();
  else if (handlers.size > 0) connect();
});

// Called whenever the channel comes back after a break: what it missed must be fetched.
export function subscribeResync(fn: () => void): () => void {
  resyncs.add(fn);
  return () => resyncs.delete(fn);
}

export function subscribeLive<K extends LiveEventName>(
  name: K,
  fn: (payload: LivePayload<K>) => void,
): () => void {
  let set = handlers.get(name);
  if (!set) {
    set = new Set();
    handlers.set(name, set);
  }
  const handler = fn as Handler;
  set.add(handler);
  if (session.get().status === 'in') connect();
  return () => {
    set.delete(handler);
    if (set.size === 0) handlers.delete(name);
  };
}

// For one building only.
export function subscribeBuilding<K extends LiveEventName>(
  name: K,
  building: string,
  fn: (payload: LivePayload<K>) => void,
): () => void {
  return subscribeLive(name, (p) => {
    if ((p as { building: string }).building === building) fn(p);
  });
}
