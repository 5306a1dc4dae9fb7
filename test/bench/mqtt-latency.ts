// Push latency: from POST /api/staff/notices returning to the notices snapshot arriving
// at each of 1,000 paired screens, p50/p99/max over 20 notices. Side by side: the
// embedded broker over WebSocket (how browser screens connect) and over TCP, and an
// external Mosquitto 2.0 with the config the hub exported, over TCP (Debian's 2.0.11
// ignores a WebSocket listener's bind address; this benchmark stays on loopback).
// The hub runs in its own process, the screens in two others. Target: p99 < 100 ms.
//   node test/bench/mqtt-latency.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnHub, type HubProcess } from '../helpers/hub-process.ts';
import { startMosquitto, type MosquittoProcess } from '../helpers/mqtt.ts';
import { Fleet, login, ms, now, pairMany, percentile, postNotice } from './mqtt-kit.ts';
import type { FleetDevice } from './mqtt-fleet.ts';

const SCREENS = Number(process.env.SCREENS ?? 1000);
const ROUNDS = 20;
const WARMUP = 3;
// Longer than the publisher's 50 ms window, so every notice is published at once.
const GAP_MS = 120;

interface Row {
  label: string;
  connectMs: number;
  latencies: number[];
}

async function measure(
  label: string,
  hub: HubProcess,
  token: string,
  url: string,
  devices: FleetDevice[],
): Promise<Row> {
  const fleet = Fleet.start(2);
  try {
    const connectMs = await fleet.connect(devices, url);
    const latencies: number[] = [];
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      const marker = `latency ${label} #${round}`;
      const { arrivals } = await fleet.watch(marker);
      await postNotice(hub.url, token, marker);
      const returned = now();
      const times = await arrivals;
      if (round >= WARMUP) latencies.push(...times.map((t) => t - returned));
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    return { label, connectMs, latencies };
  } finally {
    await fleet.close();
  }
}

const root = mkdtempSync(join(tmpdir(), 'lobby-bench-mqtt-'));
const hubs: HubProcess[] = [];
let mosquitto: MosquittoProcess | null = null;
const rows: Row[] = [];
try {
  const embedded = await spawnHub(join(root, 'embedded'));
  hubs.push(embedded);
  const token = await login(embedded.url);
  const devices = await pairMany(embedded.url, token, SCREENS);
  rows.push(
    await measure(
      'embedded, WebSocket',
      embedded,
      token,
      `ws://127.0.0.1:${embedded.port}/mqtt`,
      devices,
    ),
  );
  rows.push(
    await measure(
      'embedded, TCP',
      embedded,
      token,
      `mqtt://127.0.0.1:${embedded.mqttPort}`,
      devices,
    ),
  );
  await embedded.stop();

  const port = await freePort();
  const dir = join(root, 'external');
  const external = await spawnHub(dir, { MQTT_URL: `mqtt://127.0.0.1:${port}` });
  hubs.push(external);
  mosquitto = await startMosquitto(join(dir, 'mosquitto', 'mosquitto.conf'));
  const token2 = await login(external.url);
  const devices2 = await pairMany(external.url, token2, SCREENS);
  await mosquitto.reload();
  rows.push(
    await measure('Mosquitto 2.0, TCP', external, token2, `mqtt://127.0.0.1:${port}`, devices2),
  );
} finally {
  for (const hub of hubs) await hub.stop();
  await mosquitto?.stop();
  rmSync(root, { recursive: true, force: true });
}

console.log(
  `push latency to ${SCREENS} screens, ${ROUNDS} notices each (POST returned → snapshot arrived)`,
);
console.log('broker                 connect all    p50        p99        max');
for (const r of rows) {
  console.log(
    `${r.label.padEnd(22)} ${ms(r.connectMs).padEnd(14)} ${ms(percentile(r.latencies, 50)).padEnd(10)} ` +
      `${ms(percentile(r.latencies, 99)).padEnd(10)} ${ms(percentile(r.latencies, 100))}`,
  );
}
