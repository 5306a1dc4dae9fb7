// Fixed-window counters kept in memory: enough for one hub, and forgotten on restart,
// which only ever errs on the side of letting a person back in.
export class Limiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;
  private readonly max: number;
  private readonly windowMs: number;

  constructor(max: number, windowMs: number) {
    this.max = max;
    this.windowMs = windowMs;
  }

  // Counts one attempt for key; false once the key is over its limit in this window.
  take(key: string, now = Date.now()): boolean {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      this.sweep(now);
      return this.max > 0;
    }
    w.count += 1;
    return w.count <= this.max;
  }

  blocked(key: string, now = Date.now()): boolean {
    const w = this.windows.get(key);
    return !!w && now - w.start < this.windowMs && w.count >= this.max;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  // Bounded memory: expired windows go, at most once per window length, so a stream of
  // new keys costs amortised O(1) instead of a scan per request.
  private sweep(now: number): void {
    if (this.windows.size < 10_000 || now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}
