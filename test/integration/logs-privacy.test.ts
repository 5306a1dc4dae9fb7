import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ADMIN_PASSWORD } from '../helpers/hub.ts';
import { spawnHub, type HubProcess } from '../helpers/hub-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'lobby-logs-'));
let hub: HubProcess | undefined;
after(async () => {
  await hub?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(hub?.url + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

test('no password, token, secret, phone number, name or feedback text reaches the log, even at debug', async () => {
  hub = await spawnHub(dataDir, { LOG_LEVEL: 'trace' });
  const login = await call('POST', '/api/staff/session', {
    username: 'admin',
    password: ADMIN_PASSWORD,
  });
  const token = String(login.body.token);
  await call('POST', '/api/staff/session', { username: 'admin', password: 'wrong-password-xyz' });
  const events = await fetch(`${hub.url}/api/public/buildings/demo/events`).then(
    (r) => r.json() as Promise<{ id: number }[]>,
  );
  const reg = await call('POST', `/api/public/events/${events[0]?.id}/registrations`, {
    name: '隐私测试人',
    company: 'Privacy Co',
    phone: '13912345678',
  });
  assert.equal(reg.status, 201);
  const fb = await call('POST', '/api/public/feedback', {
    building: 'demo',
    category: 'parking',
    text: 'secret feedback text 4711',
    contact: '13987654321',
  });
  assert.equal(fb.status, 201);
  await call(
    'GET',
    `/api/public/feedback/${String(fb.body.ticket)}?secret=${String(fb.body.secret)}`,
  );
  await call('GET', '/api/staff/me', undefined, token);
  await hub.stop();

  const logs = hub.logs();
  assert.match(logs, /"reqId"/, 'the hub did log the requests');
  for (const secret of [
    ADMIN_PASSWORD,
    'wrong-password-xyz',
    token,
    String(reg.body.secret),
    String(fb.body.secret),
    '13912345678',
    '13987654321',
    '隐私测试人',
    'secret feedback text 4711',
  ]) {
    assert.ok(!logs.includes(secret), `the log contains ${secret.slice(0, 6)}…`);
  }
});
