import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');

export interface AppBuild {
  name: string;
  // The app's folder: its vite.config.ts, sources, and dist/ once built.
  dir: string;
}

// The three front ends the hub serves from their dist folders.
export const APP_BUILDS: AppBuild[] = [
  { name: 'signage', dir: 'signage' },
  { name: 'kiosk', dir: 'kiosk' },
  { name: 'console', dir: 'hub/console' },
];

// What a build reads besides its own folder: shared/ (schemas, i18n), and the root files
// that pin every dependency's version (the lockfile stands for node_modules) and the
// package version signage shows.
export const COMMON_INPUTS = ['shared', 'package.json', 'package-lock.json', 'tsconfig.json'];

// Written into dist/ after a build: the hash of the inputs it was built from.
export const STAMP = '.build-inputs';

const SKIP = new Set(['dist', 'node_modules']);

function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { withFileTypes: true })
    .filter((e) => !SKIP.has(e.name))
    .flatMap((e) => filesUnder(root, join(path, e.name)));
}

// A content hash of every input of one app's build: paths and bytes, in a fixed order, so
// a changed, added, removed or renamed file changes it and a touched one does not.
export function inputsHash(root: string, app: AppBuild): string {
  const hash = createHash('sha256');
  const files = [app.dir, ...COMMON_INPUTS].flatMap((p) => filesUnder(root, p));
  for (const file of files.sort()) {
    const bytes = readFileSync(join(root, file));
    hash.update(`${file.split(sep).join('/')}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

const stampFile = (root: string, app: AppBuild) => join(root, app.dir, 'dist', STAMP);

// An app needs a build when its dist has no page, or was built from other inputs.
export function isCurrent(root: string, app: AppBuild, hash: string): boolean {
  const stamp = stampFile(root, app);
  return (
    existsSync(join(root, app.dir, 'dist', 'index.html')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8').trim() === hash
  );
}

export interface BuildReport {
  built: string[];
  reused: string[];
}

// Builds each app whose inputs changed since its last build (every app with force), and
// leaves the others: a restart with unchanged sources starts the hub in seconds instead of
// running Vite three times (47 s on a busy machine).
export async function buildApps(
  opts: { force?: boolean; root?: string; apps?: AppBuild[] } = {},
): Promise<BuildReport> {
  const { force = false, root = ROOT, apps = APP_BUILDS } = opts;
  const report: BuildReport = { built: [], reused: [] };
  for (const app of apps) {
    const config = join(root, app.dir, 'vite.config.ts');
    if (!existsSync(config)) continue;
    const hash = inputsHash(root, app);
    if (!force && isCurrent(root, app, hash)) {
      report.reused.push(app.name);
      continue;
    }
    // Vite is loaded only when something is built: importing it takes ~0.7 s of CPU.
    const { build } = await import('vite');
    await build({ configFile: config, logLevel: 'warn' });
    writeFileSync(stampFile(root, app), `${hash}\n`);
    report.built.push(app.name);
  }
  return report;
}

export function describeBuild(report: BuildReport): string {
  const parts = [];
  if (report.built.length) parts.push(`built ${report.built.join(', ')}`);
  if (report.reused.length) parts.push(`reused ${report.reused.join(', ')} (sources unchanged)`);
  return `apps: ${parts.join('; ') || 'none to build'}\n`;
}
