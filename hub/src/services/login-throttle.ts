// Failed logins slow the one who fails, never lock out the one who knows the password.
// Delays grow per account-and-address and per address, so a guesser at one address is
// held back after a few tries while the account's owner, from any other address, logs in
// at once. Failures on one account from anywhere only raise an alert (log and metric).
const MINUTE = 60_000;
const MAX_DELAY = 15 * MINUTE;
// Failures before the first delay: a person mistypes a few times; a whole office behind
// one address mistypes more.
const FREE = { pair: 5, address: 20 } as const;
const ALERT = { failures: 10, windowMs: 15 * MINUTE } as const;
// A key with no failure for this long is forgotten.
const FORGET_MS = 24 * 60 * MINUTE;

interface Failures {
  count: number;
  last: number;
  until: number;
}

class Backoff {
  private readonly keys = new Map<string, Failures>();
  private readonly free: number;

  constructor(free: number) {
    this.free = free;
  }

  // Milliseconds to wait before the next try counts.
  wait(key: string, now: number): number {
    const f = this.keys.get(key);
    return f ? Math.max(0, f.until - now) : 0;
  }

  // 1 s after the first failure past the free ones, doubling up to 15 minutes.
  fail(key: string, now: number): void {
    const f = this.keys.get(key);
    const count = f && now - f.last < FORGET_MS ? f.count + 1 : 1;
    const over = count - this.free;
    const delay = over > 0 ? Math.min(MAX_DELAY, 1000 * 2 ** (over - 1)) : 0;
    this.keys.set(key, { count, last: now, until: now + delay });
    if (this.keys.size > 10_000) this.sweep(now);
  }

  reset(key: string): void {
    this.keys.delete(key);
  }

  private sweep(now: number): void {
    for (const [k, f] of this.keys) if (now - f.last >= FORGET_MS) this.keys.delete(k);
  }
}

export interface LoginAlarm {
  account: string;
  failures: number;
}

export class LoginThrottle {
  private readonly pair = new Backoff(FREE.pair);
  private readonly address = new Backoff(FREE.address);
  private readonly perAccount = new Map<string, { start: number; count: number }>();

  // Seconds to wait before this account may be tried from this address; 0 when it may.
  waitSeconds(account: string, address: string, now: number): number {
    const ms = Math.max(
      this.pair.wait(`${account}@${address}`, now),
      this.address.wait(address, now),
    );
    return Math.ceil(ms / 1000);
  }

  // Counts a failure; answers an alarm the first time an account reaches ALERT.failures
  // failures (from any addresses) in ALERT.windowMs.
  failed(account: string, address: string, now: number): LoginAlarm | null {
    this.pair.fail(`${account}@${address}`, now);
    this.address.fail(address, now);
    let w = this.perAccount.get(account);
    if (!w || now - w.start >= ALERT.windowMs) {
      w = { start: now, count: 0 };
      this.perAccount.set(account, w);
      if (this.perAccount.size > 10_000) this.sweepAccounts(now);
    }
    w.count += 1;
    return w.count === ALERT.failures ? { account, failures: w.count } : null;
  }

  // The right password clears its own account-and-address; the address keeps its count, so
  // logging into one's own account does not buy more guesses at others.
  succeeded(account: string, address: string): void {
    this.pair.reset(`${account}@${address}`);
  }

  private sweepAccounts(now: number): void {
    for (const [k, w] of this.perAccount) {
      if (now - w.start >= ALERT.windowMs) this.perAccount.delete(k);
    }
  }
}
