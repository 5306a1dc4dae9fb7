// A screen's uptime history from its availability changes: pure, so the hub computes it
// and tests check it without a clock or a database.

export type PresenceState = 'online' | 'offline' | 'unknown';

export interface PresenceChange {
  online: boolean;
  at: string;
}

export interface UptimeSpan {
  from: string;
  to: string;
  state: PresenceState;
}

export interface UptimeHistory {
  spans: UptimeSpan[];
  // Share of the known time (online + offline) the screen was online; null when none is known.
  uptime: number | null;
  onlineMs: number;
  offlineMs: number;
}

// `before`: the state the last change before the window left (null: none, e.g. paired later);
// `changes`: the changes inside the window, oldest first. Repeats of a state merge.
export function uptimeHistory(
  before: boolean | null,
  changes: PresenceChange[],
  from: Date,
  to: Date,
): UptimeHistory {
  const spans: UptimeSpan[] = [];
  let state: PresenceState = before === null ? 'unknown' : before ? 'online' : 'offline';
  let start = from.getTime();
  const close = (end: number) => {
    if (end <= start) return;
    const last = spans[spans.length - 1];
    if (last && last.state === state) last.to = new Date(end).toISOString();
    else
      spans.push({ from: new Date(start).toISOString(), to: new Date(end).toISOString(), state });
  };
  for (const c of changes) {
    const at = Math.min(Math.max(Date.parse(c.at), from.getTime()), to.getTime());
    close(at);
    start = Math.max(start, at);
    state = c.online ? 'online' : 'offline';
  }
  close(to.getTime());
  const total = (s: PresenceState) =>
    spans
      .filter((x) => x.state === s)
      .reduce((n, x) => n + Date.parse(x.to) - Date.parse(x.from), 0);
  const onlineMs = total('online');
  const offlineMs = total('offline');
  const known = onlineMs + offlineMs;
  return { spans, uptime: known > 0 ? onlineMs / known : null, onlineMs, offlineMs };
}
