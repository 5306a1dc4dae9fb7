// One frozen screen: 50 healthy screens and one whose process is stopped (SIGSTOP, so it
// stops reading its socket, as a hung browser does) all get a ~300 KB notices snapshot
// every 250 ms. Printed: how fast the healthy screens get each snapshot before and
// while the frozen one is stuck, and when the hub cut the frozen one off (aedes'
// drainTimeout, 2 s here; its will then marks it offline). Target: the healthy screens
// are not delayed by more than a second.
//   node test/bench/mqtt-frozen.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnHub, type HubProcess } from '../helpers/hub-process.ts';
import { Fleet, login, ms, now, pairMany, percentile, postNotice } from './mqtt-kit.ts';

const HEALTHY = 50;
const ROUNDS_BEFORE = 10;
const ROUNDS_FROZEN = 60;
const GAP_MS = 250;
// Twenty notices of 5,000 CJK characters (15 KB each in UTF-8) make every snapshot ~300 KB,
// so a screen that stops reading fills its socket buffers within a few rounds.
const BIG_NOTICES = 20;
const BIG_BODY = '楼'.repeat(5000);

async function patchTitle(url: string, token: string, id: number, title: string) {
  const res = await fetch(`${url}/api/staff/notices/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title }),
  });
  if (!res.ok) throw new Error(`PATCH notice: ${res.status}`);
}

async function online(url: string, token: string, deviceId: string): Promise<boolean> {
  const res = await fetch(`${url}/api/staff/devices/${deviceId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { online: boolean }).online;
}

const root = mkdtempSync(join(tmpdir(), 'lobby-bench-frozen-'));
let hub: HubProcess | null = null;
const healthy = Fleet.start();
const frozen = Fleet.start();
try {
  hub = await spawnHub(join(root, 'data'));
  const url = `ws://127.0.0.1:${hub.port}/mqtt`;
  const token = await login(hub.url);
  const ids: number[] = [];
  for (let i = 0; i < BIG_NOTICES; i++) {
    ids.push((await postNotice(hub.url, token, `big notice ${i}`, BIG_BODY)).id);
  }
  const devices = await pairMany(hub.url, token, HEALTHY + 1);
  const stuck = devices[HEALTHY];
  if (!stuck) throw new Error('no device to freeze');
  await healthy.connect(devices.slice(0, HEALTHY), url);
  await frozen.connect([stuck], url);

  const round = async (n: number) => {
    const marker = `round ${n}`;
    const { arrivals } = await healthy.watch(marker);
    await patchTitle(hub!.url, token, ids[n % ids.length] as number, marker);
    const sent = now();
    const times = await arrivals;
    await new Promise((r) => setTimeout(r, GAP_MS));
    return times.map((t) => t - sent);
  };

  const before: number[] = [];
  for (let n = 0; n < ROUNDS_BEFORE; n++) before.push(...(await round(n)));

  process.kill(frozen.pids[0] ?? 0, 'SIGSTOP');
  const stoppedAt = now();
  let cutOffAfter: number | null = null;
  const during: number[] = [];
  let worstRound = 0;
  for (let n = ROUNDS_BEFORE; n < ROUNDS_BEFORE + ROUNDS_FROZEN; n++) {
    const latencies = await round(n);
    during.push(...latencies);
    worstRound = Math.max(worstRound, percentile(latencies, 100));
    if (cutOffAfter === null && !(await online(hub.url, token, stuck.deviceId))) {
      cutOffAfter = now() - stoppedAt;
    }
  }
  process.kill(frozen.pids[0] ?? 0, 'SIGCONT');

  console.log(
    `one frozen screen among ${HEALTHY} healthy ones (WebSocket, ~300 KB snapshots every ${GAP_MS} ms)`,
  );
  console.log(
    `  healthy screens, before: p50 ${ms(percentile(before, 50))}, p99 ${ms(percentile(before, 99))}, max ${ms(percentile(before, 100))}`,
  );
  console.log(
    `  healthy screens, while one is frozen: p50 ${ms(percentile(during, 50))}, p99 ${ms(percentile(during, 99))}, ` +
      `max ${ms(worstRound)}`,
  );
  console.log(
    cutOffAfter === null
      ? '  the frozen screen was still connected at the end'
      : `  the frozen screen was cut off and marked offline ${ms(cutOffAfter)} after it froze`,
  );
} finally {
  for (const pid of frozen.pids) if (pid) process.kill(pid, 'SIGCONT');
  await healthy.close();
  await frozen.close();
  await hub?.stop();
  rmSync(root, { recursive: true, force: true });
}
