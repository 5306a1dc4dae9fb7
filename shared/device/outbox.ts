import { z } from 'zod';
import { MAX_DEVICE_PAYLOAD, playedReport, type PlayedReport } from '../payloads.ts';
import { KEYS, type DeviceStorage } from './storage.ts';

// A day and a half of plays at 15 s a slide (about 1 MB); a screen offline longer keeps the newest.
const LIMIT = 8000;
const BATCH = 500;
// The hub drops any report over the device payload limit: batches stay well under it.
const BATCH_BYTES = MAX_DEVICE_PAYLOAD - 1024;

// Proof of play waits here, on disk, until the broker has acknowledged it. Each report
// carries an id made on the device, so sending one twice counts once at the hub.
export class Outbox {
  private items: PlayedReport[];
  private readonly inFlight = new Set<string>();
  private readonly storage: DeviceStorage;

  constructor(storage: DeviceStorage) {
    this.storage = storage;
    // Entry by entry: one torn or foreign entry must not cost the screen every play it holds.
    const stored = storage.load(KEYS.outbox, z.array(z.unknown())) ?? [];
    this.items = stored.flatMap((item) => {
      const parsed = playedReport.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }

  get size(): number {
    return this.items.length;
  }

  push(report: PlayedReport): void {
    this.items.push(report);
    if (this.items.length > LIMIT) this.items.splice(0, this.items.length - LIMIT);
    this.persist();
  }

  // The next batch not already on its way, marked as on its way.
  take(): PlayedReport[] {
    const batch: PlayedReport[] = [];
    let bytes = 2;
    for (const r of this.items) {
      if (this.inFlight.has(r.id)) continue;
      bytes += JSON.stringify(r).length + 1;
      if (batch.length >= BATCH || bytes > BATCH_BYTES) break;
      batch.push(r);
    }
    for (const r of batch) this.inFlight.add(r.id);
    return batch;
  }

  acknowledge(batch: PlayedReport[]): void {
    const done = new Set(batch.map((r) => r.id));
    for (const id of done) this.inFlight.delete(id);
    this.items = this.items.filter((r) => !done.has(r.id));
    this.persist();
  }

  // The connection dropped: whatever was on its way goes again on the next one.
  release(batch?: PlayedReport[]): void {
    if (!batch) this.inFlight.clear();
    else for (const r of batch) this.inFlight.delete(r.id);
  }

  private persist(): void {
    this.storage.save(KEYS.outbox, this.items);
  }
}

export function playId(startMs: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${startMs.toString(36)}-${hex}`;
}
