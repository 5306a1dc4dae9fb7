// Gzipped JavaScript each phone page loads (its entry and every preloaded chunk), and the
// kiosk's total, from the last build (npm run build). The phone budget is 30 KB per page.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '../../kiosk/dist');
const BUDGET = 30 * 1024;

function assetsOf(html: string, ext: 'js' | 'css'): string[] {
  const re = new RegExp(`(?:src|href)="/kiosk/(assets/[^"]+\\.${ext})"`, 'g');
  return [...new Set([...html.matchAll(re)].map((m) => m[1] ?? ''))];
}

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function measure(htmlFile: string) {
  const html = readFileSync(join(DIST, htmlFile), 'utf8');
  const js = assetsOf(html, 'js').reduce((n, f) => n + gz(f), 0);
  const css = assetsOf(html, 'css').reduce((n, f) => n + gz(f), 0);
  return { js, css };
}

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('kiosk/dist is missing: run npm run build first');
  process.exit(1);
}
const rows: string[] = [];
let over = 0;
for (const page of readdirSync(join(DIST, 'phone'))
  .filter((f) => f.endsWith('.html'))
  .sort()) {
  const { js, css } = measure(join('phone', page));
  if (js > BUDGET) over++;
  rows.push(
    `phone ${page.padEnd(14)} js ${kb(js).padStart(9)}  css ${kb(css).padStart(8)}${js > BUDGET ? '  OVER BUDGET' : ''}`,
  );
}
const kiosk = measure('index.html');
rows.push(
  `kiosk ${'index.html'.padEnd(14)} js ${kb(kiosk.js).padStart(9)}  css ${kb(kiosk.css).padStart(8)}`,
);
console.log(rows.join('\n'));
console.log(
  `phone budget ${kb(BUDGET)} of gzipped JS per page: ${over === 0 ? 'all within' : `${over} over`}`,
);
