import { statSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../store/db.ts';

// One registry per hub, so tests can run several hubs in one process.
export function createMetrics(db: Db, dbFile: string) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'lobby_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'lobby_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: 'lobby_sqlite_file_bytes',
    help: 'Size of the SQLite database and its WAL',
    registers: [registry],
    collect() {
      const size = (f: string) => {
        try {
          return statSync(f).size;
        } catch {
          return 0;
        }
      };
      this.set(dbFile === ':memory:' ? 0 : size(dbFile) + size(`${dbFile}-wal`));
    },
  });
  new Gauge({
    name: 'lobby_sqlite_pages',
    help: 'Pages in the SQLite database',
    registers: [registry],
    collect() {
      this.set(Number(db.pragma('page_count', { simple: true })));
    },
  });
  const mqtt = {
    dropped: new Counter({
      name: 'lobby_mqtt_dropped_payloads_total',
      help: 'Device reports dropped: malformed, oversized, or from a device the hub does not know',
      labelNames: ['topic', 'reason'] as const,
      registers: [registry],
    }),
    refused: new Counter({
      name: 'lobby_mqtt_refusals_total',
      help: 'MQTT connects, subscribes and publishes refused by authentication or the ACL',
      labelNames: ['action'] as const,
      registers: [registry],
    }),
    published: new Counter({
      name: 'lobby_mqtt_snapshots_published_total',
      help: 'Retained content snapshots the hub published, by topic',
      labelNames: ['topic'] as const,
      registers: [registry],
    }),
    clients: new Gauge({
      name: 'lobby_mqtt_clients',
      help: 'Clients connected to the embedded broker',
      registers: [registry],
    }),
  };
  const login = {
    failed: new Counter({
      name: 'lobby_login_failures_total',
      help: 'Staff logins refused for a wrong username or password',
      registers: [registry],
    }),
    throttled: new Counter({
      name: 'lobby_login_throttled_total',
      help: 'Staff logins refused unchecked: the account and address, or the address, must wait',
      registers: [registry],
    }),
    alarms: new Counter({
      name: 'lobby_login_alarms_total',
      help: 'Times one account reached 10 failed logins in 15 minutes (someone may be guessing)',
      registers: [registry],
    }),
  };
  return { registry, requests, latency, mqtt, login };
}
export type Metrics = ReturnType<typeof createMetrics>;

export function instrument(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (req, reply) => {
    // The route pattern, not the URL, so label cardinality stays bounded.
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    metrics.latency.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
}
