import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import QRCode from 'qrcode';
import { startTestHub } from '../helpers/hub.ts';

const mode = (path: string) => statSync(path).mode & 0o777;

// The data directory holds personal data: only the hub's user may read it, even when the
// hub is started with a careless umask. (This file runs in its own process, so the umask
// set here touches no other test.)
test('with umask 000 the data directory is 0700 and the database, backups and media 0600', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'lobby-perm-'));
  const before = process.umask(0);
  const dataDir = join(parent, 'data');
  const hub = await startTestHub({ dataDir });
  try {
    const admin = await hub.login();
    const backup = await hub.api<{ status: string }>(
      'POST',
      '/api/staff/jobs/backup/run',
      {},
      admin,
    );
    assert.equal(backup.body.status, 'ok');
    const png = await QRCode.toBuffer('https://example.org/perm', { width: 64 });
    const media = await fetch(`${hub.url}/api/staff/media`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${admin}` },
      body: new Uint8Array(png),
    });
    assert.equal(media.status, 201);

    assert.equal(mode(dataDir), 0o700, 'DATA_DIR');
    for (const f of ['lobby.db', 'lobby.db-wal', 'lobby.db-shm']) {
      assert.equal(mode(join(dataDir, f)), 0o600, f);
    }
    const backups = readdirSync(join(dataDir, 'backups'));
    assert.ok(backups.length > 0);
    for (const f of backups) assert.equal(mode(join(dataDir, 'backups', f)), 0o600, f);
    const stored = readdirSync(join(dataDir, 'media'));
    assert.ok(stored.length > 0);
    for (const f of stored) assert.equal(mode(join(dataDir, 'media', f)), 0o600, f);
  } finally {
    await hub.stop();
    process.umask(before);
    rmSync(parent, { recursive: true, force: true });
  }
});
