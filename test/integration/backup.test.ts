import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

type Result = { status: string; message: string };

describe('nightly backup: an online copy that a new hub starts from', () => {
  let hub: TestHub;
  let admin: string;

  before(async () => {
    hub = await startTestHub({ backupsKept: 2 });
    admin = await hub.login();
  });
  after(() => hub.stop());

  const backups = () => readdirSync(join(hub.dataDir, 'backups')).sort();

  test('copies while the hub writes, and keeps only the newest N', async () => {
    // Three copies a second apart, all before the next test's copy.
    const t0 = Date.now() - 60_000;
    for (let i = 0; i < 3; i++) {
      hub.ctx.now = () => new Date(t0 + i * 1000);
      // Writes between and during copies: the backup API copies a consistent state.
      const writing = hub.api(
        'POST',
        '/api/staff/notices',
        {
          building: 'demo',
          title: `Notice ${i}`,
          body: 'x',
          category: 'service',
          priority: 'normal',
        },
        admin,
      );
      const r = await hub.api<Result>('POST', '/api/staff/jobs/backup/run', {}, admin);
      assert.equal(r.body.status, 'ok', r.body.message);
      assert.equal((await writing).status, 201);
    }
    hub.ctx.now = () => new Date();
    const files = backups();
    assert.equal(files.length, 2);
    assert.ok(files.every((f) => /^lobby-\d{8}T\d{6}Z\.db$/.test(f)));
    assert.ok(!files.some((f) => f.endsWith('.part')));
  });

  test('a new hub started on a copy of the newest backup has the data', async () => {
    const marker = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/notices',
      {
        building: 'demo',
        title: 'Written before the last backup',
        body: 'x',
        category: 'safety',
        priority: 'high',
      },
      admin,
    );
    assert.equal(marker.status, 201);
    const r = await hub.api<Result>('POST', '/api/staff/jobs/backup/run', {}, admin);
    assert.equal(r.body.status, 'ok');
    const newest = backups().at(-1) ?? '';

    const dir = mkdtempSync(join(tmpdir(), 'lobby-restore-'));
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(hub.dataDir, 'backups', newest), join(dir, 'lobby.db'));
    const restored = await startTestHub({ dataDir: dir });
    try {
      const token = await restored.login();
      const notice = await restored.api<{ title: string }>(
        'GET',
        `/api/staff/notices/${marker.body.id}`,
        undefined,
        token,
      );
      assert.equal(notice.status, 200);
      assert.equal(notice.body.title, 'Written before the last backup');
      const original = await hub.api<unknown[]>(
        'GET',
        '/api/staff/buildings/demo/notices',
        undefined,
        admin,
      );
      const copy = await restored.api<unknown[]>(
        'GET',
        '/api/staff/buildings/demo/notices',
        undefined,
        token,
      );
      assert.deepEqual(copy.body, original.body);
      const write = await restored.api(
        'POST',
        '/api/staff/notices',
        {
          building: 'demo',
          title: 'The restored hub takes writes',
          body: 'x',
          category: 'service',
          priority: 'normal',
        },
        token,
      );
      assert.equal(write.status, 201);
    } finally {
      await restored.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
