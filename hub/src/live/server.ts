import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import {
  LIVE_UNAUTHENTICATED,
  type LiveEventName,
  type LivePayload,
  type LiveServerToClient,
} from '#shared/live-events';
import type { Actor, HubContext } from '../context.ts';
import { SESSION_COOKIE } from '../http/auth.ts';
import { upgradeAllowed } from '../http/origin.ts';
import { actorForToken } from '../services/auth.ts';
import type { LiveBus } from './bus.ts';

type NoEvents = Record<string, never>;
interface SocketData {
  actor: Actor;
  token: string;
}
type LiveSocket = Socket<NoEvents, LiveServerToClient, NoEvents, SocketData>;

const SWEEP_MS = 60_000;
const handshakeAuth = z.object({ token: z.string().min(1).max(200) });

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

// The staff session of a connecting console: `auth: { token }` from socket.io-client,
// or the session cookie a browser on the hub's own origin sends by itself.
function sessionToken(socket: LiveSocket): string | undefined {
  const auth = handshakeAuth.safeParse(socket.handshake.auth);
  if (auth.success) return auth.data.token;
  return cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
}

// socket.io on the hub's HTTP server, at its default path (/socket.io/), for staff only.
// Every event on the LiveBus goes to every connected console.
export function attachLive(ctx: HubContext, http: HttpServer, bus: LiveBus) {
  const io = new Server<NoEvents, LiveServerToClient, NoEvents, SocketData>(http, {
    serveClient: false,
    // A console page of another site may not open the channel with a staff cookie.
    allowRequest: (req, done) => done(null, upgradeAllowed(ctx, req.headers)),
  });
  io.use((socket, next) => {
    const token = sessionToken(socket);
    const actor = token ? actorForToken(ctx, token) : null;
    if (!actor || !token) return next(new Error(LIVE_UNAUTHENTICATED));
    socket.data.actor = actor;
    socket.data.token = token;
    next();
  });
  const detach = bus.attach(<K extends LiveEventName>(name: K, payload: LivePayload<K>) => {
    (io.emit as (event: K, payload: LivePayload<K>) => boolean)(name, payload);
  });
  // A console whose session ended is cut off; it reconnects only with a live session.
  // Sessions also run out by time, which no event announces: a sweep catches those.
  const endDead = () => {
    for (const socket of io.of('/').sockets.values()) {
      if (!actorForToken(ctx, socket.data.token)) socket.disconnect(true);
    }
  };
  const unwatch = bus.onSessionsEnded(endDead);
  const sweep = setInterval(endDead, SWEEP_MS);
  sweep.unref();
  return {
    io,
    async close(): Promise<void> {
      clearInterval(sweep);
      unwatch();
      detach();
      io.disconnectSockets(true);
      // Not io.close(): that closes the HTTP server too, which fastify closes itself.
      io.engine.close();
    },
  };
}
