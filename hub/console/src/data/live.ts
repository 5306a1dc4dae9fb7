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
let socket: Socket<LiveServerToClient> | null = null;

function connect(): void {
  if (socket) return;
  liveStatus.set('connecting');
  // Same origin: the session cookie goes along with the handshake.
  const s: Socket<LiveServerToClient> = io({
    withCredentials: true,
    transports: ['websocket', 'polling'],
  });
  s.on('connect', () => liveStatus.set('up'));
  // The hub cuts the channel when the session ends (logout elsewhere, a changed password,
  // a disabled account): asking who we are then leads to the login page.
  s.on('disconnect', (reason) => {
    liveStatus.set('down');
    if (reason === 'io server disconnect') void checkSession().catch(() => undefined);
  });
  s.on('connect_error', (err) => {
    liveStatus.set('down');
    if (err.message === LIVE_UNAUTHENTICATED) void checkSession().catch(() => undefined);
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
  socket?.close();
  socket = null;
  liveStatus.set('off');
}

session.subscribe((s) => {
  if (s.status !== 'in') disconnect();
  else if (handlers.size > 0) connect();
});

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
