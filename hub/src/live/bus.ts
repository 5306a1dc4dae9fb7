import type { Logger } from 'pino';
import { liveEvents, type LiveEventName, type LivePayload } from '#shared/live-events';

type Sink = <K extends LiveEventName>(name: K, payload: LivePayload<K>) => void;

// What services use to tell the console something happened: `ctx.live?.emit(name, payload)`.
// The socket.io server is one sink; emitting with no console connected costs nothing.
export class LiveBus {
  private readonly sinks = new Set<Sink>();
  private readonly sessionWatchers = new Set<() => void>();
  private readonly log: Logger;

  constructor(log: Logger) {
    this.log = log;
  }

  emit<K extends LiveEventName>(name: K, payload: LivePayload<K>): void {
    if (this.sinks.size === 0) return;
    // The payload crosses into browsers: hold it to the declared shape. A bad one is a
    // bug of the emitter; it is logged and dropped, never thrown into the write that caused it.
    const parsed = liveEvents[name].safeParse(payload);
    if (!parsed.success) {
      this.log.error({ event: name, issues: parsed.error.issues }, 'live event dropped');
      return;
    }
    for (const sink of this.sinks) sink(name, parsed.data as LivePayload<K>);
  }

  attach(sink: Sink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  // Staff sessions ended (logout, a changed password, a disabled account): a console
  // connected with one of them must not keep receiving events.
  sessionsEnded(): void {
    for (const watch of this.sessionWatchers) watch();
  }

  onSessionsEnded(watch: () => void): () => void {
    this.sessionWatchers.add(watch);
    return () => this.sessionWatchers.delete(watch);
  }
}
