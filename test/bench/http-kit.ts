// Shared by the HTTP write benchmarks (feedback-intake, registration-surge): a timed JSON
// POST on a keep-alive agent, percentiles, and the synchronous=NORMAL comparison. Not a
// benchmark itself.
import { writeFileSync } from 'node:fs';
import { request, type Agent } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Answer {
  status: number;
  ms: number;
  // The answer's JSON (null when it was not JSON).
  body: unknown;
}

export function post(agent: Agent, url: string, body: unknown, token?: string): Promise<Answer> {
  const data = JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let parsed: unknown = null;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON: the status says enough.
          }
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

// The p-th percentile of values sorted ascending (nearest rank).
export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

// A preload that rewrites the hub's `synchronous = FULL` pragma, for comparison runs only.
export function normalSyncPreload(dir: string): string {
  const file = join(dir, 'sync-normal.mjs');
  writeFileSync(
    file,
    `import { createRequire } from 'node:module';
const Database = createRequire(${JSON.stringify(join(process.cwd(), 'package.json'))})('better-sqlite3');
const pragma = Database.prototype.pragma;
Database.prototype.pragma = function (source, options) {
  return pragma.call(this, /^synchronous\\s*=\\s*FULL$/i.test(source.trim()) ? 'synchronous = NORMAL' : source, options);
};
`,
  );
  return `--import ${pathToFileURL(file).href}`;
}
