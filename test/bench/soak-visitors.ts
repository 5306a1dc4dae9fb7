// The people side of the soak benchmark (test/bench/soak.ts): phones using the hub's public
// API at a fixed rate, and a member of staff putting up notices. Open loop: a
// request goes out when it is due whether or not the earlier ones were answered, so a slow
// hub shows as latency and a backlog, not as a politely lower rate. Not a benchmark itself.
import type { z } from 'zod';
import { FEEDBACK_CATEGORIES } from '#shared/enums';
import { createdId } from '#shared/schemas/common';
import { registrationCreated } from '#shared/schemas/events';
import { feedbackCreated } from '#shared/schemas/feedback';
import { now } from './mqtt-kit.ts';

export interface VisitorSetup {
  url: string;
  // A staff session for the notices.
  token: string;
  // Events open for registration, and the QR places of the building.
  events: number[];
  places: number[];
}

type Kind = 'feedback' | 'support' | 'register' | 'cancel' | 'read' | 'notice';

export interface Interval {
  writes: number[];
  reads: number[];
  errors: number;
}

// Of every 20 visitor requests: 2 tickets filed, 1 "me too", 1 registration, 1 cancellation
// and 15 reads (ticket status, a follow link, a registration, the event list, the board, the
// open tickets of a place). Every write changes a snapshot that goes to every screen, and
// every screen then reports its state: one write a second costs the hub about a thousand
// deliveries and a thousand reports.
const MIX: [Kind, number][] = [
  ['feedback', 2],
  ['support', 1],
  ['register', 1],
  ['cancel', 1],
  ['read', 15],
];
// A registration is cancelled this long after it was made, so seats keep turning over.
const HOLD_MS = 60_000;
// One ticket in ten comes from a QR place. A place takes 30 writes in 10 minutes
// (hub/src/services/visitor-limits.ts): spread over the building's places, far below that.
const PLACE_EVERY = 10;
const MAX_IN_FLIGHT = 256;
const NOTICES_KEPT = 5;
const READS = ['status', 'follow', 'registration', 'events', 'board', 'open'] as const;

// Smooth weighted round robin: the mix spread evenly over each cycle.
function schedule(mix: [Kind, number][]): Kind[] {
  const total = mix.reduce((n, [, w]) => n + w, 0);
  const current = mix.map(() => 0);
  const out: Kind[] = [];
  for (let i = 0; i < total; i++) {
    mix.forEach(([, w], j) => (current[j] = (current[j] ?? 0) + w));
    const best = current.indexOf(Math.max(...current));
    current[best] = (current[best] ?? 0) - total;
    out.push(mix[best]?.[0] ?? 'read');
  }
  return out;
}

interface Ticket {
  ticket: string;
  secret: string;
}

export class Visitors {
  private readonly cycle = schedule(MIX);
  private readonly tickets: Ticket[] = [];
  private readonly supportable: Ticket[] = [];
  private readonly held: (Ticket & { at: number })[] = [];
  private readonly notices: number[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private current: Interval = { writes: [], reads: [], errors: 0 };
  private timer: NodeJS.Timeout | undefined;
  private staff: NodeJS.Timeout | undefined;
  private sent = 0;
  private phones = 0;
  private readonly launched = new Map<Kind, number>();
  readonly writeLatencies: number[] = [];
  readonly readLatencies: number[] = [];
  readonly done = new Map<Kind, number>();
  readonly failures = new Map<string, number>();
  readonly examples: string[] = [];

  private readonly setup: VisitorSetup;
  private readonly rate: number;
  private readonly noticeEveryMs: number;

  constructor(setup: VisitorSetup, rate: number, noticeEveryMs: number) {
    this.setup = setup;
    this.rate = rate;
    this.noticeEveryMs = noticeEveryMs;
  }

  start(): void {
    const started = now();
    this.timer = setInterval(() => {
      const due = Math.floor(((now() - started) * this.rate) / 1000);
      while (this.sent < due) this.launch(this.cycle[this.sent++ % this.cycle.length] ?? 'read');
    }, 10);
    this.staff = setInterval(() => this.launch('notice'), this.noticeEveryMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.staff);
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  // What happened since the last call.
  take(): Interval {
    const out = this.current;
    this.current = { writes: [], reads: [], errors: 0 };
    return out;
  }

  get errors(): number {
    return [...this.failures.values()].reduce((a, b) => a + b, 0);
  }

  private launch(kind: Kind): void {
    if (this.inFlight.size >= MAX_IN_FLIGHT) {
      this.fail(kind, 'backlog', `more than ${MAX_IN_FLIGHT} requests waiting`);
      return;
    }
    const p = this.act(kind).catch((err: unknown) => this.fail(kind, 'network', String(err)));
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private fail(kind: Kind, why: string, detail: string): void {
    const key = `${kind}: ${why}`;
    this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
    this.current.errors += 1;
    if (this.examples.length < 5) this.examples.push(`${key} ${detail.slice(0, 200)}`);
  }

  // How many of this kind were started before this one.
  private count(kind: Kind): number {
    const n = this.launched.get(kind) ?? 0;
    this.launched.set(kind, n + 1);
    return n;
  }

  private nextPhone(prefix: string): string {
    return `${prefix}${String(10_000_000 + this.phones++).padStart(8, '0')}`;
  }

  // One request; resolves with the checked body of an expected answer, or null after
  // counting anything else as a failure.
  private async call<S extends z.ZodType>(
    kind: Kind,
    method: string,
    path: string,
    expect: number,
    body?: unknown,
    answer?: S,
    from?: string,
  ): Promise<z.infer<S> | null> {
    const started = now();
    const res = await fetch(`${this.setup.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(kind === 'notice' ? { authorization: `Bearer ${this.setup.token}` } : {}),
        ...(from ? { 'x-forwarded-for': from } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const ms = now() - started;
    if (res.status !== expect) {
      this.fail(kind, String(res.status), `${method} ${path}: ${text}`);
      return null;
    }
    const reading = method === 'GET';
    (reading ? this.current.reads : this.current.writes).push(ms);
    (reading ? this.readLatencies : this.writeLatencies).push(ms);
    this.done.set(kind, (this.done.get(kind) ?? 0) + 1);
    if (!answer) return null;
    const parsed = answer.safeParse(JSON.parse(text));
    if (!parsed.success) this.fail(kind, 'answer', `${method} ${path}: ${text}`);
    return parsed.success ? parsed.data : null;
  }

  private act(kind: Kind): Promise<void> {
    switch (kind) {
      case 'feedback':
        return this.feedback();
      case 'support':
        return this.supportable.length > 0 ? this.support() : this.feedback();
      case 'register':
        return this.register();
      case 'cancel': {
        const first = this.held[0];
        return first && now() - first.at >= HOLD_MS ? this.cancel() : this.read();
      }
      case 'read':
        return this.read();
      case 'notice':
        return this.notice();
    }
  }

  private async feedback(): Promise<void> {
    const n = this.count('feedback');
    const { places } = this.setup;
    const place = n % PLACE_EVERY === 0 ? places[(n / PLACE_EVERY) % places.length] : undefined;
    const created = await this.call(
      'feedback',
      'POST',
      '/api/public/feedback',
      201,
      {
        building: 'demo',
        category: FEEDBACK_CATEGORIES[n % FEEDBACK_CATEGORIES.length],
        text: `Soak ticket ${n}: the lift on this floor waits a long time at rush hour`,
        // Half leave a phone number to be called back.
        ...(n % 2 === 0 ? { contact: this.nextPhone('137') } : {}),
        ...(place === undefined ? {} : { place }),
      },
      feedbackCreated,
    );
    if (!created) return;
    const ticket = { ticket: created.ticket, secret: created.secret };
    this.keep(this.tickets, ticket);
    // "Me too" joins only tickets a place's QR page lists.
    if (place !== undefined) this.keep(this.supportable, ticket);
  }

  private keep(list: Ticket[], t: Ticket): void {
    list.push(t);
    if (list.length > 200) list.shift();
  }

  private async support(): Promise<void> {
    const recent = this.supportable.slice(-50);
    const t = recent[Math.floor(Math.random() * recent.length)];
    if (!t) return;
    // Each "me too" from a phone of its own: the hub counts them per phone, a new phone per
    // address (hub/src/services/visitor-limits.ts).
    const n = this.count('support');
    const from = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    await this.call(
      'support',
      'POST',
      `/api/public/feedback/${t.ticket}/support`,
      201,
      { contact: this.nextPhone('138') },
      undefined,
      from,
    );
  }

  private async register(): Promise<void> {
    const n = this.count('register');
    const { events } = this.setup;
    const created = await this.call(
      'register',
      'POST',
      `/api/public/events/${events[n % events.length]}/registrations`,
      201,
      { name: '王丽华', company: 'Soak Co', phone: this.nextPhone('139'), floor: (n % 24) + 1 },
      registrationCreated,
    );
    if (created) this.held.push({ ticket: created.ticket, secret: created.secret, at: now() });
  }

  private async cancel(): Promise<void> {
    const r = this.held.shift();
    if (!r) return;
    await this.call(
      'cancel',
      'DELETE',
      `/api/public/registrations/${r.ticket}?secret=${r.secret}`,
      200,
    );
  }

  private async read(): Promise<void> {
    const n = this.count('read');
    const what = READS[n % READS.length];
    const t = this.tickets[Math.floor(Math.random() * this.tickets.length)];
    const r = this.held[Math.floor(Math.random() * this.held.length)];
    const place = this.setup.places[n % this.setup.places.length];
    const path =
      what === 'status' && t
        ? `/api/public/feedback/${t.ticket}/status`
        : what === 'follow' && t
          ? `/api/public/feedback/${t.ticket}?secret=${t.secret}`
          : what === 'registration' && r
            ? `/api/public/registrations/${r.ticket}?secret=${r.secret}`
            : what === 'open' && place !== undefined
              ? `/api/public/places/${place}/open-feedback`
              : what === 'board'
                ? '/api/public/buildings/demo/board'
                : '/api/public/buildings/demo/events';
    await this.call('read', 'GET', path, 200);
  }

  // Staff keep a handful of current notices: a new one each time, the oldest taken down.
  private async notice(): Promise<void> {
    const n = this.count('notice');
    const created = await this.call(
      'notice',
      'POST',
      '/api/staff/notices',
      201,
      {
        building: 'demo',
        title: `Soak notice ${n}`,
        body: 'The east lifts are serviced on Saturday from 8:00 to 12:00.',
        category: 'service',
        priority: 'normal',
      },
      createdId,
    );
    if (created) this.notices.push(created.id);
    if (this.notices.length <= NOTICES_KEPT) return;
    const old = this.notices.shift();
    await this.call('notice', 'DELETE', `/api/staff/notices/${old}`, 200);
  }
}
