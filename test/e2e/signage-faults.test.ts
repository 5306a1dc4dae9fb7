import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { playOnly, ProbedScreen, recordedPlays, startExternalBroker } from '../helpers/faults.ts';
import { apiClient, startTestHub, type HubClient } from '../helpers/hub.ts';
import { spawnHub } from '../helpers/hub-process.ts';

// Faults a screen meets in the field, with the real app in Chromium on its own (fake)
// clock: the broker goes away, the network goes away, the disk holds garbage. The screen
// keeps playing, comes back with backoff, and every play it logged reaches the hub once.
let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

const SLIDES = [
  { id: 'fault-feedback', kind: 'feedback', duration: 5 },
  { id: 'fault-notices', kind: 'notices', duration: 5 },
  { id: 'fault-board', kind: 'board', duration: 5 },
] as const;

// Waits on the hub's database, which has no event to await.
async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sameSet = (a: Iterable<string>, b: Iterable<string>) =>
  assert.deepEqual([...a].sort(), [...b].sort());

// Backoff: no attempt sooner than half a second after a failure, later attempts further
// apart than the first ones, none more than fifteen seconds apart.
function assertBackoff(delays: number[]): void {
  assert.ok(delays.length >= 5, `${delays.length} failed attempts`);
  assert.ok(Math.min(...delays) >= 500, `spaced: ${delays.join(', ')}`);
  assert.ok(Math.max(...delays) <= 15_000, `capped: ${delays.join(', ')}`);
  assert.ok(
    (delays[3] ?? 0) + (delays[4] ?? 0) > 2 * ((delays[0] ?? 0) + (delays[1] ?? 0)),
    `growing: ${delays.join(', ')}`,
  );
}

// The broker goes away (down), the screen keeps playing and backs off; the broker comes
// back (up: resolves once the hub is there to take reports), staff change something while
// the screen is still away (meanwhile); the screen reconnects, and every play it logged is
// on the hub's disk once.
async function brokerOutage(
  screen: ProbedScreen,
  recorded: () => Set<string>,
  steps: { down(): Promise<void>; up(): Promise<void>; meanwhile(): Promise<void> },
): Promise<void> {
  await screen.stepClock(() => screen.logged.size >= 2);
  // The page's clock moves only when told to from here on, so nothing the restart takes
  // in real time lets the screen reconnect before the test says. It stops at a quiet
  // moment: every play so far on the hub's disk, none on its way.
  for (;;) {
    await until('plays recorded', () => recorded().size === screen.logged.size);
    await screen.pauseClock();
    if (recorded().size === screen.logged.size) break;
    await screen.page.clock.resume();
  }
  const closes = screen.closed();
  const plays = screen.logged.size;
  await steps.down();
  // Nobody there: the screen keeps rotating and retries further and further apart.
  await screen.stepClock(() => screen.closed() >= closes + 6);
  await screen.page.getByTestId('offline').waitFor();
  assert.ok(screen.logged.size >= plays + 3, `${screen.logged.size - plays} plays offline`);
  assertBackoff(screen.reconnectDelays(closes));

  await steps.up();
  await steps.meanwhile();
  const waiting = await screen.outbox();
  assert.ok(waiting.length >= 3, `${waiting.length} plays waiting`);
  const answered = screen.answered();
  await screen.stepClock(() => screen.answered() > answered, 20_000);
  // mqtt.js finishes its handshake on zero-delay timers: let the clock flow again.
  await screen.page.clock.resume();
  await until('the plays of the outage', () => recorded().size === screen.logged.size);
  sameSet(recorded(), screen.logged);
}

const URGENT = '电梯维保：B 组电梯暂停使用';
const ALERT = '消防演练：请勿乘坐电梯';

async function postUrgent(client: HubClient): Promise<number> {
  const posted = await client.api<{ id: number }>(
    'POST',
    '/api/staff/notices',
    {
      building: 'demo',
      title: URGENT,
      body: '请使用 A 组电梯。',
      category: 'service',
      priority: 'urgent',
    },
    await client.login(),
  );
  assert.equal(posted.status, 201);
  return posted.body.id;
}

async function raiseAlert(client: HubClient): Promise<void> {
  const put = await client.api(
    'PUT',
    '/api/staff/buildings/demo/alert',
    { level: 'warning', title: ALERT, body: '' },
    await client.login(),
  );
  assert.equal(put.status, 200);
}

test('embedded broker: the hub killed, then stopped cleanly; the screen plays on and loses nothing', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lobby-faults-hub-'));
  // The hub as its own process, to be killed; after that, in this process (starting it
  // takes a fraction of the time), on the same data and ports, to be stopped cleanly.
  const spawned = await spawnHub(dataDir);
  let stopHub = () => spawned.stop();
  t.after(async () => {
    await stopHub();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const restart = async () => {
    const hub = await startTestHub({ dataDir, port: spawned.port, mqttPort: spawned.mqttPort });
    stopHub = () => hub.stop();
  };
  const client = apiClient(spawned.url);
  const staff = await client.login();
  await playOnly(client, staff, [...SLIDES]);
  const screen = await ProbedScreen.open(browser, spawned.url);
  t.after(() => screen.close());
  const deviceId = await screen.pair(client, staff, { floor: 9, bank: 'A' });
  const recorded = () => new Set(recordedPlays(dataDir, deviceId));

  // A crash; staff post an urgent notice while the screen is still away.
  let notice = 0;
  await brokerOutage(screen, recorded, {
    down: () => spawned.kill(),
    up: restart,
    meanwhile: async () => void (notice = await postUrgent(client)),
  });
  await screen.page.getByText(URGENT).first().waitFor();
  await screen.page.getByTestId('offline').waitFor({ state: 'detached' });
  // Maintenance done: back to the three short slides before the next outage.
  await client.api('DELETE', `/api/staff/notices/${notice}`, undefined, await client.login());
  await screen.page.waitForFunction(
    (title) => !localStorage.getItem('lobby.signage.v1.content.notices')?.includes(title),
    URGENT,
  );

  // A clean stop; the alert raised while the screen is away is on it when it comes back.
  await brokerOutage(screen, recorded, {
    down: () => stopHub(),
    up: restart,
    meanwhile: () => raiseAlert(client),
  });
  await screen.page.getByTestId('alert').getByText(ALERT).waitFor();
  assert.deepEqual(screen.errors, []);
});

test('external Mosquitto stopped and started: the screen plays on and loses nothing', async (t) => {
  const broker = await startExternalBroker({ ws: true });
  t.after(() => broker.stop());
  const { hub } = broker;
  const staff = await hub.login();
  await playOnly(hub, staff, [...SLIDES]);
  const screen = await ProbedScreen.open(browser, hub.url);
  t.after(() => screen.close());
  // Mosquitto knows the screen once it has re-read the password file (as a path unit does).
  const deviceId = await screen.pair(hub, staff, { floor: 12, bank: 'A' }, () =>
    broker.mosquitto.reload(),
  );
  const recorded = () => new Set(recordedPlays(hub.dataDir, deviceId));

  // The hub is back before the screen: see broker-faults.test.ts for the other order.
  await brokerOutage(screen, recorded, {
    down: () => broker.mosquitto.stop(),
    async up() {
      await broker.start();
      await broker.hubBack();
    },
    meanwhile: () => raiseAlert(hub),
  });
  await screen.page.getByTestId('alert').getByText(ALERT).waitFor();
  assert.deepEqual(screen.errors, []);
});

test('an hour without network: the screen plays on, and every play of the hour arrives once', async (t) => {
  const hub = await startTestHub();
  t.after(() => hub.stop());
  const staff = await hub.login();
  await playOnly(hub, staff, [
    { id: 'hour-feedback', kind: 'feedback', duration: 10 },
    { id: 'hour-notices', kind: 'notices', duration: 20 },
    { id: 'hour-board', kind: 'board', duration: 30 },
  ]);
  const screen = await ProbedScreen.open(browser, hub.url);
  t.after(() => screen.close());
  const deviceId = await screen.pair(hub, staff, { floor: 15, bank: 'A' });
  const recorded = () => new Set(recordedPlays(hub.dataDir, deviceId));
  await screen.stepClock(() => screen.logged.size >= 2);
  await until('plays recorded', () => recorded().size === screen.logged.size);
  const before = new Set(screen.logged);
  const closes = screen.closed();

  // The cable is pulled: no close, no error; the screen finds out by its keepalive.
  await screen.context.setOffline(true);
  const start = await screen.page.evaluate(() => Date.now());
  // In one go: with no network every attempt hangs until the app gives up on it, and
  // settling each in real time, as stepClock does, would take minutes.
  await screen.page.clock.runFor(3_600_000);
  await screen.page.getByTestId('offline').waitFor();
  await screen.page.locator('.layer.is-on').waitFor();

  // It played all hour: three slides of 10, 20 and 30 s back to back, nothing sent.
  const hour = (await screen.outbox())
    .filter((p) => Date.parse(p.start) >= start)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  assert.ok(hour.length >= 178 && hour.length <= 181, `${hour.length} plays in the hour`);
  assert.deepEqual(
    new Set(hour.map((p) => p.slide)),
    new Set(['hour-feedback', 'hour-notices', 'hour-board']),
  );
  const first = Date.parse(hour[0]?.start ?? '');
  assert.ok(first - start < 30_000, 'played from the start of the hour');
  for (let i = 1; i < hour.length; i++) {
    const gap = Date.parse(hour[i]?.start ?? '') - Date.parse(hour[i - 1]?.start ?? '');
    assert.ok(gap <= 30_000, `no pause in the rotation: ${gap} ms before play ${i}`);
  }
  assert.equal(recorded().size, before.size, 'nothing got through');
  // Still knocking at least every fifteen seconds, so it is back soon after the network.
  const delays = screen.reconnectDelays(closes);
  assert.ok(delays.length >= 150, `${delays.length} attempts`);
  assert.ok(Math.max(...delays) <= 15_000, `at most 15 s apart: ${Math.max(...delays)}`);

  await screen.context.setOffline(false);
  // The attempt that was hanging when the network came back runs into the app's 8 s
  // connect timeout; the next one gets through.
  await screen.page.clock.runFor(8000);
  const answered = screen.answered();
  await screen.stepClock(() => screen.answered() > answered, 20_000);
  await screen.page.clock.resume();
  await until('the plays of the hour', () => recorded().size === screen.logged.size);
  sameSet(recorded(), screen.logged);
  await screen.page.getByTestId('offline').waitFor({ state: 'detached' });
  assert.deepEqual(screen.errors, []);
});

test('corrupt local storage: the screen starts clean instead of crashing, and keeps what it can read', async (t) => {
  const hub = await startTestHub();
  t.after(() => hub.stop());
  const staff = await hub.login();
  await playOnly(hub, staff, [
    { id: 'disk-feedback', kind: 'feedback', duration: 5 },
    { id: 'disk-board', kind: 'board', duration: 5 },
  ]);
  const screen = await ProbedScreen.open(browser, hub.url);
  t.after(() => screen.close());
  const deviceId = await screen.pair(hub, staff, { floor: 7, bank: 'A' });
  const recorded = () => new Set(recordedPlays(hub.dataDir, deviceId));
  await screen.stepClock(() => screen.logged.size >= 1);
  await until('plays recorded', () => recorded().size === screen.logged.size);
  const playing = () =>
    screen.page.locator('.layer.is-on[data-slide^="disk-"]').first().waitFor({ timeout: 10_000 });

  // Torn writes, wrong shapes, a snapshot whose rev would block every real one, a huge
  // string, and two good plays among bad entries in the outbox.
  const start = await screen.page.evaluate(() => Date.now());
  const kept = [1, 2].map((n) => ({
    id: `${(start - n * 60_000).toString(36)}-kept${n}`,
    slide: 'disk-board',
    playlist: null,
    start: new Date(start - n * 60_000).toISOString(),
    duration: 5,
  }));
  await screen.page.evaluate((good) => {
    const garbage: Record<string, string> = {
      'content.notices': '{"v":1,"rev":',
      'content.events': 'x'.repeat(2_000_000),
      'content.contacts': 'null',
      'content.playlists': JSON.stringify({ v: 1, rev: 1e9, at: '', data: { playlists: 'x' } }),
      'content.board': '[]',
      'content.alert': JSON.stringify({ v: 1, rev: 1, at: 'y', data: { level: 'boom' } }),
      config: '"\u0000\uffff"',
      pairing: JSON.stringify({ deviceId: '../../', code: 12 }),
      outbox: JSON.stringify([good[0], 42, null, { id: 5 }, good[1], { ...good[0], duration: -1 }]),
    };
    for (const [key, value] of Object.entries(garbage)) {
      localStorage.setItem(`lobby.signage.v1.${key}`, value);
    }
  }, kept);
  await screen.page.reload();
  await screen.page.getByText('滨江中心大厦').waitFor();
  await playing();
  await screen.stepClock(() => kept.every((p) => recorded().has(p.id)), 30_000);
  sameSet(recorded(), screen.logged);

  // A full disk: nothing the screen saves sticks, yet it shows its content and reports.
  await screen.page.evaluate(() => {
    for (let i = 0; ; i++) {
      try {
        localStorage.setItem(`junk.${i}`, 'x'.repeat(1_000_000));
      } catch {
        return;
      }
    }
  });
  await screen.page.reload();
  await playing();
  const plays = recorded().size;
  await screen.stepClock(() => recorded().size >= plays + 2, 30_000);
  await screen.page.evaluate(() => {
    for (const key of Object.keys(localStorage))
      if (key.startsWith('junk.')) localStorage.removeItem(key);
  });

  // Credentials it cannot read, or whose token the broker refuses (three times running):
  // it forgets them and asks to be paired again.
  for (const credentials of [
    '{"deviceId":42}',
    'x'.repeat(1_000_000),
    JSON.stringify({ deviceId, token: 'x'.repeat(32), building: 'demo' }),
  ]) {
    await screen.page.evaluate(
      (c) => localStorage.setItem('lobby.signage.v1.credentials', c),
      credentials,
    );
    await screen.page.reload();
    const code = screen.page.getByTestId('pairing-code');
    await screen.stepClock(() => code.isVisible(), 30_000);
  }
  assert.deepEqual(screen.errors, []);
});
