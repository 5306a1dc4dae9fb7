import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ContentTopic } from '#shared/topics';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

type Job = {
  name: string;
  cron: string;
  timezone: string;
  nextRun: string | null;
  runs: number;
  failures: number;
  lastStatus: string | null;
  lastMessage: string | null;
  recent: { trigger: string; actor: string | null; status: string }[];
};
type Overview = { jobs: Job[]; settings: Record<string, number>; backups: { name: string }[] };
type Result = { status: string; message: string | null; counts: Record<string, number> | null };

const MIN = 60_000;
const DAY = 86_400_000;

describe('scheduler jobs: listed, run now, and what each one does', () => {
  let hub: TestHub;
  let admin: string;
  let viewer: string;
  let changes: [string, ContentTopic][] = [];
  const t0 = new Date();

  const at = (ms: number) => {
    hub.ctx.now = () => new Date(t0.getTime() + ms);
  };
  const run = (name: string, token = admin) =>
    hub.api<Result>('POST', `/api/staff/jobs/${name}/run`, {}, token);
  const overview = async () =>
    (await hub.api<Overview>('GET', '/api/staff/jobs', undefined, viewer)).body;
  const changed = (topic: ContentTopic) => changes.filter(([, t]) => t === topic).map(([b]) => b);

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    await hub.api(
      'POST',
      '/api/staff/users',
      { username: 'vi', displayName: 'vi', role: 'viewer', password: 'a-long-password' },
      admin,
    );
    viewer = await hub.login('vi', 'a-long-password');
    hub.ctx.changes.onChange((b, t) => changes.push([b, t]));
  });
  beforeEach(() => {
    at(0);
    changes = [];
  });
  after(() => hub.stop());

  test('every job is listed with its pattern, zone and next run; settings beside them', async () => {
    const o = await overview();
    assert.deepEqual(
      o.jobs.map((j) => j.name),
      ['notice-windows', 'event-times', 'auto-close', 'purge', 'photo-cleanup', 'backup'],
    );
    for (const j of o.jobs) {
      assert.equal(j.timezone, 'Asia/Shanghai');
      assert.ok(j.nextRun && Date.parse(j.nextRun) > Date.now() - MIN, `${j.name} next run`);
    }
    assert.equal(o.jobs.find((j) => j.name === 'backup')?.cron, '30 2 * * *');
    assert.deepEqual(Object.keys(o.settings).sort(), [
      'autoCloseDays',
      'backupsKept',
      'retentionDays',
    ]);
  });

  test('only an admin runs a job now; the run is recorded and audited', async () => {
    assert.equal((await run('purge', viewer)).status, 403);
    assert.equal((await run('nonsense')).status, 400);
    const r = await run('purge');
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    const purge = (await overview()).jobs.find((j) => j.name === 'purge');
    assert.equal(purge?.lastStatus, 'ok');
    assert.equal(purge?.recent[0]?.trigger, 'manual');
    assert.equal(purge?.recent[0]?.actor, 'admin');
    const audit = await hub.api<{ action: string; entityId: string }[]>(
      'GET',
      '/api/staff/audit?entity=job',
      undefined,
      admin,
    );
    assert.deepEqual(
      audit.body.map((a) => [a.action, a.entityId]),
      [['run', 'purge']],
    );
  });

  test('a notice is republished on the minute its window opens and on the minute it closes', async () => {
    await run('notice-windows');
    const created = await hub.api(
      'POST',
      '/api/staff/notices',
      {
        building: 'demo',
        title: 'Water off',
        body: '10:00–11:00',
        category: 'affairs',
        priority: 'high',
        validFrom: new Date(t0.getTime() + 30_000).toISOString(),
        validTo: new Date(t0.getTime() + 90_000).toISOString(),
      },
      admin,
    );
    assert.equal(created.status, 201);
    changes = [];
    at(MIN);
    await run('notice-windows');
    assert.deepEqual(changed('notices'), ['demo'], 'opened');
    at(MIN + 10_000);
    await run('notice-windows');
    assert.deepEqual(changed('notices'), ['demo'], 'nothing new in between');
    at(2 * MIN);
    await run('notice-windows');
    assert.deepEqual(changed('notices'), ['demo', 'demo'], 'closed');
  });

  test('a schedule rule starting tomorrow republishes playlists at local midnight', async () => {
    // 23:59:30 today in Shanghai, then 00:00:30 tomorrow.
    const local = new Date(t0.getTime() + 8 * 3600_000);
    const midnight =
      Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) - 8 * 3600_000;
    const tomorrow = new Date(midnight + 8 * 3600_000).toISOString().slice(0, 10);
    const playlist = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/playlists',
      {
        building: 'demo',
        name: 'Holiday loop',
        slides: [{ id: 'n', kind: 'notices', duration: 20 }],
      },
      admin,
    );
    assert.equal(playlist.status, 201);
    const rule = await hub.api(
      'POST',
      '/api/staff/schedule-rules',
      { building: 'demo', playlistId: playlist.body.id, dateFrom: tomorrow },
      admin,
    );
    assert.equal(rule.status, 201);
    at(midnight - 30_000 - t0.getTime());
    await run('notice-windows');
    changes = [];
    at(midnight + 30_000 - t0.getTime());
    await run('notice-windows');
    assert.deepEqual(changed('playlists'), ['demo']);
  });

  test('events are refreshed half an hour before they start, as they start and as they end', async () => {
    await run('event-times');
    const start = t0.getTime() + 30 * MIN + 30_000;
    const e = await hub.api(
      'POST',
      '/api/staff/events',
      {
        building: 'demo',
        title: 'Tea talk',
        kind: 'salon',
        place: '1F',
        capacity: 10,
        start: new Date(start).toISOString(),
        end: new Date(start + 3 * MIN).toISOString(),
      },
      admin,
    );
    assert.equal(e.status, 201);
    changes = [];
    at(MIN);
    await run('event-times');
    assert.deepEqual(changed('events'), ['demo'], 'starting soon');
    at(31 * MIN);
    await run('event-times');
    assert.deepEqual(changed('events'), ['demo', 'demo'], 'started');
    at(32 * MIN);
    await run('event-times');
    assert.equal(changed('events').length, 2, 'nothing in between');
    at(34 * MIN);
    await run('event-times');
    assert.equal(changed('events').length, 3, 'ended');
  });

  test('resolved tickets close after the set days; personal data goes after retention', async () => {
    const fb = await hub.api<{ ticket: string }>('POST', '/api/public/feedback', {
      building: 'demo',
      category: 'elevator',
      text: 'Bank C stops between floors',
      contact: { name: '王', phone: '13812345678' },
    });
    assert.equal(fb.status, 201);
    const ticket = fb.body.ticket;
    for (const step of [
      { status: 'in_progress' },
      { status: 'resolved', reply: 'Repaired on Tuesday.' },
    ]) {
      const r = await hub.api('PATCH', `/api/staff/feedback/${ticket}`, step, admin);
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    const days = Math.max(hub.ctx.config.feedbackAutoCloseDays, hub.ctx.config.feedbackReopenDays);
    at((days + 1) * DAY);
    assert.equal((await run('auto-close', await hub.login())).body.status, 'ok');
    const closed = hub.ctx.store.feedback.byTicket(ticket);
    assert.equal(closed?.status, 'closed');
    assert.equal(
      closed?.contact_phone,
      '+8613812345678',
      'kept (in E.164) until the retention ends',
    );

    at((days + 2 + hub.ctx.config.retentionDays) * DAY);
    const r = await run('purge', await hub.login());
    assert.equal(r.body.counts?.tickets, 1);
    const purged = hub.ctx.store.feedback.byTicket(ticket);
    assert.equal(purged?.contact_phone, null);
    assert.equal(purged?.contact_name, null);
    assert.equal(purged?.category, 'elevator', 'the facts stay');
  });

  test('a failing job is recorded as failed with its reason, and recovers', async () => {
    // The purge above, a year ahead, also ended every session: sign in again.
    admin = await hub.login();
    viewer = await hub.login('vi', 'a-long-password');
    const blocker = join(hub.dataDir, 'backups');
    rmSync(blocker, { recursive: true, force: true });
    writeFileSync(blocker, 'not a folder');
    const failed = await run('backup');
    assert.equal(failed.body.status, 'error');
    let backup = (await overview()).jobs.find((j) => j.name === 'backup');
    assert.equal(backup?.lastStatus, 'error');
    assert.equal(backup?.failures, 1);
    assert.match(backup?.lastMessage ?? '', /EEXIST|ENOTDIR|exists/);
    rmSync(blocker);
    assert.equal((await run('backup')).body.status, 'ok');
    backup = (await overview()).jobs.find((j) => j.name === 'backup');
    assert.equal(backup?.lastStatus, 'ok');
    assert.equal((await overview()).backups.length, 1);
  });
});
