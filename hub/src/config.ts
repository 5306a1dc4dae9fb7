import { isIP } from 'node:net';
import { z } from 'zod';

// "10.0.0.7", "10.20.0.0/16", "::1", "fd00::/8".
function isAddressOrRange(entry: string): boolean {
  const [address = '', bits, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

const port = z.coerce.number().int().min(0).max(65535);

const env = z.object({
  PORT: port.default(8080),
  HOST: z.string().default('0.0.0.0'),
  MQTT_PORT: port.default(1883),
  MQTT_URL: z.url().optional(),
  // With MQTT_URL: the external broker's WebSocket listener, handed to browser screens at pairing.
  MQTT_WS_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  ADMIN_PASSWORD: z.string().min(10, 'ADMIN_PASSWORD needs at least 10 characters').optional(),
  // The address phones reach the hub at, for QR codes and links; defaults to this host and port.
  PUBLIC_URL: z.url().optional(),
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(0).default(1200),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO: z.enum(['0', '1']).default('1'),
  // The feedback loop: "not fixed" window, closing without a rating, and the working-day deadline.
  FEEDBACK_REOPEN_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  FEEDBACK_AUTOCLOSE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  FEEDBACK_DUE_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  // Scheduler: personal data of closed tickets and past events is purged after RETENTION_DAYS;
  // the nightly backup keeps BACKUPS_KEPT copies.
  RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  BACKUPS_KEPT: z.coerce.number().int().min(1).max(365).default(14),
  // HTTP clients that are too slow or silent are cut off (hub/src/http/server.ts says why
  // these values): headers within 20 s, a whole request (a 5 MB photo) within 120 s, and no
  // socket silent for 60 s.
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  // Proxies whose X-Forwarded-For/-Proto are believed (proxy-addr: 'loopback', addresses,
  // CIDR ranges, comma-separated). The client address feeds every per-address limit, and
  // -Proto the Secure cookie, so only a proxy named here may set them.
  TRUST_PROXY: z
    .string()
    .regex(/^[A-Za-z0-9.:/]+(\s*,\s*[A-Za-z0-9.:/]+)*$/, 'a comma-separated list of addresses')
    .default('loopback'),
  // Who may read /metrics: client addresses or CIDR ranges (comma-separated), and/or a
  // bearer token. Neither set: anyone who reaches the port, as before.
  METRICS_ALLOW: z
    .string()
    .refine(
      (v) => v.split(',').every((entry) => isAddressOrRange(entry.trim())),
      'a comma-separated list of addresses or CIDR ranges',
    )
    .optional(),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN needs at least 16 characters').optional(),
});

export interface Config {
  port: number;
  host: string;
  mqttPort: number;
  mqttUrl: string | undefined;
  mqttWsUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  publicUrl: string | undefined;
  publicRateLimit: number;
  logLevel: string;
  demo: boolean;
  feedbackReopenDays: number;
  feedbackAutoCloseDays: number;
  feedbackDueWorkingDays: number;
  retentionDays: number;
  backupsKept: number;
  httpHeadersTimeoutMs: number;
  httpRequestTimeoutMs: number;
  httpIdleTimeoutMs: number;
  trustProxy: string;
  metricsAllow: string | undefined;
  metricsToken: string | undefined;
}

export function configFromEnv(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    mqttPort: e.MQTT_PORT,
    mqttUrl: e.MQTT_URL,
    mqttWsUrl: e.MQTT_WS_URL,
    dataDir: e.DATA_DIR,
    adminPassword: e.ADMIN_PASSWORD,
    publicUrl: e.PUBLIC_URL,
    publicRateLimit: e.PUBLIC_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    demo: e.DEMO === '1',
    feedbackReopenDays: e.FEEDBACK_REOPEN_DAYS,
    feedbackAutoCloseDays: e.FEEDBACK_AUTOCLOSE_DAYS,
    feedbackDueWorkingDays: e.FEEDBACK_DUE_WORKING_DAYS,
    retentionDays: e.RETENTION_DAYS,
    backupsKept: e.BACKUPS_KEPT,
    httpHeadersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
    httpRequestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
    httpIdleTimeoutMs: e.HTTP_IDLE_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY,
    metricsAllow: e.METRICS_ALLOW,
    metricsToken: e.METRICS_TOKEN,
  };
}
