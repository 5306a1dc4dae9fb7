// What the elevator screen downloads: the gzipped JavaScript of its build (mqtt.js
// included; budget 150 KB), and what a reload fetches once the service worker has the
// app (target: nothing). `--build` rebuilds signage/dist first; otherwise the last
// `npm run build` is measured.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub } from '../helpers/hub.ts';
import { SignageScreen } from '../e2e/pages/signage.ts';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'signage/dist');
const BUDGET = 150 * 1024;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv.includes('--build') || !existsSync(join(DIST, 'index.html'))) {
  await build({ configFile: join(ROOT, 'signage/vite.config.ts'), logLevel: 'warn' });
}

const scripts = [
  ...readdirSync(join(DIST, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`),
  'sw.js',
];
let raw = 0;
let gz9 = 0;
let gz6 = 0;
for (const f of scripts) {
  const bytes = readFileSync(join(DIST, f));
  const g9 = gzipSync(bytes, { level: 9 }).length;
  const g6 = gzipSync(bytes, { level: 6 }).length;
  raw += bytes.length;
  gz9 += g9;
  gz6 += g6;
  console.log(`${f.padEnd(32)} ${kb(bytes.length).padStart(10)}  gzip -9 ${kb(g9).padStart(9)}`);
}
console.log(
  `signage JS total: ${kb(raw)} raw, ${kb(gz9)} gzip -9, ${kb(gz6)} gzip -6; budget ${kb(BUDGET)}: ${gz9 <= BUDGET ? 'within' : 'OVER'}`,
);

// A paired screen, loaded twice: the second load should come from the service worker alone.
const hub = await startTestHub();
const browser = await launchBrowser();
try {
  const staff = await hub.login();
  const screen = await SignageScreen.open(browser, hub);
  await screen.pair(staff, { floor: 18, bank: 'A' });
  await screen.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await screen.current().waitFor();

  const fromNetwork: string[] = [];
  const byWorker: string[] = [];
  let fromWorker = 0;
  screen.page.on('response', (r) => {
    if (r.fromServiceWorker()) fromWorker++;
    else fromNetwork.push(`${r.status()} ${r.url()}`);
  });
  // Requests the service worker itself sends to the network (a cache miss).
  screen.context.on('request', (r) => {
    if (r.serviceWorker()) byWorker.push(r.url());
  });
  const sockets: string[] = [];
  screen.page.on('websocket', (ws) => sockets.push(ws.url()));
  await screen.page.reload();
  await screen.current().waitFor();
  await screen.page.getByTestId('building-name').waitFor();
  console.log(
    `reload: ${fromWorker} responses from the service worker, ${fromNetwork.length} from the network` +
      `${fromNetwork.length ? ` (${fromNetwork.join(', ')})` : ''}, ` +
      `${byWorker.length} fetched by the worker${byWorker.length ? ` (${byWorker.join(', ')})` : ''}; ` +
      `websockets: ${sockets.join(', ') || 'none'}`,
  );
  await screen.close();
} finally {
  await browser.close();
  await hub.stop();
}
