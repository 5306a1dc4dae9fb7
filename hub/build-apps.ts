import { buildApps, describeBuild } from './app-builds.ts';

// `npm run build`: builds the apps whose sources changed since their last build;
// `npm run build -- --force` builds all three.
const report = await buildApps({ force: process.argv.includes('--force') });
process.stdout.write(describeBuild(report));
