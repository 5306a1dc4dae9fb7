import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const pkg = JSON.parse(readFileSync(here('../package.json'), 'utf8')) as { version: string };
const BASE = '/signage/';

// The service worker is its own small script at a fixed URL (its scope is /signage/), built
// from src/sw.ts after the bundle exists so it can precache every file of this build. The
// font's slices (~100 files, 4.6 MB) get a list of their own: their hashed names outlive
// builds, so a new build does not fetch them again.
function serviceWorker(): Plugin {
  return {
    name: 'signage-service-worker',
    apply: 'build',
    // After the HTML plugin, so index.html is in the bundle and in the list.
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const files = Object.keys(bundle).sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const urls = (keep: (f: string) => boolean) =>
        JSON.stringify(files.filter(keep).map((f) => BASE + f));
      const source = readFileSync(here('src/sw.ts'), 'utf8')
        .replace('__PRECACHE__;', `${urls((f) => !f.endsWith('.woff2'))};`)
        .replace('__FONTS__;', `${urls((f) => f.endsWith('.woff2'))};`)
        .replace('__VERSION__', version);
      const { code } = await transformWithOxc(source, 'sw.ts');
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: BASE,
  plugins: [preact(), serviceWorker()],
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
