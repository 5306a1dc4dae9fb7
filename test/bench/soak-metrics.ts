// What the soak benchmark reads from the hub's /metrics (prom-client's default metrics and
// the hub's own, hub/src/http/metrics.ts). Not a benchmark itself.

export interface HubMetrics {
  rss: number;
  heapUsed: number;
  // Event-loop delay over the interval since the previous scrape (prom-client resets it).
  lagP99: number;
  lagMax: number;
  cpuSeconds: number;
  // Time spent in garbage collection since start, all kinds.
  gcSeconds: number;
  // MQTT clients connected to the embedded broker.
  clients: number;
  // Snapshots published since start.
  published: number;
  // Since start: 5xx answers, device reports dropped, MQTT actions refused.
  serverErrors: number;
  dropped: number;
  refused: number;
  errors: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)$/;

export async function readMetrics(url: string): Promise<HubMetrics> {
  const res = await fetch(`${url}/metrics`);
  if (!res.ok) throw new Error(`/metrics: ${res.status}`);
  const sums = new Map<string, number>();
  let serverErrors = 0;
  for (const line of (await res.text()).split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [, name = '', labels = '', text = ''] = m;
    const value = Number(text);
    if (!Number.isFinite(value)) continue;
    sums.set(name, (sums.get(name) ?? 0) + value);
    if (name === 'lobby_http_requests_total' && /status="5\d\d"/.test(labels)) {
      serverErrors += value;
    }
  }
  const get = (name: string) => sums.get(name) ?? 0;
  const dropped = get('lobby_mqtt_dropped_payloads_total');
  const refused = get('lobby_mqtt_refusals_total');
  return {
    rss: get('process_resident_memory_bytes'),
    heapUsed: get('nodejs_heap_size_used_bytes'),
    lagP99: get('nodejs_eventloop_lag_p99_seconds'),
    lagMax: get('nodejs_eventloop_lag_max_seconds'),
    cpuSeconds: get('process_cpu_seconds_total'),
    gcSeconds: get('nodejs_gc_duration_seconds_sum'),
    clients: get('lobby_mqtt_clients'),
    published: get('lobby_mqtt_snapshots_published_total'),
    serverErrors,
    dropped,
    refused,
    errors: serverErrors + dropped + refused,
  };
}
