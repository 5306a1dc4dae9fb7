// Memory of idle screens: 5,000 paired devices connect to the embedded broker (will,
// retained 'online', subscriptions to their building's content and their own topics, all
// retained state received) and sit idle. The hub runs in its own process and the screens
// in others, so the hub's memory is measured alone: resident and live JS heap, after a
// forced GC, before and after they connect. Over TCP, then (a fresh hub process) the same
// screens over WebSocket.
// Target: < 50 KB per connection.
//   node test/bench/mqtt-memory.ts
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnHub, type HubProcess } from '../helpers/hub-process.ts';
import { Fleet, login, pairMany, rssBytes } from './mqtt-kit.ts';

const SCREENS = Number(process.env.SCREENS ?? 5000);
// How long the hub gets to settle after a forced GC before its RSS is read.
const SETTLE_MS = 1500;

// A preload for the hub: on SIGUSR2 it runs a full GC and writes its memory figures to
// MEMORY_REPORT, so "before" and "after" compare live memory.
function gcPreload(dir: string): string {
  const file = join(dir, 'gc-on-signal.mjs');
  writeFileSync(
    file,
    `import { writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
process.on('SIGUSR2', () => {
  gc();
  gc();
  writeFileSync(process.env.MEMORY_REPORT, JSON.stringify(process.memoryUsage()));
});
`,
  );
  return `--import ${pathToFileURL(file).href}`;
}

interface Memory {
  rss: number;
  live: number;
}

async function settled(hub: HubProcess, report: string): Promise<Memory> {
  const pid = hub.child.pid ?? 0;
  process.kill(pid, 'SIGUSR2');
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const usage = JSON.parse(readFileSync(report, 'utf8')) as { heapUsed: number; external: number };
  return { rss: rssBytes(pid), live: usage.heapUsed + usage.external };
}

const root = mkdtempSync(join(tmpdir(), 'lobby-bench-mem-'));
const dataDir = join(root, 'data');
const report = join(root, 'memory.json');
const rows: string[] = [];
const kb = (bytes: number) => `${(bytes / SCREENS / 1024).toFixed(1)} KB`;
try {
  const pairing = await spawnHub(dataDir);
  const devices = await pairMany(pairing.url, await login(pairing.url), SCREENS);
  await pairing.stop();
  for (const label of ['TCP', 'WebSocket'] as const) {
    // A fresh hub process for each, so pairing's garbage is not what is measured.
    const hub = await spawnHub(dataDir, {
      NODE_OPTIONS: gcPreload(root),
      MEMORY_REPORT: report,
    });
    const fleet = Fleet.start(2);
    try {
      const url =
        label === 'TCP' ? `mqtt://127.0.0.1:${hub.mqttPort}` : `ws://127.0.0.1:${hub.port}/mqtt`;
      const before = await settled(hub, report);
      const connectMs = await fleet.connect(devices, url);
      const after = await settled(hub, report);
      rows.push(
        `${label.padEnd(10)} resident ${kb(after.rss - before.rss)} per connection ` +
          `(hub RSS ${(before.rss / 2 ** 20).toFixed(0)} → ${(after.rss / 2 ** 20).toFixed(0)} MB), ` +
          `live JS heap ${kb(after.live - before.live)} per connection; ` +
          `all connected with their retained state in ${(connectMs / 1000).toFixed(1)} s`,
      );
    } finally {
      await fleet.close();
      await hub.stop();
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
console.log(`${SCREENS} idle screens on the embedded broker`);
for (const r of rows) console.log(r);
