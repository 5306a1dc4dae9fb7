// Memory of idle screens: 5,000 paired devices connect to the embedded broker (will,
// retained 'online', subscriptions to their building's content and their own topics, all
// retained state received) and sit idle. The hub runs in its own process and the screens
// in others, so the hub's resident memory is measured alone: after a forced GC, before
// and after they connect. Over TCP, then the same screens again over WebSocket.
// Target: < 50 KB per connection.
//   node --import tsx test/bench/mqtt-memory.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnHub, type HubProcess } from '../helpers/hub-process.ts';
import { Fleet, login, pairMany, rssBytes } from './mqtt-kit.ts';

const SCREENS = Number(process.env.SCREENS ?? 5000);
// How long the hub gets to settle after a forced GC before its RSS is read.
const SETTLE_MS = 1500;

// A preload for the hub: SIGUSR2 runs a full GC, so "before" and "after" compare live memory.
function gcPreload(dir: string): string {
  const file = join(dir, 'gc-on-signal.mjs');
  writeFileSync(
    file,
    `import v8 from 'node:v8';
import vm from 'node:vm';
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
process.on('SIGUSR2', () => { gc(); gc(); });
`,
  );
  return `--import ${pathToFileURL(file).href}`;
}

async function settledRss(hub: HubProcess): Promise<number> {
  const pid = hub.child.pid ?? 0;
  process.kill(pid, 'SIGUSR2');
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  return rssBytes(pid);
}

const root = mkdtempSync(join(tmpdir(), 'lobby-bench-mem-'));
let hub: HubProcess | null = null;
const rows: string[] = [];
try {
  hub = await spawnHub(join(root, 'data'), { NODE_OPTIONS: gcPreload(root) });
  const token = await login(hub.url);
  const devices = await pairMany(hub.url, token, SCREENS);
  for (const [label, url] of [
    ['TCP', `mqtt://127.0.0.1:${hub.mqttPort}`],
    ['WebSocket', `ws://127.0.0.1:${hub.port}/mqtt`],
  ] as const) {
    const before = await settledRss(hub);
    const fleet = Fleet.start(2);
    try {
      const connectMs = await fleet.connect(devices, url);
      const after = await settledRss(hub);
      const perConnection = (after - before) / SCREENS / 1024;
      rows.push(
        `${label.padEnd(10)} hub RSS ${(before / 2 ** 20).toFixed(0)} MB → ${(after / 2 ** 20).toFixed(0)} MB: ` +
          `${perConnection.toFixed(1)} KB per connection (all connected with their retained state in ${(connectMs / 1000).toFixed(1)} s)`,
      );
    } finally {
      await fleet.close();
    }
  }
} finally {
  await hub?.stop();
  rmSync(root, { recursive: true, force: true });
}
console.log(`${SCREENS} idle screens on the embedded broker`);
for (const r of rows) console.log(r);
