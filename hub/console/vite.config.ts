import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The staff console: one desktop page under /console/, served by the hub from dist/.
export default defineConfig({
  root: here('.'),
  base: '/console/',
  plugins: [preact()],
  resolve: {
    alias: [{ find: /^#shared\/(.*)$/, replacement: `${here('../../shared')}/$1.ts` }],
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
  },
});
