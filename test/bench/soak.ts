// Soak: 1,000 paired signage screens on the embedded broker (over WebSocket, as browser
// screens connect), each behaving as the signage app does with its clock sped up
// (test/bench/soak-screen.ts), while phones write to the public API at a fixed rate and staff
// put up a notice every few seconds, so snapshots go out to every screen all along
// (test/bench/soak-visitors.ts). Every 10 s it reads the hub's /metrics and prints a row:
// resident memory, JS heap, event-loop delay, the hub's CPU, client-side write latency, errors.
// After the warm-up it also reads the hub's live heap (after a forced full GC) once a minute.
// At the end: the first third of the samples after the warm-up against the last third.
// Exits 1 on any error (a failed or 5xx request, a dropped report, a refused or dropped
// screen) or if memory or the event-loop delay grew. The hub runs in its own process, the
// screens in two others, the visitors in this one.
//   node test/bench/soak.ts        (SOAK_MINUTES, default 10)
// SOAK_RATE, SOAK_SPEED, SOAK_STATE_DEBOUNCE_MS and SCREENS change the load (see below);
// SOAK_HUB_NODE_OPTIONS adds node options for the hub (say, an --import that profiles it).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { spawnHub, type HubProcess } from '../helpers/hub-process.ts';
import {
  Fleet,
  gcPreload,
  liveMemory,
  login,
  now,
  pairMany,
  percentile,
  type Placement,
} from './mqtt-kit.ts';
import { Visitors } from './soak-visitors.ts';
import { readMetrics, type HubMetrics } from './soak-metrics.ts';
import { summarise, type Sample } from './soak-summary.ts';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const SCREENS = Number(process.env.SCREENS ?? 1000);
// Visitor requests a second (writes and reads), and how much faster than real time screens run.
const RATE = Number(process.env.SOAK_RATE ?? 20);
const SPEED = Number(process.env.SOAK_SPEED ?? 4);
// The signage app reports its state 300 ms after a change; set to see the hub with another value.
const STATE_DEBOUNCE_MS = Number(process.env.SOAK_STATE_DEBOUNCE_MS ?? 300);
const SAMPLE_MS = 10_000;
// After the warm-up, the hub's live heap (after a forced full GC) is read this often.
const LIVE_EVERY_MS = 60_000;
const NOTICE_EVERY_MS = 4_000;
// One screen of the fleet loses its network this often (and comes back with the app's backoff).
const BLIP_EVERY_MS = 2_000;
// The signage app's MQTT keepalive, in seconds.
const KEEPALIVE = 20;
const EVENTS = 4;
// Fewer seats than registrations held at a time, so cancellations promote from waiting lists.
const SEATS = 10;
const DAY = 86_400_000;

// The demo tower: banks A to D in the ground-floor lobby, bank A on floors 2 to 24.
const BANKS: Placement[] = [
  ...['A', 'B', 'C', 'D'].map((bank) => ({ floor: 1, bank })),
  ...Array.from({ length: 23 }, (_, i) => ({ floor: i + 2, bank: 'A' })),
];
const placeOf = (i: number): Placement => BANKS[i % BANKS.length] ?? { floor: 1, bank: 'A' };

async function staff<T extends z.ZodType>(
  hub: HubProcess,
  token: string,
  method: string,
  path: string,
  answer: T,
  body?: unknown,
): Promise<z.infer<T>> {
  const res = await fetch(`${hub.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return answer.parse(await res.json());
}

async function prepare(hub: HubProcess, token: string) {
  const places = await staff(
    hub,
    token,
    'GET',
    '/api/staff/buildings/demo/places',
    z.array(z.object({ id: z.number() })),
  );
  const start = Date.now() + 7 * DAY;
  const events: number[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const created = await staff(
      hub,
      token,
      'POST',
      '/api/staff/events',
      z.object({ id: z.number() }),
      {
        building: 'demo',
        title: `Soak lecture ${i + 1}`,
        kind: 'lecture',
        place: 'Hall 2F',
        start: new Date(start + i * 3_600_000).toISOString(),
        end: new Date(start + (i + 1) * 3_600_000).toISOString(),
        capacity: SEATS,
      },
    );
    events.push(created.id);
  }
  return { places: places.map((p) => p.id), events };
}

// CPU seconds a process has used, from /proc (Linux, 100 ticks a second).
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// Microseconds during which some runnable task on the machine waited for a CPU (Linux PSI):
// shows the intervals when this machine had more work than cores, ours or anyone's.
function cpuWaitMicros(): number {
  try {
    const some = readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0] ?? '';
    return Number(/total=(\d+)/.exec(some)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const pad = (s: string | number, n: number) => String(s).padStart(n);

function row(s: Sample): string {
  return [
    pad(`${Math.round(s.t)}s`, 6),
    pad(mb(s.rss), 7),
    pad(mb(s.heap), 7),
    pad((s.lagP99 * 1000).toFixed(1), 8),
    pad((s.lagMax * 1000).toFixed(1), 8),
    pad(`${Math.round(s.cpu * 100)}%`, 5),
    pad(`${Math.round(s.gc * 100)}%`, 4),
    pad(`${Math.round(s.fleetCpu * 100)}%`, 6),
    pad(`${Math.round(s.cpuWait * 100)}%`, 5),
    pad(s.writesPerS.toFixed(1), 7),
    pad(s.writeP99.toFixed(1), 8),
    pad(s.errors, 6),
    pad(s.screens, 7),
    pad(Math.round(s.playedPerS), 7),
    pad(Math.round(s.statesPerS), 7),
    pad(s.publishedPerS.toFixed(1), 6),
    pad(Math.round(s.receivedPerS), 7),
  ].join(' ');
}
const HEADER =
  '  time  rss MB heap MB lag p99 lag max   cpu   gc fleet wait writes/s wp99 ms errors screens plays/s ' +
  'states/s pubs/s recv/s';

const root = mkdtempSync(join(tmpdir(), 'lobby-bench-soak-'));
const report = join(root, 'memory.json');
let hub: HubProcess | null = null;
let fleet: Fleet | null = null;
let visitors: Visitors | null = null;
let exitCode: number;
// Stops what this run started and removes its data, once, also when it is interrupted.
let cleaning: Promise<void> | null = null;
const cleanUp = () =>
  (cleaning ??= (async () => {
    await visitors?.stop();
    await fleet?.close();
    await hub?.stop();
    rmSync(root, { recursive: true, force: true });
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}
try {
  hub = await spawnHub(join(root, 'data'), {
    PUBLIC_RATE_LIMIT: '0',
    NODE_OPTIONS: [gcPreload(root), process.env.SOAK_HUB_NODE_OPTIONS ?? ''].join(' ').trim(),
    MEMORY_REPORT: report,
  });
  const pid = hub.child.pid ?? 0;
  const token = await login(hub.url);
  const setupStarted = now();
  const devices = await pairMany(hub.url, token, SCREENS, placeOf);
  const { places, events } = await prepare(hub, token);
  fleet = Fleet.start(2);
  const connectMs = await fleet.connect(devices, `ws://127.0.0.1:${hub.port}/mqtt`, {
    keepalive: KEEPALIVE,
    asApp: true,
  });
  await fleet.behave({ speed: SPEED, stateDebounceMs: STATE_DEBOUNCE_MS }, BLIP_EVERY_MS);
  console.log(
    `soak: ${SCREENS} screens paired on ${BANKS.length} banks and connected over WebSocket ` +
      `(${(connectMs / 1000).toFixed(1)} s; set-up ${((now() - setupStarted) / 1000).toFixed(0)} s); ` +
      `${MINUTES} min of ${RATE} visitor requests/s, a notice every ${NOTICE_EVERY_MS / 1000} s, ` +
      `screens at ${SPEED}x speed, one drops its network every ${BLIP_EVERY_MS / 1000} s`,
  );
  console.log(
    `(lag: event-loop delay in ms, sampled by prom-client every 10 ms, so 10 ms is idle; ` +
      `load average ${(loadavg()[0] ?? 0).toFixed(1)} at the start)`,
  );
  console.log(HEADER);

  visitors = new Visitors({ url: hub.url, token, events, places }, RATE, NOTICE_EVERY_MS);
  const durationMs = MINUTES * 60_000;
  const warmupMs = Math.min(120_000, durationMs / 5);
  let previous: HubMetrics = await readMetrics(hub.url);
  let previousFleet = await fleet.stats();
  let previousAt = now();
  const fleetCpu = () => fleet?.pids.reduce((n, p) => n + cpuSeconds(p), 0) ?? 0;
  let previousFleetCpu = fleetCpu();
  let previousWait = cpuWaitMicros();
  const started = now();
  visitors.start();
  const samples: Sample[] = [];
  const live: { t: number; heap: number }[] = [];
  const readLive = async () =>
    live.push({ t: (now() - started) / 1000, heap: (await liveMemory(pid, report)).heapUsed });
  while (now() - started < durationMs) {
    await new Promise((r) => setTimeout(r, SAMPLE_MS - ((now() - started) % SAMPLE_MS)));
    const metrics = await readMetrics(hub.url);
    const screens = await fleet.stats();
    const at = now();
    const seconds = (at - previousAt) / 1000;
    const fleetCpuNow = fleetCpu();
    const waitNow = cpuWaitMicros();
    const interval = visitors.take();
    const sample: Sample = {
      t: (at - started) / 1000,
      rss: metrics.rss,
      heap: metrics.heapUsed,
      lagP99: metrics.lagP99,
      lagMax: metrics.lagMax,
      cpu: (metrics.cpuSeconds - previous.cpuSeconds) / seconds,
      gc: (metrics.gcSeconds - previous.gcSeconds) / seconds,
      fleetCpu: (fleetCpuNow - previousFleetCpu) / seconds,
      cpuWait: (waitNow - previousWait) / 1e6 / seconds,
      writesPerS: interval.writes.length / seconds,
      writeP99: percentile(interval.writes, 99),
      errors: interval.errors + metrics.errors - previous.errors,
      screens: metrics.clients,
      playedPerS: (screens.stats.played - previousFleet.stats.played) / seconds,
      statesPerS: (screens.stats.states - previousFleet.stats.states) / seconds,
      publishedPerS: (metrics.published - previous.published) / seconds,
      receivedPerS: (screens.stats.received - previousFleet.stats.received) / seconds,
      warm: at - started > warmupMs,
    };
    samples.push(sample);
    console.log(row(sample));
    // Right after a sample, so the forced GC's pause is one long delay in the next interval:
    // its maximum, not its p99.
    const lastLive = live.at(-1)?.t ?? -Infinity;
    if (sample.warm && sample.t - lastLive >= LIVE_EVERY_MS / 1000 - 1) await readLive();
    previous = metrics;
    previousFleet = screens;
    previousAt = at;
    previousFleetCpu = fleetCpuNow;
    previousWait = waitNow;
  }
  await readLive();
  await visitors.stop();
  const final = await fleet.stats();
  const hubSide = await readMetrics(hub.url);
  exitCode = summarise({
    samples,
    visitors,
    fleet: final,
    hub: hubSide,
    live,
    screens: SCREENS,
    minutes: (now() - started) / 60_000,
    load: loadavg()[0] ?? 0,
  });
} finally {
  await cleanUp();
}
process.exit(exitCode);
