import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { MqttClient } from 'mqtt';
import { envelope, eventsData, noticesData } from '#shared/payloads';
import { topics } from '#shared/topics';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { connectDevice, nextMessage, pairDevice, subscribe } from '../helpers/mqtt.ts';

const CAPACITY = 40;
const WRITERS = 6;
const LOBBY_PLANTS = '大堂的绿植需要浇水了。'.repeat(170);
const restoreDir = mkdtempSync(join(tmpdir(), 'lobby-backup-load-'));
const started: TestHub[] = [];
const clients: MqttClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true)));
  for (const h of started) await h.stop();
  rmSync(restoreDir, { recursive: true, force: true });
});

type Ack = { kind: 'feedback' | 'registration'; ticket: string; secret: string; at: number };

test('a backup taken under a stream of feedback and registrations restores to a working hub', async () => {
  const hub = await startTestHub();
  started.push(hub);
  const admin = await hub.login();
  const device = await pairDevice(hub, { staff: admin });
  const start = Date.now() + 5 * 86_400_000;
  const event = await hub.api<{ id: number }>(
    'POST',
    '/api/staff/events',
    {
      building: 'demo',
      title: 'Backup drill',
      kind: 'lecture',
      place: 'Hall 2F',
      start: new Date(start).toISOString(),
      end: new Date(start + 3600_000).toISOString(),
      capacity: CAPACITY,
    },
    admin,
  );
  assert.equal(event.status, 201);

  // Writers in a loop until told to stop; each acknowledged write is kept with its time.
  const acks: Ack[] = [];
  let running = true;
  let seq = 0;
  const failures: string[] = [];
  async function writer(i: number) {
    while (running) {
      const n = seq++;
      const registration = i % 3 === 2;
      const r = registration
        ? await hub.api<Omit<Ack, 'kind' | 'at'>>(
            'POST',
            `/api/public/events/${event.body.id}/registrations`,
            { name: '王丽华', company: 'Acme', phone: `139${String(10_000_000 + n)}` },
          )
        : await hub.api<Omit<Ack, 'kind' | 'at'>>('POST', '/api/public/feedback', {
            building: 'demo',
            category: 'environment',
            // Near the longest text taken: the database grows to more than the backup copies
            // in one step (100 pages), so writes land between its steps.
            text: `Backup under load, write ${n}: ${LOBBY_PLANTS}`,
            contact: `137${String(10_000_000 + n)}`,
          });
      if (r.status !== 201) failures.push(`${r.status} ${JSON.stringify(r.body)}`);
      else
        acks.push({
          kind: registration ? 'registration' : 'feedback',
          ...r.body,
          at: performance.now(),
        });
    }
  }
  const writers = Array.from({ length: WRITERS }, (_, i) => writer(i));
  const acked = async (n: number) => {
    while (acks.length < n && failures.length === 0) await new Promise((r) => setTimeout(r, 10));
  };
  await acked(450);

  const backupStarted = performance.now();
  const run = await hub.api<{ status: string; message: string }>(
    'POST',
    '/api/staff/jobs/backup/run',
    {},
    admin,
  );
  const backupEnded = performance.now();
  const target = acks.length + 100;
  await acked(target);
  running = false;
  await Promise.all(writers);
  assert.deepEqual(failures, []);
  assert.equal(run.status, 200);
  assert.equal(run.body.status, 'ok', run.body.message);
  const before = acks.filter((a) => a.at < backupStarted);
  const during = acks.filter((a) => a.at >= backupStarted && a.at <= backupEnded);
  // The point of the test: the copy was taken while writes went on.
  assert.ok(during.length > 0, 'no write was acknowledged while the backup ran');

  const jobs = await hub.api<{ backups: { name: string }[] }>(
    'GET',
    '/api/staff/jobs',
    undefined,
    admin,
  );
  const newest = jobs.body.backups[0]?.name;
  assert.ok(newest, 'the backup is listed');
  copyFileSync(join(hub.dataDir, 'backups', newest), join(restoreDir, 'lobby.db'));

  const db = new Database(join(restoreDir, 'lobby.db'), { readonly: true, fileMustExist: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    const tickets = (sql: string) =>
      new Set(
        db
          .prepare<[], { ticket: string }>(sql)
          .all()
          .map((r) => r.ticket),
      );
    const feedback = tickets("SELECT ticket FROM feedback WHERE text LIKE 'Backup under load%'");
    const registrations = tickets(
      `SELECT ticket FROM registrations WHERE event_id = ${event.body.id}`,
    );
    const copied = (a: Ack) => (a.kind === 'feedback' ? feedback : registrations).has(a.ticket);
    // Every write acknowledged before the backup began is in it; nothing never acknowledged is.
    assert.deepEqual(
      before.filter((a) => !copied(a)),
      [],
    );
    const known = new Set(acks.map((a) => a.ticket));
    assert.deepEqual(
      [...feedback, ...registrations].filter((t) => !known.has(t)),
      [],
    );
    // No half of a write: every ticket has its first step, every registration its event,
    // and the event is not overbooked.
    const stepless = db
      .prepare<[], { n: number }>(
        `SELECT COUNT(*) AS n FROM feedback f WHERE NOT EXISTS
           (SELECT 1 FROM feedback_steps s WHERE s.feedback_id = f.id AND s.status = 'received')`,
      )
      .get();
    assert.equal(stepless?.n, 0);
    const orphans = db
      .prepare<[], { n: number }>(
        'SELECT COUNT(*) AS n FROM registrations r LEFT JOIN events e ON e.id = r.event_id WHERE e.id IS NULL',
      )
      .get();
    assert.equal(orphans?.n, 0);
    const confirmed = db
      .prepare<[number], { n: number }>(
        "SELECT COUNT(*) AS n FROM registrations WHERE event_id = ? AND status = 'confirmed'",
      )
      .get(event.body.id);
    assert.equal(confirmed?.n, Math.min(CAPACITY, registrations.size));
  } finally {
    db.close();
  }

  const restored = await startTestHub({ dataDir: restoreDir });
  started.push(restored);
  // The screen paired before the backup logs in to the restored hub with its token.
  const screen = await connectDevice(device, { url: `mqtt://127.0.0.1:${restored.mqttPort}` });
  clients.push(screen);
  const eventsTopic = topics.content('demo', 'events');
  const noticesTopic = topics.content('demo', 'notices');
  const retained = nextMessage(screen, eventsTopic);
  assert.deepEqual(await subscribe(screen, topics.buildingContent('demo')), [1]);
  const shown = envelope(eventsData).parse(JSON.parse((await retained).payload.toString()));
  assert.ok(shown.data.some((e) => e.id === event.body.id));

  const oldFeedback = before.find((a) => a.kind === 'feedback');
  const oldSeat = before.find((a) => a.kind === 'registration');
  assert.ok(oldFeedback && oldSeat);
  const view = await restored.api<{ steps: { status: string }[] }>(
    'GET',
    `/api/public/feedback/${oldFeedback.ticket}?secret=${oldFeedback.secret}`,
  );
  assert.equal(view.status, 200);
  assert.deepEqual(
    view.body.steps.map((s) => s.status),
    ['received'],
  );
  const seat = await restored.api(
    'GET',
    `/api/public/registrations/${oldSeat.ticket}?secret=${oldSeat.secret}`,
  );
  assert.equal(seat.status, 200);

  // New writes are taken and published.
  const token = await restored.login();
  const noticed = nextMessage(screen, noticesTopic, (m) =>
    envelope(noticesData)
      .parse(JSON.parse(m.payload.toString()))
      .data.some((n) => n.title === 'Restored and running'),
  );
  const notice = await restored.api(
    'POST',
    '/api/staff/notices',
    {
      building: 'demo',
      title: 'Restored and running',
      body: 'x',
      category: 'service',
      priority: 'normal',
    },
    token,
  );
  assert.equal(notice.status, 201);
  await noticed;
  const fresh = await restored.api('POST', '/api/public/feedback', {
    building: 'demo',
    category: 'other',
    text: 'Written after the restore',
  });
  assert.equal(fresh.status, 201);
  const late = await restored.api<{ status: string }>(
    'POST',
    `/api/public/events/${event.body.id}/registrations`,
    { name: '李磊', company: 'Acme', phone: '13600000001' },
  );
  assert.equal(late.status, 201);
  assert.equal(late.body.status, 'waitlisted');
});
