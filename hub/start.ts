import { buildApps, describeBuild } from './app-builds.ts';

// `npm start` and the systemd unit: build the apps only if their sources changed, then run
// the hub. With the build current this is a hash of ~250 files, then the hub's own start.
process.stdout.write(describeBuild(await buildApps()));
await import('./src/main.ts');
