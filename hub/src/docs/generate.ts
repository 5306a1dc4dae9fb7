import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub } from '../hub.ts';
import { mqttContractPage } from './mqtt-contract.ts';

// The pages written from code, by path under the repository: `npm run docs` writes them and
// the docs check fails while a committed copy differs.
export async function generatedDocs(): Promise<Record<string, string>> {
  return {
    'docs/mqtt-contract.md': mqttContractPage(),
    'docs/openapi.json': `${JSON.stringify(await servedOpenApi(), null, 2)}\n`,
  };
}

// The document exactly as a running hub serves it: an empty hub on loopback, then gone.
async function servedOpenApi(): Promise<unknown> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lobby-docs-'));
  const hub = await startHub({
    port: 0,
    host: '127.0.0.1',
    mqttPort: 0,
    dataDir,
    demo: false,
    logLevel: 'silent',
    adminPassword: 'docs-export-only',
    publicUrl: 'http://localhost:8080',
  });
  try {
    const res = await fetch(`${hub.url}/api/openapi.json`);
    return await res.json();
  } finally {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
