// Shared by the MQTT benchmarks (test/bench/mqtt-*.ts): pairing many devices through
// the API, the fleet of screens in its own process, percentiles. Not a benchmark itself.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ADMIN_PASSWORD } from '../helpers/hub.ts';
import type { FleetCommand, FleetDevice, FleetReport } from './mqtt-fleet.ts';
import type { Behaviour, ScreenStats } from './soak-screen.ts';

export const now = () => performance.timeOrigin + performance.now();

export async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const body = (await res.json()) as { token: string };
  return body.token;
}

async function call<T>(url: string, method: string, body?: unknown, token?: string) {
  const res = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface Placement {
  floor: number;
  bank?: string;
  // Default 'demo'.
  building?: string;
}

// Pairs n screens through the stable API (ask, claim, collect), a few at a time; the i-th
// is placed where `placeOf(i)` says (by default all beside bank A on the ground floor).
export async function pairMany(
  url: string,
  token: string,
  n: number,
  placeOf: (i: number) => Placement = () => ({ floor: 1, bank: 'A' }),
): Promise<FleetDevice[]> {
  const out: FleetDevice[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < n) {
        const placement = placeOf(next);
        next += 1;
        const asked = await call<{ deviceId: string; code: string }>(
          `${url}/api/devices/pairing`,
          'POST',
          { kind: 'signage' },
        );
        await call(
          `${url}/api/staff/devices`,
          'POST',
          { code: asked.code, building: 'demo', kind: 'signage', ...placement },
          token,
        );
        const done = await call<{ token: string; building: string }>(
          `${url}/api/devices/pairing/${asked.deviceId}`,
          'GET',
        );
        out.push({ deviceId: asked.deviceId, token: done.token, building: done.building });
      }
    }),
  );
  return out;
}

export async function postNotice(
  url: string,
  token: string,
  title: string,
  body = '',
  building = 'demo',
) {
  return call<{ id: number }>(
    `${url}/api/staff/notices`,
    'POST',
    { building, title, body, category: 'affairs', priority: 'normal' },
    token,
  );
}

// One child process of screens.
class FleetProcess {
  private readonly reports: FleetReport[] = [];
  private readonly waiters: (() => void)[] = [];

  readonly child: ChildProcess;

  constructor(child: ChildProcess) {
    this.child = child;
    child.on('message', (r: FleetReport) => {
      this.reports.push(r);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  async next<K extends FleetReport['type']>(type: K): Promise<Extract<FleetReport, { type: K }>> {
    for (;;) {
      const i = this.reports.findIndex((r) => r.type === type || r.type === 'failed');
      if (i >= 0) {
        const [r] = this.reports.splice(i, 1);
        if (r?.type === 'failed') throw new Error(`fleet: ${r.message}`);
        return r as Extract<FleetReport, { type: K }>;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  send(cmd: FleetCommand) {
    this.child.send(cmd);
  }
}

// The screens, in child processes of their own (so the hub's process is measured
// alone), split evenly between them.
export class Fleet {
  private readonly parts: FleetProcess[];

  private constructor(parts: FleetProcess[]) {
    this.parts = parts;
  }

  static start(processes = 1): Fleet {
    return new Fleet(
      Array.from(
        { length: processes },
        () =>
          new FleetProcess(
            fork(join(import.meta.dirname, 'mqtt-fleet.ts'), [], {
              stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
            }),
          ),
      ),
    );
  }

  get pids(): number[] {
    return this.parts.map((p) => p.child.pid ?? 0);
  }

  // Connects every device; resolves with the ms until all have their retained state.
  // `keepalive` in seconds (the signage app uses 20; the default 120 keeps idle fleets quiet);
  // `asApp`: the signage app's exact subscriptions instead of two wildcards.
  async connect(
    devices: FleetDevice[],
    url: string,
    options: { keepalive?: number; asApp?: boolean } = {},
  ): Promise<number> {
    const started = now();
    await Promise.all(
      this.parts.map((p, i) => {
        p.send({
          type: 'connect',
          devices: devices.filter((_, j) => j % this.parts.length === i),
          url,
          ...options,
        });
        return p.next('ready');
      }),
    );
    return now() - started;
  }

  // Arms the screens for `marker`; then `arrivals` resolves with the time each screen got
  // the first notices snapshot that contains it.
  async watch(marker: string): Promise<{ arrivals: Promise<number[]> }> {
    await Promise.all(
      this.parts.map((p) => {
        p.send({ type: 'watch', marker });
        return p.next('watching');
      }),
    );
    const all = this.parts.map((p) => p.next('arrived').then((r) => r.times));
    return { arrivals: Promise.all(all).then((lists) => lists.flat()) };
  }

  // Every screen reconnects at once; ms from then until each has all its retained state.
  async reconnect(): Promise<number[]> {
    const started = now();
    for (const p of this.parts) p.send({ type: 'reconnect' });
    const lists = await Promise.all(this.parts.map((p) => p.next('restored')));
    return lists.flatMap((r) => r.times.map((t) => t + r.start - started));
  }

  // Every screen starts to behave as the signage app does; `blipEveryMs` is split between
  // the processes, so that one screen of the whole fleet drops its network that often.
  async behave(behaviour: Behaviour, blipEveryMs: number): Promise<void> {
    await Promise.all(
      this.parts.map((p) => {
        p.send({ type: 'behave', behaviour, blipEveryMs: blipEveryMs * this.parts.length });
        return p.next('behaving');
      }),
    );
  }

  // What the screens did so far, summed over the processes.
  async stats(): Promise<{ stats: ScreenStats; connected: number }> {
    const all = await Promise.all(
      this.parts.map((p) => {
        p.send({ type: 'stats' });
        return p.next('stats');
      }),
    );
    const sum = (pick: (s: ScreenStats) => number) => all.reduce((n, r) => n + pick(r.stats), 0);
    return {
      stats: {
        received: sum((s) => s.received),
        played: sum((s) => s.played),
        unsent: sum((s) => s.unsent),
        states: sum((s) => s.states),
        blips: sum((s) => s.blips),
        reconnects: sum((s) => s.reconnects),
        drops: sum((s) => s.drops),
      },
      connected: all.reduce((n, r) => n + r.connected, 0),
    };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.parts.map(async (p) => {
        if (p.child.exitCode !== null) return;
        p.send({ type: 'close' });
        await once(p.child, 'exit');
      }),
    );
  }
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
  );
};

export const ms = (n: number) => `${n.toFixed(1)} ms`;

// Resident memory of a process, from /proc (Linux).
export function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) * 1024;
}

// A preload for a hub process: on SIGUSR2 it runs a full GC and writes process.memoryUsage()
// to the file named by MEMORY_REPORT, so figures taken at different times compare live
// memory. Returns the NODE_OPTIONS value that loads it.
export function gcPreload(dir: string): string {
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

const memoryUsage = z.object({
  rss: z.number(),
  heapTotal: z.number(),
  heapUsed: z.number(),
  external: z.number(),
  arrayBuffers: z.number(),
});

// Asks a hub started with gcPreload for its memory after a full GC.
export async function liveMemory(
  pid: number,
  report: string,
): Promise<z.infer<typeof memoryUsage>> {
  rmSync(report, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 30_000; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
    try {
      return memoryUsage.parse(JSON.parse(readFileSync(report, 'utf8')));
    } catch {
      // Not written yet, or half written.
    }
  }
  throw new Error('the hub did not report its memory');
}
