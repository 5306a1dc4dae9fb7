import { CONTENT_TOPICS, topics, type ContentTopic } from '#shared/topics';
import { PAYLOAD_VERSION, contentData } from '#shared/payloads';
import type { BrokerLink } from '../broker/link.ts';
import type { HubContext } from '../context.ts';
import type { Metrics } from '../http/metrics.ts';
import { trimToBudget } from './budget.ts';
import { snapshotBuilders } from './snapshots.ts';

// A building's topic is published at once on the first change, then at most once per
// window while changes keep coming, and once more after the last: 100 edits in a
// second make about twenty publishes, and the final state always goes out.
const WINDOW_MS = 50;

interface Window {
  dirty: boolean;
  timer: NodeJS.Timeout | null;
  immediate: NodeJS.Immediate | null;
}

const keyOf = (building: string, topic: ContentTopic) => `${building}\n${topic}`;

// The envelope of DESIGN.md around data already serialised, so large snapshots are not
// stringified twice.
export function envelopeText(rev: number, at: string, json: string): string {
  return `{"v":${PAYLOAD_VERSION},"rev":${rev},"at":${JSON.stringify(at)},"data":${json}}`;
}

// Turns content changes into retained full snapshots with growing revs, stored in
// SQLite so a restart re-publishes exactly what screens had.
export class Publisher {
  private readonly windows = new Map<string, Window>();
  private readonly inflight = new Set<Promise<void>>();
  private stopListening: (() => void) | null = null;
  private readonly ctx: HubContext;
  private readonly link: BrokerLink;
  private readonly metrics: Metrics['mqtt'];

  constructor(ctx: HubContext, link: BrokerLink, metrics: Metrics['mqtt']) {
    this.ctx = ctx;
    this.link = link;
    this.metrics = metrics;
  }

  start(): void {
    this.stopListening = this.ctx.changes.onChange((building, topic) => {
      this.changed(building, topic);
    });
    this.link.onReady(() => this.republishAll());
  }

  // Publishes what is still waiting and waits for the broker to take it.
  async stop(): Promise<void> {
    this.stopListening?.();
    for (const [key, w] of this.windows) {
      if (w.timer) clearTimeout(w.timer);
      if (w.immediate) clearImmediate(w.immediate);
      const [building, topic] = key.split('\n') as [string, ContentTopic];
      if (w.dirty) this.publish(building, topic);
    }
    this.windows.clear();
    await Promise.allSettled([...this.inflight]);
  }

  // The rev is taken when the snapshot goes out, not here: a burst of changes costs the
  // requests nothing, and a change that was written but never published (a crash in
  // between) is caught by republishAll at the next start, which finds the data changed.
  private changed(building: string, topic: ContentTopic): void {
    const key = keyOf(building, topic);
    const w = this.windows.get(key);
    if (w) {
      w.dirty = true;
      return;
    }
    // After the current tick, so the request answers first and same-tick changes join in.
    const fresh: Window = { dirty: true, timer: null, immediate: null };
    fresh.immediate = setImmediate(() => this.fire(key, building, topic));
    this.windows.set(key, fresh);
  }

  private fire(key: string, building: string, topic: ContentTopic): void {
    const w = this.windows.get(key);
    if (!w) return;
    w.immediate = null;
    w.timer = null;
    if (!w.dirty) {
      this.windows.delete(key);
      return;
    }
    w.dirty = false;
    this.publish(building, topic);
    w.timer = setTimeout(() => this.fire(key, building, topic), WINDOW_MS);
  }

  // Every snapshot of every building: unchanged ones go out again with their stored rev,
  // changed ones (or ones never published) with a new rev.
  republishAll(): void {
    for (const { id: building } of this.ctx.store.buildings.list()) {
      for (const topic of CONTENT_TOPICS) {
        const json = this.build(building, topic);
        if (json === undefined) continue;
        const row = this.ctx.store.snapshots.get(building, topic);
        if (row && row.data === json) {
          this.send(building, topic, row.rev, row.at, json);
        } else {
          this.publish(building, topic, json);
        }
      }
    }
  }

  // The topic's data as JSON, null to clear it, undefined when the builder failed.
  private build(building: string, topic: ContentTopic): string | null | undefined {
    try {
      if (!this.ctx.store.buildings.get(building)) return null;
      const data = snapshotBuilders[topic](this.ctx, building);
      if (data === null) return null;
      // Screens drop what does not match the contract; catch it here, where it can be fixed.
      const checked = contentData[topic].safeParse(data);
      if (!checked.success) {
        this.ctx.log.error({ building, topic, issues: checked.error.issues }, 'snapshot invalid');
        return undefined;
      }
      const { json, dropped } = trimToBudget(topic, checked.data);
      if (dropped > 0) this.ctx.log.error({ building, topic, dropped }, 'snapshot over budget');
      return json;
    } catch (err) {
      this.ctx.log.error({ err, building, topic }, 'snapshot not built');
      return undefined;
    }
  }

  private publish(building: string, topic: ContentTopic, prebuilt?: string | null): void {
    const json = prebuilt === undefined ? this.build(building, topic) : prebuilt;
    if (json === undefined) return;
    const at = this.ctx.now().toISOString();
    let rev: number;
    try {
      rev = this.ctx.store.snapshots.publish(building, topic, at, json);
    } catch (err) {
      this.ctx.log.error({ err, building, topic }, 'snapshot not recorded');
      return;
    }
    this.send(building, topic, rev, at, json);
  }

  private send(
    building: string,
    topic: ContentTopic,
    rev: number,
    at: string,
    json: string | null,
  ): void {
    const payload = json === null ? '' : envelopeText(rev, at, json);
    const done = this.link
      .publish(topics.content(building, topic), payload, true)
      .catch((err: unknown) => this.ctx.log.error({ err, building, topic }, 'publish failed'))
      .finally(() => this.inflight.delete(done));
    this.inflight.add(done);
    this.metrics.published.inc({ topic });
    this.ctx.live?.emit('content.published', { building, topic, rev, at });
  }
}
