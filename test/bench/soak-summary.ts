// The soak benchmark's verdict (test/bench/soak.ts): the first third of the samples after
// the warm-up against the last third. Not a benchmark itself.
import { percentile } from './mqtt-kit.ts';
import type { HubMetrics } from './soak-metrics.ts';
import type { ScreenStats } from './soak-screen.ts';
import type { Visitors } from './soak-visitors.ts';

export interface Sample {
  // Seconds since the load started.
  t: number;
  rss: number;
  heap: number;
  lagP99: number;
  lagMax: number;
  // The hub's CPU over the interval, 1 = one core, and the share of it in GC.
  cpu: number;
  gc: number;
  // The two fleet processes together, likewise.
  fleetCpu: number;
  // Share of the interval during which some task on the machine waited for a CPU.
  cpuWait: number;
  writesPerS: number;
  writeP99: number;
  errors: number;
  screens: number;
  playedPerS: number;
  statesPerS: number;
  publishedPerS: number;
  receivedPerS: number;
  // Past the warm-up, so part of the comparison.
  warm: boolean;
}

export interface SoakResult {
  samples: Sample[];
  visitors: Visitors;
  fleet: { stats: ScreenStats; connected: number };
  hub: HubMetrics;
  // The hub's JS heap after a forced full GC, every minute after the warm-up and at the end.
  live: { t: number; heap: number }[];
  screens: number;
  minutes: number;
  load: number;
}

const MB = 2 ** 20;
// Flat: the last third no more than a share or an absolute margin above the first. Tight for
// the live heap after a full GC, which is what the hub holds on to: a leak shows there first.
// Looser for the heap in use between GCs (V8's sawtooth moves its median by several MB as
// it resizes the old generation) and for RSS (V8's committed heap, SQLite's page cache and
// malloc's arenas grow in steps). The event-loop delay's p99 within half again or 10 ms.
const grewAtMost = (first: number, last: number, share: number, margin: number) =>
  last - first <= Math.max(first * share, margin);

const median = (values: number[]) => percentile(values, 50);

// Least-squares growth of the live heap, in bytes a minute.
function slope(points: { t: number; heap: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const mh = points.reduce((a, p) => a + p.heap, 0) / n;
  const num = points.reduce((a, p) => a + (p.t - mt) * (p.heap - mh), 0);
  const den = points.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60;
}
const f1 = (n: number) => n.toFixed(1);
const mb = (bytes: number) => `${f1(bytes / MB)} MB`;
const pct = (share: number) => `${Math.round(share * 100)}%`;
const msOf = (seconds: number) => `${f1(seconds * 1000)} ms`;

export function summarise(r: SoakResult): number {
  const warm = r.samples.filter((s) => s.warm);
  const third = Math.max(1, Math.floor(warm.length / 3));
  const first = warm.slice(0, third);
  const last = warm.slice(-third);
  const pick = (list: Sample[], f: (s: Sample) => number) => median(list.map(f));
  const rss = [pick(first, (s) => s.rss), pick(last, (s) => s.rss)] as const;
  const heap = [pick(first, (s) => s.heap), pick(last, (s) => s.heap)] as const;
  const lag = [pick(first, (s) => s.lagP99), pick(last, (s) => s.lagP99)] as const;
  const liveThird = Math.max(1, Math.floor(r.live.length / 3));
  const live = [
    median(r.live.slice(0, liveThird).map((l) => l.heap)),
    median(r.live.slice(-liveThird).map((l) => l.heap)),
  ] as const;
  const maxLagP99 = Math.max(...warm.map((s) => s.lagP99));
  const maxLag = Math.max(...warm.map((s) => s.lagMax));
  const checks = {
    'live heap': grewAtMost(live[0], live[1], 0.05, 3 * MB),
    heap: grewAtMost(heap[0], heap[1], 0.15, 10 * MB),
    rss: grewAtMost(rss[0], rss[1], 0.15, 32 * MB),
    'event-loop delay': grewAtMost(lag[0], lag[1], 0.5, 0.01),
  };
  const flat = Object.values(checks).every(Boolean);

  const v = r.visitors;
  const { stats, connected } = r.fleet;
  const writes = v.writeLatencies.length;
  const seconds = r.minutes * 60;
  const errors = v.errors + r.hub.errors + stats.drops;
  const done = [...v.done].map(([k, n]) => `${k} ${n}`).join(', ');
  const span = (list: Sample[]) =>
    `${Math.round(list[0]?.t ?? 0)}-${Math.round(list.at(-1)?.t ?? 0)} s`;

  console.log(
    `\nsoak summary: ${f1(r.minutes)} min, ${r.screens} screens, load average ${f1(r.load)}`,
  );
  console.log(
    `  requests: ${done}; ${writes} writes (staff's notices included), ${f1(writes / seconds)}/s, p50 ${f1(percentile(v.writeLatencies, 50))} ms, ` +
      `p99 ${f1(percentile(v.writeLatencies, 99))} ms; reads p99 ${f1(percentile(v.readLatencies, 99))} ms`,
  );
  console.log(
    `  screens: ${stats.played} plays (${f1(stats.played / seconds)}/s), ${stats.states} states ` +
      `(${f1(stats.states / seconds)}/s), ${stats.received} snapshots received ` +
      `(${f1(stats.received / seconds)}/s); ${stats.blips} network blips, ${stats.reconnects} reconnects, ` +
      `${stats.drops} unplanned drops; ${connected} connected at the end, ${stats.unsent} plays unsent`,
  );
  console.log(
    `  errors: ${errors} (visitors ${v.errors}, hub 5xx ${r.hub.serverErrors}, reports dropped ` +
      `${r.hub.dropped}, MQTT refusals ${r.hub.refused}, screens dropped ${stats.drops})`,
  );
  for (const [why, n] of v.failures) console.log(`    ${why}: ${n}`);
  for (const e of v.examples) console.log(`    e.g. ${e}`);
  console.log(
    `  first third (${span(first)}) → last third (${span(last)}), medians:\n` +
      `    RSS ${mb(rss[0])} → ${mb(rss[1])}; heap used ${mb(heap[0])} → ${mb(heap[1])}; ` +
      `event-loop delay p99 ${msOf(lag[0])} → ${msOf(lag[1])}`,
  );
  console.log(
    `  live heap after a full GC (${r.live.length} readings from ${Math.round(r.live[0]?.t ?? 0)} s): ` +
      `${r.live.map((l) => f1(l.heap / MB)).join(', ')} MB; first third → last third ` +
      `${mb(live[0])} → ${mb(live[1])}; trend ${f1(slope(r.live) / 1024)} KB/min`,
  );
  console.log(
    `  hub CPU median ${pct(pick(warm, (s) => s.cpu))} of a core (GC ${pct(pick(warm, (s) => s.gc))}), ` +
      `screens' processes ${pct(pick(warm, (s) => s.fleetCpu))}; snapshots published ` +
      `${f1(pick(warm, (s) => s.publishedPerS))}/s`,
  );
  console.log(
    `  after the warm-up: max event-loop delay p99 ${msOf(maxLagP99)}, max single delay ${msOf(maxLag)}`,
  );
  for (const [what, ok] of Object.entries(checks))
    console.log(`  ${what}: ${ok ? 'flat' : 'GREW'}`);
  console.log(`verdict: ${flat ? 'flat' : 'not flat'}, ${errors} errors`);
  return errors === 0 && flat ? 0 : 1;
}
