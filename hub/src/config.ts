import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const env = z.object({
  PORT: port.default(8080),
  HOST: z.string().default('0.0.0.0'),
  MQTT_PORT: port.default(1883),
  MQTT_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  ADMIN_PASSWORD: z.string().min(10, 'ADMIN_PASSWORD needs at least 10 characters').optional(),
  // The address phones reach the hub at, for QR codes and links; defaults to this host and port.
  PUBLIC_URL: z.url().optional(),
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(0).default(1200),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO: z.enum(['0', '1']).default('1'),
});

export interface Config {
  port: number;
  host: string;
  mqttPort: number;
  mqttUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  publicUrl: string | undefined;
  publicRateLimit: number;
  logLevel: string;
  demo: boolean;
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
    dataDir: e.DATA_DIR,
    adminPassword: e.ADMIN_PASSWORD,
    publicUrl: e.PUBLIC_URL,
    publicRateLimit: e.PUBLIC_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    demo: e.DEMO === '1',
  };
}
