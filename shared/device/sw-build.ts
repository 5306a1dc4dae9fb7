import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Plugin } from 'vite';

const SOURCE = fileURLToPath(new URL('sw.ts', import.meta.url));

// The service worker is its own small script at a fixed URL (its scope is the app's base),
// built from sw.ts after the bundle exists so it can precache every file of this build. The
// font's slices (~100 files, 4.6 MB) get a list of their own: their hashed names outlive
// builds, so a new build does not fetch them again.
export function deviceServiceWorker(app: 'signage' | 'kiosk', base: string): Plugin {
  return {
    name: `${app}-service-worker`,
    apply: 'build',
    // After the HTML plugin, so index.html is in the bundle and in the list.
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const files = Object.keys(bundle).sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const urls = (keep: (f: string) => boolean) =>
        JSON.stringify(files.filter(keep).map((f) => base + f));
      const source = readFileSync(SOURCE, 'utf8')
        .replace('__PRECACHE__;', `${urls((f) => !f.endsWith('.woff2'))};`)
        .replace('__FONTS__;', `${urls((f) => f.endsWith('.woff2'))};`)
        .replace('__APP__', app)
        .replace('__VERSION__', version);
      const { code } = await transformWithOxc(source, 'sw.ts');
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}
