// How long `npm start` (hub/start.ts) takes until /healthz answers, with the apps already
// built: a first start on an empty data directory (the demo building is loaded) and
// restarts on the data it left. Wall time and the CPU seconds the hub used by then (CPU
// time hardly moves when other work shares the machine). Then, for comparison, what the
// start used to add: a forced build of all three apps.
//   node test/bench/hub-start.ts [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApps, ROOT } from '../../hub/app-builds.ts';
import { cpuSeconds, spawnHub } from '../helpers/hub-process.ts';

const RUNS = Number(process.argv[2] ?? 5);

async function start(dataDir: string) {
  const t0 = performance.now();
  const hub = await spawnHub(dataDir, { LOG_LEVEL: 'warn' }, [join(ROOT, 'hub/start.ts')]);
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(hub.child.pid ?? 0);
  await hub.stop();
  return { wall, cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const row = (name: string, runs: { wall: number; cpu: number }[]) =>
  console.log(
    `${name.padEnd(32)} wall median ${median(runs.map((r) => r.wall)).toFixed(2)} s ` +
      `(min ${Math.min(...runs.map((r) => r.wall)).toFixed(2)}, max ${Math.max(...runs.map((r) => r.wall)).toFixed(2)}), ` +
      `CPU median ${median(runs.map((r) => r.cpu)).toFixed(2)} s`,
  );

await buildApps();
const first: { wall: number; cpu: number }[] = [];
const again: { wall: number; cpu: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lobby-bench-start-'));
  try {
    first.push(await start(dataDir));
    again.push(await start(dataDir));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log(`Node ${process.version}, ${RUNS} runs each, apps already built`);
row('first start (demo loaded)', first);
row('restart on existing data', again);

const t0 = performance.now();
const cpu0 = process.cpuUsage();
await buildApps({ force: true });
const cpu = process.cpuUsage(cpu0);
console.log(
  `${'forced build of all three apps'.padEnd(32)} wall ${((performance.now() - t0) / 1000).toFixed(2)} s, ` +
    `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (what every start used to add)`,
);
