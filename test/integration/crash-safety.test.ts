import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ADMIN_PASSWORD } from '../helpers/hub.ts';
import { spawnHub, type HubProcess } from '../helpers/hub-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'lobby-crash-'));
let hub: HubProcess | undefined;
after(async () => {
  await hub?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(url: string, method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

test('SIGKILL during a registration surge and a feedback burst loses no accepted write', async () => {
  hub = await spawnHub(dataDir);
  const login = await call(hub.url, 'POST', '/api/staff/session', {
    username: 'admin',
    password: ADMIN_PASSWORD,
  });
  const admin = String(login.body.token);
  const start = new Date(Date.now() + 7 * 86_400_000);
  const event = await call(
    hub.url,
    'POST',
    '/api/staff/events',
    {
      building: 'demo',
      title: 'Crash test talk',
      kind: 'lecture',
      place: 'Hall',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3600_000).toISOString(),
      capacity: 40,
    },
    admin,
  );
  assert.equal(event.status, 201);
  const eventId = Number(event.body.id);

  const accepted: { kind: 'registration' | 'feedback'; ticket: string; secret: string }[] = [];
  let failures = 0;
  const url = hub.url;
  const attempt = async (i: number) => {
    try {
      const r =
        i % 2 === 0
          ? await call(url, 'POST', `/api/public/events/${eventId}/registrations`, {
              name: `Crash ${i}`,
              company: 'Test',
              phone: `1390000${String(i).padStart(4, '0')}`,
            })
          : await call(url, 'POST', '/api/public/feedback', {
              building: 'demo',
              category: 'facilities',
              text: `Crash feedback ${i}`,
            });
      if (r.status >= 200 && r.status < 300) {
        accepted.push({
          kind: i % 2 === 0 ? 'registration' : 'feedback',
          ticket: String(r.body.ticket),
          secret: String(r.body.secret),
        });
      } else {
        assert.ok(r.status < 500, `attempt ${i}: ${r.status}`);
      }
    } catch {
      // The connection died with the hub: this request was never acknowledged.
      failures++;
    }
  };
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < 600; i++) {
    inFlight.push(attempt(i));
    // Kill mid-burst, once some writes have been acknowledged and many are still under way.
    if (i === 300) {
      while (accepted.length < 40) await new Promise((r) => setTimeout(r, 5));
      void hub.kill();
    }
  }
  await Promise.all(inFlight);
  assert.ok(accepted.length >= 40, 'some writes were acknowledged before the kill');
  assert.ok(failures > 0, 'the kill interrupted requests under way');

  hub = await spawnHub(dataDir);
  for (const a of accepted) {
    const path =
      a.kind === 'registration'
        ? `/api/public/registrations/${a.ticket}?secret=${encodeURIComponent(a.secret)}`
        : `/api/public/feedback/${a.ticket}?secret=${encodeURIComponent(a.secret)}`;
    const r = await call(hub.url, 'GET', path);
    assert.equal(r.status, 200, `${a.kind} ${a.ticket} was acknowledged and must survive`);
  }
  const again = await call(hub.url, 'POST', '/api/staff/session', {
    username: 'admin',
    password: ADMIN_PASSWORD,
  });
  const ev = await call(
    hub.url,
    'GET',
    `/api/staff/events/${eventId}`,
    undefined,
    String(again.body.token),
  );
  assert.ok(Number(ev.body.confirmed) <= 40, 'never overbooked');
  const acknowledgedConfirmed = accepted.filter((a) => a.kind === 'registration').length;
  assert.ok(
    Number(ev.body.confirmed) + Number(ev.body.waitlist) >= Math.min(acknowledgedConfirmed, 40),
  );
});
