import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { deviceServiceWorker } from '../shared/device/sw-build.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const pkg = JSON.parse(readFileSync(here('../package.json'), 'utf8')) as { version: string };
const BASE = '/signage/';

export default defineConfig({
  root: here('.'),
  base: BASE,
  plugins: [preact(), deviceServiceWorker('signage', BASE)],
  define: {
    __SIGNAGE_VERSION__: JSON.stringify(`${pkg.version}+${Date.now().toString(36)}`),
  },
  resolve: {
    alias: [{ find: /^#shared\/(.*)$/, replacement: `${here('../shared')}/$1.ts` }],
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Everything the screen needs is in the precache; nothing is inlined twice.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
