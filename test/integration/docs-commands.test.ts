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

// Every command of the operator's guide and the MQTT contract marked runnable, run as written against a
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

const asWritten = (block: string) =>
  block
    .replaceAll('localhost:8080', `127.0.0.1:${hub.port}`)
    .replaceAll('-h localhost -p 1883', `-h 127.0.0.1 -p ${hub.mqttPort}`);

for (const [page, least] of [
  ['docs/operator-guide.md', 4],
  ['docs/mqtt-contract.md', 1],
] as const) {
  test(`${page}: every runnable command runs`, async () => {
    const blocks = runnableBlocks(readDoc(page));
    assert.ok(blocks.length >= least, `found ${blocks.length} runnable blocks`);
    for (const block of blocks) await runBlock(block);
  });
}

async function runBlock(block: string) {
  const script = `set -euo pipefail\n${asWritten(block)}`;
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
