import { existsSync } from 'node:fs';
import { build } from 'vite';

// Builds every front end that has a vite config; the hub serves their dist folders.
const APPS = ['signage', 'kiosk', 'hub/console'];

for (const app of APPS) {
  const config = `${app}/vite.config.ts`;
  if (!existsSync(config)) continue;
  await build({ configFile: config, logLevel: 'warn' });
}
