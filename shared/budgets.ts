import type { ContentTopic } from './topics.ts';

// The most bytes (UTF-8, envelope included) a retained snapshot of each content topic may
// take. Devices drop a larger payload unread; the hub refuses a write that would push a
// snapshot past its budget (hub/src/publish/budget.ts), so a screen never silently loses
// a topic. Sized on the tallest real tower (Shanghai Tower: 127 floors, a captain each,
// the five liaisons, 60 live notices of ~300 Chinese characters, two events a day for
// two months); README "Snapshot budgets" has the measured sizes, all under half.
export const CONTENT_BUDGETS = {
  notices: 192 * 1024,
  events: 96 * 1024,
  'event-texts': 160 * 1024,
  contacts: 96 * 1024,
  playlists: 64 * 1024,
  board: 8 * 1024,
  alert: 8 * 1024,
} as const satisfies Record<ContentTopic, number>;

// A device's own retained config.
export const CONFIG_BUDGET = 8 * 1024;

// Bytes of a payload as it goes on the wire.
export const payloadBytes = (text: string): number => new TextEncoder().encode(text).length;
