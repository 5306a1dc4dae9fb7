// Reconnect storm: 1,000 screens are connected over WebSocket when the hub restarts
// (SIGTERM, then a new process on the same ports and data). Once it answers again, every
// screen reconnects at the same moment; measured: the time until each one has all its
// retained state again (five content snapshots and its config). Target: all in < 5 s.
//   node test/bench/mqtt-reconnect.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnHub, type HubProcess } from '../helpers/hub-process.ts';
import { Fleet, login, ms, now, pairMany, percentile } from './mqtt-kit.ts';

const SCREENS = Number(process.env.SCREENS ?? 1000);

const root = mkdtempSync(join(tmpdir(), 'lobby-bench-storm-'));
const dataDir = join(root, 'data');
let hub: HubProcess | null = null;
const fleet = Fleet.start(2);
try {
  const ports = { PORT: String(await freePort()), MQTT_PORT: String(await freePort()) };
  hub = await spawnHub(dataDir, ports);
  const devices = await pairMany(hub.url, await login(hub.url), SCREENS);
  const connectMs = await fleet.connect(devices, `ws://127.0.0.1:${ports.PORT}/mqtt`);

  await hub.stop();
  const restarting = now();
  hub = await spawnHub(dataDir, ports);
  const startMs = now() - restarting;
  const times = await fleet.reconnect();

  console.log(`reconnect storm: ${SCREENS} screens over WebSocket`);
  console.log(`  first connect, one after another in batches: all ready in ${ms(connectMs)}`);
  console.log(`  hub restart (new process until /healthz answers): ${ms(startMs)}`);
  console.log(
    `  all at once after the restart: every screen has all its retained state in ${ms(percentile(times, 100))} ` +
      `(p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))})`,
  );
} finally {
  await fleet.close();
  await hub?.stop();
  rmSync(root, { recursive: true, force: true });
}
