// A registration surge: 2,000 people try to register for a 100-seat event at once.
// Checks the outcome (exactly 100 confirmed, the rest waitlisted in order, no 5xx) and
// prints throughput and latency, first for the whole burst fired at once, then for the
// same number of attempts from 64 clients in a loop (latency per request under load).
// Targets: > 1,000 registrations/s, p99 < 100 ms. The hub runs in its own process with
// PUBLIC_RATE_LIMIT=0, once as shipped (synchronous=FULL) and once with
// synchronous=NORMAL for comparison.
//   node test/bench/registration-surge.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD } from '../helpers/hub.ts';
import { spawnHub } from '../helpers/hub-process.ts';
import { z } from 'zod';
import { normalSyncPreload, pct, post, type Answer } from './http-kit.ts';

const ATTEMPTS = 2_000;
const SEATS = 100;
const CLIENTS = 64;

// What a registration attempt answered, as far as this benchmark counts it.
const outcome = z.object({ status: z.string().optional(), position: z.number().optional() });
const outcomeOf = (a: Answer) => outcome.safeParse(a.body).data ?? {};

function report(name: string, answers: Answer[], seconds: number) {
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  const outcomes = answers.map(outcomeOf);
  const confirmed = outcomes.filter((o) => o.status === 'confirmed').length;
  const waitlisted = outcomes.filter((o) => o.status === 'waitlisted');
  const positions = new Set(waitlisted.map((o) => o.position));
  const fivexx = answers.filter((a) => a.status >= 500).length;
  const ok =
    confirmed === SEATS &&
    waitlisted.length === ATTEMPTS - SEATS &&
    positions.size === waitlisted.length &&
    fivexx === 0;
  console.log(
    `${name}: ${answers.length} attempts in ${seconds.toFixed(2)} s = ${Math.round(answers.length / seconds)}/s; ` +
      `latency p50 ${pct(ms, 50).toFixed(1)} ms, p99 ${pct(ms, 99).toFixed(1)} ms, max ${pct(ms, 100).toFixed(1)} ms; ` +
      `${confirmed} confirmed, ${waitlisted.length} waitlisted (${positions.size} distinct places), ${fivexx} 5xx → ${ok ? 'OK' : 'WRONG'}`,
  );
  return ok;
}

async function surge(label: string, env: Record<string, string>, dataDir: string) {
  const hub = await spawnHub(dataDir, { PUBLIC_RATE_LIMIT: '0', LOG_LEVEL: 'warn', ...env });
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let ok = true;
  try {
    const login = await post(agent, `${hub.url}/api/staff/session`, {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    const token = z.object({ token: z.string() }).safeParse(login.body).data?.token;
    const newEvent = async () => {
      const start = Date.now() + 5 * 86_400_000;
      const r = await post(
        agent,
        `${hub.url}/api/staff/events`,
        {
          building: 'demo',
          title: 'Spring festival gala',
          kind: 'culture',
          place: 'Lobby',
          start: new Date(start).toISOString(),
          end: new Date(start + 7_200_000).toISOString(),
          capacity: SEATS,
        },
        token,
      );
      return z.object({ id: z.number() }).parse(r.body).id;
    };
    let phone = 0;
    const attempt = (id: number) =>
      post(agent, `${hub.url}/api/public/events/${id}/registrations`, {
        name: '测试用户',
        company: 'Bench Co',
        phone: `13${String(phone++).padStart(9, '0')}`,
      });

    // Warm-up, so the JIT and the statement cache are not what is measured.
    const warm = await newEvent();
    await Promise.all(Array.from({ length: 300 }, () => attempt(warm)));

    console.log(label);
    const burstEvent = await newEvent();
    let t0 = performance.now();
    const burst = await Promise.all(Array.from({ length: ATTEMPTS }, () => attempt(burstEvent)));
    ok = report('  burst, all at once  ', burst, (performance.now() - t0) / 1000) && ok;

    const loopEvent = await newEvent();
    const looped: Answer[] = [];
    let left = ATTEMPTS;
    t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (left-- > 0) looped.push(await attempt(loopEvent));
      }),
    );
    ok = report(`  ${CLIENTS} clients in a loop`, looped, (performance.now() - t0) / 1000) && ok;
  } finally {
    agent.destroy();
    await hub.stop();
  }
  return ok;
}

const root = mkdtempSync(join(tmpdir(), 'lobby-bench-'));
let allOk = true;
try {
  allOk = (await surge('synchronous=FULL (as shipped)', {}, join(root, 'full'))) && allOk;
  allOk =
    (await surge(
      'synchronous=NORMAL (comparison)',
      { NODE_OPTIONS: normalSyncPreload(root) },
      join(root, 'normal'),
    )) && allOk;
} finally {
  rmSync(root, { recursive: true, force: true });
}
if (!allOk) process.exitCode = 1;
