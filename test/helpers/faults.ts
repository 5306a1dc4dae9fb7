// Fault suites. A signage screen in Chromium watched from inside its page, so a test sees
// what the app does on the wire and on disk, by the page's own (fake) clock:
//
//   const screen = await ProbedScreen.open(browser, hub.url);  // clock installed, probe on
//   await screen.pair(hub, staff, { floor: 3 });
//   await screen.stepClock(() => screen.closed() >= 6);        // page time, past its backoff
//   screen.reconnectDelays();  // ms from each dropped connection to the next attempt
//   screen.logged;             // every proof of play the screen ever put in its outbox
//
// Also here: a playlist every screen of the building plays, the hub's record of plays read
// from its database file (the hub may be another process), and a hub on an external
// Mosquitto that a test stops and starts.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { z } from 'zod';
import { playedReport, type PlayedReport } from '#shared/payloads';
import type { Slide } from '#shared/schemas/playlists';
import { VIEWPORTS } from './browser.ts';
import { startTestHub, type HubClient, type TestHub } from './hub.ts';
import { freePort } from './hub-process.ts';
import { startMosquitto, type MosquittoProcess } from './mqtt.ts';

const OUTBOX_KEY = 'lobby.signage.v1.outbox';

const probeEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['attempt', 'open', 'answer', 'close']),
    socket: z.number().int(),
    at: z.number(),
  }),
  z.object({ kind: z.literal('plays'), at: z.number(), ids: z.array(z.string()) }),
]);
type ProbeEvent = z.infer<typeof probeEvent>;

// One WebSocket the app opened, by the page's clock: when it was made, opened, first heard
// from the other side (an MQTT CONNACK), and closed.
export interface SocketTimes {
  attempt: number;
  open?: number;
  answer?: number;
  close?: number;
}

// Runs in the page before the app and reports, by the page's clock, every WebSocket the
// app opens (and when it opens, first receives and closes) and every play id it writes to
// its outbox. Plain JavaScript in a string: the page runs exactly this, before any app code.
const PROBE = `(() => {
  const report = (e) => window.__lobbyProbe?.(e);
  const Native = window.WebSocket;
  let sockets = 0;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      const socket = sockets++;
      const on = (kind) => () => report({ kind, socket, at: Date.now() });
      on('attempt')();
      this.addEventListener('open', on('open'));
      this.addEventListener('message', on('answer'), { once: true });
      this.addEventListener('close', on('close'));
    }
  };
  const setItem = Storage.prototype.setItem;
  const seen = new Set();
  Storage.prototype.setItem = function (key, value) {
    setItem.call(this, key, value);
    if (key !== ${JSON.stringify(OUTBOX_KEY)}) return;
    let items;
    try {
      items = JSON.parse(value);
    } catch {
      return;
    }
    if (!Array.isArray(items)) return;
    const ids = items.map((p) => p && p.id).filter((id) => typeof id === 'string' && !seen.has(id));
    for (const id of ids) seen.add(id);
    if (ids.length > 0) report({ kind: 'plays', at: Date.now(), ids });
  };
})();`;

export class ProbedScreen {
  // Each WebSocket the app made since the page loaded, in order (page-clock ms).
  private sockets: SocketTimes[] = [];
  private readonly gone: SocketTimes[] = [];
  // Every play id the app has written to its outbox, in order, across reloads.
  readonly logged = new Set<string>();
  // Uncaught errors and unhandled rejections in the page.
  readonly errors: string[] = [];
  private readonly waiters = new Set<() => void>();

  readonly context: BrowserContext;
  readonly page: Page;

  private constructor(context: BrowserContext, page: Page) {
    this.context = context;
    this.page = page;
  }

  // An unpaired screen at `url`/signage/, its clock installed at `clock` (then flowing).
  static async open(browser: Browser, url: string, clock = new Date()): Promise<ProbedScreen> {
    const context = await browser.newContext({
      viewport: VIEWPORTS.landscape,
      locale: 'zh-CN',
      serviceWorkers: 'allow',
    });
    const page = await context.newPage();
    const screen = new ProbedScreen(context, page);
    page.on('pageerror', (e) => screen.errors.push(e.message));
    await page.exposeBinding('__lobbyProbe', (_source, raw: unknown) => screen.record(raw));
    await page.clock.install({ time: clock });
    await page.addInitScript({ content: PROBE });
    await page.goto(`${url}/signage/`);
    return screen;
  }

  private record(raw: unknown): void {
    const e: ProbeEvent = probeEvent.parse(raw);
    if (e.kind === 'plays') {
      for (const id of e.ids) this.logged.add(id);
    } else if (e.kind === 'attempt') {
      // Socket numbers start again with each page load.
      if (e.socket === 0) this.gone.push(...this.sockets.splice(0));
      this.sockets[e.socket] = { attempt: e.at };
    } else {
      const s = this.sockets[e.socket];
      if (s) s[e.kind] = e.at;
    }
    for (const w of this.waiters) w();
  }

  // Every WebSocket the app made, across reloads.
  all(): SocketTimes[] {
    return [...this.gone, ...this.sockets];
  }

  // Connections the other side has answered (MQTT sessions begun) so far.
  answered(): number {
    return this.all().filter((s) => s.answer !== undefined).length;
  }

  closed(): number {
    return this.all().filter((s) => s.close !== undefined).length;
  }

  // A connection attempt neither answered nor closed yet.
  private pending(): boolean {
    return this.sockets.some((s) => s.answer === undefined && s.close === undefined);
  }

  // Resolves once `check` holds after what the page has reported; rejects after timeoutMs.
  private until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const test = () => {
        if (!check()) return;
        this.waiters.delete(test);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(test);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(test);
      test();
    });
  }

  // Staff claim the code on screen; the screen then collects its token and connects.
  // `collected` runs once the screen has its token (an external broker re-reading its
  // password file, which has the token from then on).
  async pair(
    client: HubClient,
    staff: string,
    placement: Record<string, unknown> = {},
    collected: () => Promise<void> = async () => {},
  ): Promise<string> {
    const code = await this.page.getByTestId('pairing-code').getAttribute('data-code');
    const res = await client.api<{ deviceId: string }>(
      'POST',
      '/api/staff/devices',
      { code, building: 'demo', kind: 'signage', ...placement },
      staff,
    );
    if (res.status !== 201) throw new Error(`claim: ${res.status} ${JSON.stringify(res.body)}`);
    // The screen asks every two seconds whether it has been claimed: ask now.
    await this.page.clock.runFor(2000);
    await this.page.getByTestId('building-name').waitFor({ timeout: 15_000 });
    await collected();
    return res.body.deviceId;
  }

  // Moves the page's clock on, a second at a time (every timer due runs, in order), until
  // `check` holds: backoff and rotation go by in moments instead of minutes.
  async stepClock(
    check: () => boolean | Promise<boolean>,
    maxMs = 120_000,
    stepMs = 1000,
  ): Promise<void> {
    for (let ran = 0; !(await check()); ran += stepMs) {
      if (ran >= maxMs) throw new Error(`still waiting after ${maxMs} ms of page time`);
      await this.step(stepMs);
    }
  }

  // A connection attempt under way settles first, in real time, so no timeout fires that
  // the network would have beaten.
  private async step(ms: number): Promise<void> {
    await this.until('a connection attempt to settle', () => !this.pending(), 10_000);
    await this.page.clock.runFor(ms);
  }

  // Stops the page's clock (a moment from now, so never in its past); runFor and stepClock
  // still move it, and page.clock.resume() lets it flow again.
  async pauseClock(): Promise<void> {
    await this.page.clock.pauseAt(await this.page.evaluate(() => Date.now() + 100));
  }

  // Page time from each dropped connection or failed attempt (the `from`th on) to the
  // attempt after it.
  reconnectDelays(from = 0): number[] {
    const sockets = this.all();
    const closes = sockets.flatMap((s) => (s.close === undefined ? [] : [s.close]));
    const delays: number[] = [];
    for (const closed of closes.sort((a, b) => a - b).slice(from)) {
      const next = sockets.find((s) => s.attempt >= closed);
      if (next) delays.push(next.attempt - closed);
    }
    return delays;
  }

  async outbox(): Promise<PlayedReport[]> {
    const text = await this.page.evaluate((key) => localStorage.getItem(key), OUTBOX_KEY);
    return z.array(playedReport).parse(JSON.parse(text ?? '[]'));
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

// What every screen of the building plays, whatever its own schedule says: these slides
// at the top priority, and no urgent notice cutting in.
export async function playOnly(client: HubClient, staff: string, slides: Slide[]): Promise<void> {
  const notices = await client.api<{ id: number; priority: string }[]>(
    'GET',
    '/api/staff/buildings/demo/notices',
    undefined,
    staff,
  );
  for (const n of notices.body.filter((x) => x.priority === 'urgent')) {
    await client.api('DELETE', `/api/staff/notices/${n.id}`, undefined, staff);
  }
  const list = await client.api<{ id: number }>(
    'POST',
    '/api/staff/playlists',
    { building: 'demo', name: 'faults', slides },
    staff,
  );
  const rule = await client.api(
    'POST',
    '/api/staff/schedule-rules',
    { building: 'demo', playlistId: list.body.id, priority: 100 },
    staff,
  );
  if (list.status !== 201 || rule.status !== 201) throw new Error('playlist not set up');
}

// The play ids the hub has recorded for a device, read from its database file: the hub
// may be in another process, or not running at all.
export function recordedPlays(dataDir: string, deviceId: string): string[] {
  const db = new Database(join(dataDir, 'lobby.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[string], { play_id: string }>('SELECT play_id FROM plays WHERE device_id = ?')
      .all(deviceId)
      .map((r) => r.play_id);
  } finally {
    db.close();
  }
}

export interface ExternalBroker {
  hub: TestHub;
  // Mosquitto's TCP listener, as mqtt.js clients reach it.
  url: string;
  mosquitto: MosquittoProcess;
  // Mosquitto again on the same config and ports (after mosquitto.stop()).
  start(): Promise<void>;
  // Resolves once the hub is connected and subscribed: it has re-published its snapshots.
  hubBack(): Promise<void>;
  stop(): Promise<void>;
}

// A hub whose broker is a Mosquitto run from the config the hub exported; with `ws`, also
// Mosquitto's WebSocket listener, handed to screens at pairing. Debian's Mosquitto 2.0.11
// binds that listener to every address whatever the config says (DESIGN.md).
export async function startExternalBroker(
  opts: { ws?: boolean; dataDir?: string } = {},
): Promise<ExternalBroker> {
  const tcp = await freePort();
  const url = `mqtt://127.0.0.1:${tcp}`;
  const hub = await startTestHub({
    mqttUrl: url,
    mqttWsUrl: opts.ws ? `ws://127.0.0.1:${await freePort()}` : undefined,
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
  });
  const config = join(hub.dataDir, 'mosquitto', 'mosquitto.conf');
  const broker: ExternalBroker = {
    hub,
    url,
    mosquitto: await startMosquitto(config),
    async start() {
      broker.mosquitto = await startMosquitto(config);
    },
    async hubBack() {
      // Mosquitto keeps retained messages over a restart now, so only its log tells that
      // the hub is back: it re-published the notices snapshot on its new connection.
      await broker.mosquitto.logged(
        /Received PUBLISH from lobby-hub\S* \(d0, q1, r1, m\d+, 'lobby\/v1\/demo\/notices'/,
      );
    },
    async stop() {
      await hub.stop();
      await broker.mosquitto.stop();
    },
  };
  await broker.hubBack();
  return broker;
}
