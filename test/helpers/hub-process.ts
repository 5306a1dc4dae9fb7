import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ADMIN_PASSWORD } from './hub.ts';

const ROOT = join(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface HubProcess {
  url: string;
  port: number;
  mqttPort: number;
  child: ChildProcess;
  // Everything the hub wrote to stdout and stderr so far: its JSON log lines.
  logs(): string;
  // SIGKILL: no shutdown hooks run, as in a crash or a power cut of the process.
  kill(): Promise<void>;
  stop(): Promise<void>;
}

// The hub as its own process (as `npm run hub` runs it), for crash tests and benchmarks
// that must not share an event loop with the load they generate.
// `args` replaces how Node is told to run it (e.g. hub/start.ts, as `npm start` runs it).
export async function spawnHub(
  dataDir: string,
  env: Record<string, string> = {},
  args = [join(ROOT, 'hub/src/main.ts')],
): Promise<HubProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const mqttPort = Number(env.MQTT_PORT ?? (await freePort()));
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ADMIN_PASSWORD,
      PUBLIC_RATE_LIMIT: '0',
      ...env,
      PORT: String(port),
      MQTT_PORT: String(mqttPort),
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub exited ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`hub did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await once(child, 'exit');
  };
  return {
    url,
    port,
    mqttPort,
    child,
    logs: () => stdout + stderr,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}

// CPU seconds (user + system) a process has used so far, from /proc: unlike wall time it
// hardly moves when other work shares the cores.
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / CLOCK_TICKS;
}
// USER_HZ: 100 on every Linux build Debian ships.
const CLOCK_TICKS = 100;
