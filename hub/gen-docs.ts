import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedDocs } from './src/docs/generate.ts';

// `npm run docs`: rewrites the generated pages of docs/ (the MQTT contract, the OpenAPI document).
const root = fileURLToPath(new URL('..', import.meta.url));
for (const [path, text] of Object.entries(await generatedDocs())) {
  writeFileSync(root + path, text);
  process.stdout.write(`wrote ${path}\n`);
}
