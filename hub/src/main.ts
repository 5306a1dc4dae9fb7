import { startHub } from './hub.ts';

const hub = await startHub();
const log = hub.ctx.log;
if (hub.adminPassword) {
  // Shown once, on the console of whoever started the hub; never logged as JSON.
  process.stdout.write(
    `\n  Staff console: ${hub.url}/console\n  Login: admin / ${hub.adminPassword}\n  (shown once; set ADMIN_PASSWORD to choose it)\n\n`,
  );
}
log.info({ url: hub.url }, 'hub started');

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping');
  await hub.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
