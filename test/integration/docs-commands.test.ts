import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { readDoc, runnableBlocks } from '../helpers/docs.ts';
import { ADMIN_PASSWORD } from '../helpers/hub.ts';
import { spawnHub, type HubProcess } from '../helpers/hub-process.ts';

const run = promisify(execFile);

// Every command of the operator's guide marked runnable, run as written against a
// throwaway hub: `localhost:8080` is that hub, `$DATA_DIR` its data directory.
let hub: HubProcess;
let dataDir: string;
before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lobby-docs-'));
  hub = await spawnHub(dataDir);
});
after(async () => {
  await hub.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the operator guide has runnable commands, and each runs', async () => {
  const blocks = runnableBlocks(readDoc('docs/operator-guide.md'));
  assert.ok(blocks.length >= 4, `found ${blocks.length} runnable blocks`);
  for (const block of blocks) {
    const script = `set -euo pipefail\n${block.replaceAll('localhost:8080', `127.0.0.1:${hub.port}`)}`;
    try {
      await run('bash', ['-c', script], {
        env: { ...process.env, DATA_DIR: dataDir, ADMIN_PASSWORD },
        timeout: 60_000,
      });
    } catch (err) {
      assert.fail(
        `this block failed:\n${block}\n${String((err as { stderr?: string }).stderr ?? err)}`,
      );
    }
  }
});
