import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaffRole } from '#shared/enums';
import type { Config } from '../../hub/src/config.ts';
import { startHub, type RunningHub } from '../../hub/src/hub.ts';

export const ADMIN_PASSWORD = 'test-admin-password';
export const STAFF_TEST_PASSWORD = 'a-long-test-password';

export interface TestHub extends RunningHub {
  dataDir: string;
  // Calls the API as JSON; returns status, parsed body and headers.
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<ApiResult<T>>;
  login(username?: string, password?: string): Promise<string>;
  // A new staff account of `role` (made by the admin), signed in: its token.
  staff(role: StaffRole, username?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface ApiResult<T> {
  status: number;
  body: T;
  headers: Headers;
}

// A real hub on free loopback ports with a throwaway data dir; stop() removes both.
export async function startTestHub(overrides: Partial<Config> = {}): Promise<TestHub> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'lobby-test-'));
  const hub = await startHub({
    port: 0,
    host: '127.0.0.1',
    mqttPort: 0,
    logLevel: 'silent',
    adminPassword: ADMIN_PASSWORD,
    demo: true,
    publicRateLimit: 0,
    ...overrides,
    dataDir,
  });
  const { api, login, staff } = apiClient(hub.url);
  return {
    ...hub,
    dataDir,
    api,
    login,
    staff,
    async stop() {
      await hub.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type HubClient = Pick<TestHub, 'api' | 'login' | 'staff'>;

// JSON calls and staff login against any hub by its URL (in this process or spawned).
export function apiClient(url: string): HubClient {
  const api = async <T>(method: string, path: string, body?: unknown, token?: string) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(url + path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (metrics, HTML): the text itself.
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
  const login = async (username = 'admin', password = ADMIN_PASSWORD) => {
    const r = await api<{ token: string }>('POST', '/api/staff/session', { username, password });
    if (r.status !== 200)
      throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.token;
  };
  return {
    api,
    login,
    async staff(role: StaffRole, username: string = role) {
      const admin = await login();
      const account = { username, displayName: username, role, password: STAFF_TEST_PASSWORD };
      const r = await api('POST', '/api/staff/users', account, admin);
      if (r.status !== 201)
        throw new Error(`staff ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      return login(username, STAFF_TEST_PASSWORD);
    },
  };
}

// Total rows in every table: a refused request must leave this unchanged. The scheduler's
// own bookkeeping (jobs, job_runs) is left out: its every-minute jobs write there whenever a
// minute turns, whatever a request did (CI once saw 388 !== 384 across a minute boundary).
export function rowCount(hub: RunningHub): number {
  const db = hub.ctx.store.db;
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('jobs', 'job_runs')",
    )
    .all();
  return tables.reduce(
    (n, t) =>
      n + (db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM "${t.name}"`).get()?.n ?? 0),
    0,
  );
}
