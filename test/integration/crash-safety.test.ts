import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { MqttClient } from 'mqtt';
import { z } from 'zod';
import { envelope, eventsData } from '#shared/payloads';
import { CONTENT_TOPICS, topics, type ContentTopic } from '#shared/topics';
import { openStore } from '../../hub/src/store/index.ts';
import { apiClient, type HubClient } from '../helpers/hub.ts';
import { spawnHub, type HubProcess } from '../helpers/hub-process.ts';
import { connectDevice, pairDevice, subscribe, type PairedDevice } from '../helpers/mqtt.ts';

const root = mkdtempSync(join(tmpdir(), 'lobby-crash-'));
const running = new Set<HubProcess>();
after(async () => {
  await Promise.all([...running].map((h) => h.stop()));
  rmSync(root, { recursive: true, force: true });
});

async function start(dataDir: string, same?: HubProcess) {
  // The same ports again, so a screen reconnects where its pairing told it to.
  const hub = await spawnHub(
    dataDir,
    same ? { PORT: String(same.port), MQTT_PORT: String(same.mqttPort) } : {},
  );
  running.add(hub);
  return { hub, client: apiClient(hub.url) };
}

async function kill(hub: HubProcess) {
  await hub.kill();
  running.delete(hub);
}

type Revs = Map<ContentTopic, { rev: number; data: unknown }>;

// A screen of the demo building: what it holds of every content topic, as retained and as updated.
async function watch(device: PairedDevice): Promise<{ screen: MqttClient; revs: Revs }> {
  const screen = await connectDevice(device);
  const revs: Revs = new Map();
  screen.on('message', (topic, payload) => {
    const name = CONTENT_TOPICS.find((t) => topics.content('demo', t) === topic);
    if (!name || payload.length === 0) return;
    const parsed = envelope(z.unknown()).safeParse(JSON.parse(payload.toString()));
    if (parsed.success) revs.set(name, { rev: parsed.data.rev, data: parsed.data.data });
  });
  await subscribe(screen, topics.buildingContent('demo'));
  return { screen, revs };
}

async function settled(revs: Revs, topic: ContentTopic, test: (data: unknown) => boolean) {
  const deadline = Date.now() + 10_000;
  while (!test(revs.get(topic)?.data)) {
    if (Date.now() > deadline) throw new Error(`${topic} never settled`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function readDb(dataDir: string) {
  return new Database(join(dataDir, 'lobby.db'), { readonly: true, fileMustExist: true });
}

async function createEvent(client: HubClient, admin: string, capacity: number) {
  const start = new Date(Date.now() + 7 * 86_400_000);
  const event = await client.api<{ id: number }>(
    'POST',
    '/api/staff/events',
    {
      building: 'demo',
      title: 'Crash test talk',
      kind: 'lecture',
      place: 'Hall',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3600_000).toISOString(),
      capacity,
    },
    admin,
  );
  assert.equal(event.status, 201);
  return event.body.id;
}

const CAPACITY = 40;

test('SIGKILL during a registration surge and a feedback burst loses no accepted write', async () => {
  const dataDir = join(root, 'surge');
  let { hub, client } = await start(dataDir);
  const admin = await client.login();
  const eventId = await createEvent(client, admin, CAPACITY);
  const device = await pairDevice(client, { staff: admin });
  const before = await watch(device);
  await settled(before.revs, 'events', (d) => eventsData.safeParse(d).success);

  const accepted: { kind: 'registration' | 'feedback'; ticket: string; secret: string }[] = [];
  const refused: string[] = [];
  let killed: Promise<void> | undefined;
  const attempt = async (i: number) => {
    // Every tenth registration repeats an earlier phone: at most one of the two may be kept.
    const phone = `1390000${String(i % 10 === 4 ? i - 10 : i).padStart(4, '0')}`;
    try {
      const r =
        i % 2 === 0
          ? await client.api<{ ticket: string; secret: string }>(
              'POST',
              `/api/public/events/${eventId}/registrations`,
              { name: `Crash ${i}`, company: 'Test', phone },
            )
          : await client.api<{ ticket: string; secret: string }>('POST', '/api/public/feedback', {
              building: 'demo',
              category: 'facilities',
              text: `Crash feedback ${i}`,
            });
      if (r.status >= 200 && r.status < 300) {
        const kind = i % 2 === 0 ? 'registration' : 'feedback';
        accepted.push({ kind, ticket: r.body.ticket, secret: r.body.secret });
        // Kill mid-burst, once some writes have been acknowledged and many are still under way.
        if (accepted.length === 60) killed = kill(hub);
      } else {
        assert.ok(r.status < 500, `attempt ${i}: ${r.status}`);
      }
    } catch (err) {
      // The connection died with the hub: this request was never acknowledged.
      refused.push(String(err));
    }
  };
  await Promise.all(Array.from({ length: 600 }, (_, i) => attempt(i)));
  await killed;
  assert.ok(killed, `60 writes acknowledged before the kill (${refused[0] ?? 'none refused'})`);
  assert.ok(refused.length > 0, 'the kill interrupted requests under way');
  await before.screen.endAsync(true);

  ({ hub, client } = await start(dataDir, hub));
  for (const a of accepted) {
    const path =
      a.kind === 'registration'
        ? `/api/public/registrations/${a.ticket}?secret=${encodeURIComponent(a.secret)}`
        : `/api/public/feedback/${a.ticket}?secret=${encodeURIComponent(a.secret)}`;
    const r = await client.api('GET', path);
    assert.equal(r.status, 200, `${a.kind} ${a.ticket} was acknowledged and must survive`);
  }

  // Nothing half-written and no rule broken by what was under way at the kill.
  const db = readDb(dataDir);
  const one = (sql: string, ...args: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .get(...args);
  assert.equal(one('PRAGMA integrity_check'), 'ok');
  assert.equal(
    one(
      'SELECT count(*) FROM feedback f WHERE NOT EXISTS (SELECT 1 FROM feedback_steps s WHERE s.feedback_id = f.id)',
    ),
    0,
    'every ticket has its received step',
  );
  assert.equal(
    one(
      `SELECT count(*) FROM (SELECT phone FROM registrations WHERE event_id = ? AND status <> 'cancelled'
       GROUP BY phone HAVING count(*) > 1)`,
      eventId,
    ),
    0,
    'one registration per phone',
  );
  const confirmed = Number(
    one("SELECT count(*) FROM registrations WHERE event_id = ? AND status = 'confirmed'", eventId),
  );
  const waitlisted = Number(
    one("SELECT count(*) FROM registrations WHERE event_id = ? AND status = 'waitlisted'", eventId),
  );
  db.close();
  assert.ok(confirmed <= CAPACITY, 'never overbooked');
  assert.ok(confirmed + waitlisted >= accepted.filter((a) => a.kind === 'registration').length);

  // The screen, back online, is shown the same revs for what did not change and the
  // committed seats for what did, even for writes whose publish the kill cut off.
  const afterKill = await watch(device);
  await settled(afterKill.revs, 'events', (d) => {
    const ev = eventsData.safeParse(d).data?.find((e) => e.id === eventId);
    return ev?.seatsLeft === CAPACITY - confirmed && ev.waitlist === waitlisted;
  });
  for (const [topic, was] of before.revs) {
    await settled(afterKill.revs, topic, (d) => d !== undefined);
    const now = afterKill.revs.get(topic);
    assert.ok(now, `${topic} is retained`);
    if (topic === 'events' || topic === 'board') assert.ok(now.rev >= was.rev, topic);
    else assert.equal(now.rev, was.rev, `${topic} did not change, so neither did its rev`);
  }
  await afterKill.screen.endAsync();
});

test('a write committed but never published (power cut in between) goes out at the next start', async () => {
  const dataDir = join(root, 'unpublished');
  const { hub, client } = await start(dataDir);
  const device = await pairDevice(client);
  const before = await watch(device);
  await settled(before.revs, 'notices', (d) => Array.isArray(d));
  const rev = before.revs.get('notices')?.rev ?? 0;
  await before.screen.endAsync();
  await kill(hub);

  // Exactly the state a cut between the commit and the publish leaves: the row is on disk,
  // the retained snapshot is not.
  const store = openStore(dataDir);
  const now = new Date().toISOString();
  store.notices.insert(
    'demo',
    {
      title: 'Written before the power cut',
      body: 'Its publish never happened.',
      category: 'service',
      priority: 'normal',
      validFrom: null,
      validTo: null,
      floors: [],
      groups: [],
      image: null,
      link: null,
    },
    now,
  );
  store.close();

  await start(dataDir, hub);
  const afterCut = await watch(device);
  await settled(afterCut.revs, 'notices', (d) =>
    JSON.stringify(d ?? null).includes('Written before the power cut'),
  );
  assert.ok((afterCut.revs.get('notices')?.rev ?? 0) > rev, 'a new rev for the changed snapshot');
  await afterCut.screen.endAsync();
});
