import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { topics } from '#shared/topics';
import type { HubContext } from '../context.ts';
import { deviceGrants } from './acl.ts';
import type { HubCredential } from './credentials.ts';

// Mosquitto 2's password hash ($7$: PBKDF2-SHA512, 12-byte salt, 64-byte key), so the
// hub can write a password file mosquitto_passwd would have written. Tokens are
// 192 random bits: mosquitto_passwd's own 101 iterations are plenty.
export function mosquittoHash(secret: string, iterations = 101): string {
  const salt = randomBytes(12);
  const key = pbkdf2Sync(secret, salt, iterations, 64, 'sha512');
  return `$7$${iterations}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export const mosquittoDir = (dataDir: string) => resolve(dataDir, 'mosquitto');
// Below mosquittoDir: Mosquitto's own persistence file.
const STATE_DIR = 'state';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function listeners(ctx: HubContext): string[] {
  const lines: string[] = [];
  const tcp = new URL(ctx.config.mqttUrl ?? 'mqtt://0.0.0.0:1883');
  // Loopback stays loopback; any other host means "listen where the devices are".
  const bind = LOOPBACK.has(tcp.hostname) ? ` ${tcp.hostname.replace(/^\[|\]$/g, '')}` : '';
  lines.push(`listener ${tcp.port || '1883'}${bind}`);
  if (ctx.config.mqttWsUrl) {
    const ws = new URL(ctx.config.mqttWsUrl);
    lines.push(
      `listener ${ws.port || (ws.protocol === 'wss:' ? '443' : '80')}`,
      'protocol websockets',
    );
  }
  return lines;
}

export type MosquittoFiles = { 'mosquitto.conf': string; passwd: string; acl: string };

// Renders mosquitto.conf, passwd and acl from the device table. The hub's own hash is
// made once per process so rewriting the files for a device change keeps it stable.
export function mosquittoExport(ctx: HubContext, credential: HubCredential) {
  const hubHash = mosquittoHash(credential.password);
  const dir = mosquittoDir(ctx.config.dataDir);

  function render(): MosquittoFiles {
    const devices = ctx.store.devices
      .active()
      .filter((d): d is typeof d & { building_id: string; mqtt_hash: string } =>
        Boolean(d.building_id && d.mqtt_hash),
      );
    const conf = [
      '# Mosquitto for the Lobby hub. Written by the hub from its device table: do not edit.',
      '# The hub rewrites passwd and acl when a device is paired, moved or revoked; reload',
      '# Mosquitto then (SIGHUP): it disconnects clients whose login is gone.',
      'per_listener_settings false',
      'allow_anonymous false',
      `password_file ${join(dir, 'passwd')}`,
      `acl_file ${join(dir, 'acl')}`,
      ...listeners(ctx),
      '# Sessions outlive a restart of Mosquitto: device reports (proof of play) sent while',
      "# the hub is away wait in the hub's session until it is back. Mosquitto's user must be",
      '# able to write the state directory. Retained snapshots are re-published by the hub.',
      'persistence true',
      `persistence_location ${join(dir, STATE_DIR)}/`,
      'autosave_interval 60',
      'set_tcp_nodelay true',
      '# Set deliberately: the default 1000 silently dropped QoS 1 messages in a burst,',
      '# and the hub alone receives every report of a fleet reconnecting at once.',
      'max_inflight_messages 20',
      'max_queued_messages 100000',
      'max_queued_bytes 67108864',
      '# Device reports are at most 16 KB; snapshots can reach a few hundred KB.',
      'max_packet_size 8388608',
      '',
    ].join('\n');
    const passwd = [
      `${credential.username}:${hubHash}`,
      ...devices.map((d) => `${d.id}:${d.mqtt_hash}`),
      '',
    ].join('\n');
    const acl = [
      '# The hub and staff tools (its login): every topic of every building.',
      `user ${credential.username}`,
      `topic readwrite ${topics.buildingAll('+')}`,
      '',
      ...devices.flatMap((d) => {
        const g = deviceGrants(d.id, d.building_id);
        return [
          `user ${d.id}`,
          ...g.subscribe.map((t) => `topic read ${t}`),
          ...g.publish.map((t) => `topic write ${t}`),
          '',
        ];
      }),
    ].join('\n');
    return { 'mosquitto.conf': conf, passwd, acl };
  }

  return {
    directory: dir,
    render,
    // Each file replaced whole (write, then rename), so Mosquitto never reads half of one.
    write(): void {
      const files = render();
      // Group-writable, so Mosquitto's user (in the directory's group) can save its state.
      mkdirSync(join(dir, STATE_DIR), { recursive: true, mode: 0o770 });
      for (const [name, text] of Object.entries(files)) {
        const target = join(dir, name);
        writeFileSync(`${target}.tmp`, text, { mode: 0o640 });
        renameSync(`${target}.tmp`, target);
      }
    },
  };
}
export type MosquittoExport = ReturnType<typeof mosquittoExport>;
