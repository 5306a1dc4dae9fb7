import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
import { deviceServiceWorker } from '../shared/device/sw-build.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Phone pages are small separate entries: each loads only its own code. They are built on
// their own, after the kiosk, so no chunk is shared with the kiosk's MQTT client or full zod.
// The hub serves them at /q, /f, /t, /e, /c and /me with their data inlined.
export const PHONE_PAGES = [
  'feedback',
  'follow',
  'event',
  'ticket',
  'contact',
  'place',
  'mine',
] as const;

const common = (input: Record<string, string>, emptyOutDir: boolean): UserConfig => ({
  root: here('.'),
  base: '/kiosk/',
  plugins: [preact()],
  resolve: {
    alias: [{ find: /^#shared\/(.*)$/, replacement: `${here('../shared')}/$1.ts` }],
  },
  build: {
    outDir: here('dist'),
    emptyOutDir,
    // WeChat's built-in browser lags behind Chrome on older Android phones.
    target: 'es2019',
    rollupOptions: { input },
  },
});

function phonePages(): Plugin {
  return {
    name: 'lobby-phone-pages',
    apply: 'build',
    async closeBundle() {
      const input = Object.fromEntries(PHONE_PAGES.map((p) => [p, here(`phone/${p}.html`)]));
      await build({ configFile: false, logLevel: 'warn', ...common(input, false) });
    },
  };
}

const kiosk = common({ kiosk: here('index.html') }, true);
// The kiosk loads once from the hub on the building network and then runs for weeks;
// mqtt.js and the full schemas make up most of its ~160 KB gzipped.
kiosk.build = { ...kiosk.build, chunkSizeWarningLimit: 800 };
// The kiosk's service worker is the signage's (shared/device/sw.ts): it starts with no hub.
export default defineConfig({
  ...kiosk,
  plugins: [...(kiosk.plugins ?? []), deviceServiceWorker('kiosk', '/kiosk/'), phonePages()],
});
