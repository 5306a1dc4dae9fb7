// Sustained feedback intake: 64 clients submit tickets back to back for 10 seconds.
// Prints submissions/s and latency; target > 2,000/s. Each ticket comes with its own
// contact number and no QR place, so the per-phone and per-place limits (which exist to
// stop exactly this from one source) stay out of the measurement. The hub runs in its
// own process with PUBLIC_RATE_LIMIT=0, once as shipped (synchronous=FULL) and once with
// synchronous=NORMAL for comparison.
//   node test/bench/feedback-intake.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnHub } from '../helpers/hub-process.ts';
import { normalSyncPreload, pct, post } from './http-kit.ts';

const CLIENTS = 64;
const SECONDS = 10;
const CATEGORIES = ['parking', 'dining', 'elevator', 'environment', 'facilities', 'other'];

async function run(label: string, env: Record<string, string>, dataDir: string) {
  const hub = await spawnHub(dataDir, { PUBLIC_RATE_LIMIT: '0', LOG_LEVEL: 'warn', ...env });
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  let n = 0;
  const submit = () =>
    post(agent, `${hub.url}/api/public/feedback`, {
      building: 'demo',
      category: CATEGORIES[n % CATEGORIES.length],
      text: `Bench ticket ${n}: the corridor light on the east side flickers all evening.`,
      contact: `15${String(n++).padStart(9, '0')}`,
    });
  try {
    // Warm-up: JIT and statement caches.
    const warmUntil = performance.now() + 2000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < warmUntil) await submit();
      }),
    );
    const answers: { status: number; ms: number }[] = [];
    const t0 = performance.now();
    const until = t0 + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < until) answers.push(await submit());
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
    const created = answers.filter((a) => a.status === 201).length;
    const failed = answers.length - created;
    console.log(
      `${label}: ${answers.length} submissions in ${seconds.toFixed(1)} s = ${Math.round(answers.length / seconds)}/s; ` +
        `latency p50 ${pct(ms, 50).toFixed(1)} ms, p99 ${pct(ms, 99).toFixed(1)} ms, max ${pct(ms, 100).toFixed(1)} ms; ` +
        `${created} created, ${failed} not`,
    );
    return failed === 0;
  } finally {
    agent.destroy();
    await hub.stop();
  }
}

const root = mkdtempSync(join(tmpdir(), 'lobby-bench-'));
let ok = true;
try {
  console.log(`${CLIENTS} clients, ${SECONDS} s each, PUBLIC_RATE_LIMIT=0`);
  ok = (await run('synchronous=FULL (as shipped)', {}, join(root, 'full'))) && ok;
  ok =
    (await run(
      'synchronous=NORMAL (comparison)',
      { NODE_OPTIONS: normalSyncPreload(root) },
      join(root, 'normal'),
    )) && ok;
} finally {
  rmSync(root, { recursive: true, force: true });
}
if (!ok) process.exitCode = 1;
