import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDb } from '../../hub/src/store/db.ts';
import { startTestHub } from '../helpers/hub.ts';

const MIGRATIONS = join(import.meta.dirname, '../../hub/src/store/migrations');

test('migrations are numbered without gaps or repeats', () => {
  const names = readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  assert.ok(names.length >= 1);
  names.forEach((name, i) => {
    assert.match(name, /^\d{3}-[a-z0-9-]+\.sql$/);
    assert.equal(Number(name.slice(0, 3)), i + 1, `${name} is migration ${i + 1}`);
  });
});

test('an empty database gets every migration, once, in order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lobby-mig-'));
  try {
    const file = join(dir, 'lobby.db');
    const db = openDb(file);
    const applied = db
      .prepare<[], { name: string }>('SELECT name FROM schema_migrations ORDER BY name')
      .all();
    assert.deepEqual(
      applied.map((r) => r.name),
      readdirSync(MIGRATIONS)
        .filter((f) => f.endsWith('.sql'))
        .sort(),
    );
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    db.close();
    const again = openDb(file);
    assert.equal(
      again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() instanceof Object,
      true,
    );
    assert.equal(
      again.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM schema_migrations').get()?.n,
      applied.length,
    );
    again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a restart keeps the data and does not load the demo twice', async () => {
  const hub = await startTestHub();
  const admin = await hub.login();
  await hub.api(
    'POST',
    '/api/staff/notices',
    { building: 'demo', title: 'Kept', body: '', category: 'affairs', priority: 'normal' },
    admin,
  );
  const dataDir = hub.dataDir;
  await hub.close();
  const again = await startTestHub({ dataDir });
  try {
    const notices = await again.api<{ title: string }[]>(
      'GET',
      '/api/public/buildings/demo/notices',
    );
    assert.equal(notices.body.filter((n) => n.title === 'Kept').length, 1);
    const contacts = await again.api<unknown[]>('GET', '/api/public/buildings/demo/contacts');
    assert.equal(contacts.body.length, 24 + 6);
    assert.equal(again.adminPassword, null);
  } finally {
    await again.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('without ADMIN_PASSWORD a random admin password is made once and it works', async () => {
  const hub = await startTestHub({ adminPassword: undefined });
  try {
    assert.match(hub.adminPassword ?? '', /^[A-Za-z0-9_-]{16}$/);
    await hub.login('admin', hub.adminPassword ?? '');
  } finally {
    await hub.stop();
  }
});
