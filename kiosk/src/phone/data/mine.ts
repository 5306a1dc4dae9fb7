import * as z from 'zod/mini';
import { FEEDBACK_CATEGORIES, FEEDBACK_STATUSES, REGISTRATION_STATUSES } from '#shared/enums';

// What this phone registered for and reported, kept in its own browser: no login, no account,
// nothing on the hub that ties the entries together. The "my" page (/me) lists them.
const KEY = 'lobby.mine';
// Enough for a year of a busy tower; the oldest go first.
const MAX = 60;

const registration = z.object({
  kind: z.literal('registration'),
  ticket: z.string(),
  url: z.string(),
  title: z.string(),
  start: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
});
const feedback = z.object({
  kind: z.literal('feedback'),
  ticket: z.string(),
  url: z.string(),
  category: z.enum(FEEDBACK_CATEGORIES),
  createdAt: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
});
const entry = z.discriminatedUnion('kind', [registration, feedback]);
export type MineEntry = z.infer<typeof entry>;

// Entries that no longer fit the schema (an older page's) are dropped one by one, not all.
export function readMine(): MineEntry[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((x) => {
      const parsed = entry.safeParse(x);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}

// Keeps the newest view of an entry (a new secret after a captain upgrade, a new status).
export function remember(e: MineEntry): void {
  const rest = readMine().filter((x) => !(x.kind === e.kind && x.ticket === e.ticket));
  try {
    localStorage.setItem(KEY, JSON.stringify([e, ...rest].slice(0, MAX)));
  } catch {
    // Private mode or a full store: the page still works, it just is not listed on /me.
  }
}
