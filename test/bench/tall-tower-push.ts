// The tallest tower's snapshots pushed to 1,000 screens: a 127-floor building with a
// captain per floor, the five liaisons, 60 live notices, two months of events (built
// through the API, test/helpers/tall-tower.ts). Prints each topic's size against its budget,
// the bytes one change puts on the wire to every screen, and the push latency of a new
// notice (POST returned → the notices snapshot at each screen, which subscribe as the
// signage app does, over the hub's WebSocket). Target: p99 < 100 ms.
//   node test/bench/tall-tower-push.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TopicFill } from '#shared/schemas/snapshots';
import { spawnHub } from '../helpers/hub-process.ts';
import { apiClient } from '../helpers/hub.ts';
import { buildTallTower, noticeBody, TALL } from '../helpers/tall-tower.ts';
import { Fleet, login, ms, now, pairMany, percentile, postNotice } from './mqtt-kit.ts';

const SCREENS = Number(process.env.SCREENS ?? 1000);
const ROUNDS = 20;
const WARMUP = 3;
// Longer than the publisher's 50 ms window, so every notice is published at once.
const GAP_MS = 200;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

const root = mkdtempSync(join(tmpdir(), 'lobby-bench-tall-'));
const hub = await spawnHub(root, { DEMO: '0' });
const fleet = Fleet.start(2);
try {
  const token = await login(hub.url);
  const client = apiClient(hub.url);
  const b = await buildTallTower(client, token);
  const devices = await pairMany(hub.url, token, SCREENS, (i) => ({
    building: b,
    floor: (i % TALL.floors) + 1,
  }));
  const connectMs = await fleet.connect(devices, `ws://127.0.0.1:${hub.port}/mqtt`, {
    asApp: true,
  });

  // Each round adds a notice of ordinary length and ends the previous round's, so the
  // building keeps 60 live notices as the snapshot goes out.
  const latencies: number[] = [];
  let previous: number | null = null;
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const marker = `tall push #${round}`;
    const { arrivals } = await fleet.watch(marker);
    const { id } = await postNotice(hub.url, token, marker, noticeBody(round, 300), b);
    const returned = now();
    const times = await arrivals;
    if (round >= WARMUP) latencies.push(...times.map((t) => t - returned));
    if (previous !== null)
      await client.api('DELETE', `/api/staff/notices/${previous}`, undefined, token);
    previous = id;
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  const fill = await client.api<TopicFill[]>(
    'GET',
    `/api/staff/buildings/${b}/snapshots`,
    undefined,
    token,
  );

  console.log(
    `tall tower: ${TALL.floors} floors, ${TALL.floors + 5} contacts, ${TALL.notices} notices, ` +
      `${TALL.eventDays * TALL.eventsPerDay} events; ${SCREENS} screens over WebSocket ` +
      `(connected with all retained state in ${ms(connectMs)})`,
  );
  console.log('topic         snapshot   budget     used   one change, to every screen');
  for (const t of fill.body) {
    // Kiosks alone take event descriptions; every other topic goes to every screen.
    const wire = t.topic === 'event-texts' ? 'kiosks only' : mb(t.bytes * SCREENS);
    console.log(
      `${t.topic.padEnd(13)} ${kb(t.bytes).padEnd(10)} ${kb(t.budget).padEnd(10)} ` +
        `${`${Math.round((t.bytes / t.budget) * 100)}%`.padEnd(6)} ${wire}`,
    );
  }
  console.log(
    `new notice → ${SCREENS} screens, ${ROUNDS} notices: p50 ${ms(percentile(latencies, 50))}, ` +
      `p99 ${ms(percentile(latencies, 99))}, max ${ms(percentile(latencies, 100))}`,
  );
} finally {
  await fleet.close();
  await hub.stop();
  rmSync(root, { recursive: true, force: true });
}
