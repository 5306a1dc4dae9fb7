// Memory over a long run: a screen plays a playlist of every slide kind for the
// equivalent of 24 hours (the page clock fast-forwarded), and its JS heap after a forced
// GC is compared with the start. `--hours=N` changes the span.
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub } from '../helpers/hub.ts';
import { playOnly, SignageScreen, withoutUrgentNotices } from '../e2e/pages/signage.ts';

const HOURS = Number(process.argv.find((a) => a.startsWith('--hours='))?.slice(8) ?? 24);
// Short steps with a real round trip in between, so MQTT keepalive answers (real time) keep
// up with the fast clock and the connection stays up as it would in a day of real time.
const STEP_MS = 10_000;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

const hub = await startTestHub();
const browser = await launchBrowser();
try {
  const staff = await hub.login();
  await withoutUrgentNotices(hub, staff);
  await playOnly(hub, staff, 'demo', [
    { id: 'm-notices', kind: 'notices', duration: 3 },
    { id: 'm-contacts', kind: 'contacts', duration: 3 },
    { id: 'm-events', kind: 'events', duration: 3 },
    { id: 'm-feedback', kind: 'feedback', duration: 3 },
    { id: 'm-board', kind: 'board', duration: 3 },
  ]);
  const screen = await SignageScreen.open(browser, hub, { clock: new Date() });
  const deviceId = await screen.pair(staff, { floor: 18, bank: 'A' });
  await screen.waitForSlide('m-board');
  const cdp = await screen.context.newCDPSession(screen.page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const sockets = { opened: 0 };
  screen.page.on('websocket', () => sockets.opened++);
  const playsBefore = hub.ctx.store.plays.count(deviceId);

  const run = async (ms: number, each?: (elapsed: number) => Promise<void>) => {
    for (let t = STEP_MS; t <= ms; t += STEP_MS) {
      await screen.page.clock.runFor(STEP_MS);
      await each?.(t);
    }
  };
  // An hour of warm-up fills every cache that is meant to fill (QR paths, formatters).
  await run(3600_000);
  const start = await heap();
  const samples: string[] = [];
  const wall = Date.now();
  await run(HOURS * 3600_000, async (t) => {
    if (t % (4 * 3600_000) === 0) samples.push(mb(await heap()));
  });
  const end = await heap();
  const plays = hub.ctx.store.plays.count(deviceId) - playsBefore;
  const outbox = await screen.page.evaluate(
    () => (JSON.parse(localStorage.getItem('lobby.signage.v1.outbox') ?? '[]') as unknown[]).length,
  );
  console.log(
    `${HOURS} h of rotation in ${((Date.now() - wall) / 1000).toFixed(0)} s: heap ${mb(start)} → ${mb(end)} ` +
      `(${(((end - start) / start) * 100).toFixed(1)} %); every 4 h: ${samples.join(', ')}`,
  );
  console.log(
    `plays recorded by the hub: ${plays}, waiting in the outbox: ${outbox}, websockets opened: ${sockets.opened}`,
  );
  await screen.close();
} finally {
  await browser.close();
  await hub.stop();
}
