import { CONTENT_BUDGETS, payloadBytes } from '#shared/budgets';
import type { TopicFill } from '#shared/schemas/snapshots';
import { CONTENT_TOPICS, type ContentTopic } from '#shared/topics';
import type { HubContext } from '../context.ts';
import { conflict } from '../errors.ts';
import { envelopeText } from './publisher.ts';
import { snapshotBuilders } from './snapshots.ts';

// A rev and a time as wide as any the hub will write, so a size measured now holds at publish.
const WIDEST_REV = Number.MAX_SAFE_INTEGER;
const WIDEST_AT = '2000-01-01T00:00:00.000Z';

// Bytes the topic's snapshot takes on the wire as the data stands (0 when it is cleared).
export function snapshotBytes(ctx: HubContext, building: string, topic: ContentTopic): number {
  const data = snapshotBuilders[topic](ctx, building);
  if (data === null) return 0;
  return payloadBytes(envelopeText(WIDEST_REV, WIDEST_AT, JSON.stringify(data)));
}

export function topicFill(ctx: HubContext, building: string): TopicFill[] {
  return CONTENT_TOPICS.map((topic) => ({
    topic,
    bytes: snapshotBytes(ctx, building, topic),
    budget: CONTENT_BUDGETS[topic],
  }));
}

const kb = (bytes: number) => Math.ceil(bytes / 1024);

// Called inside the write's transaction, after the write: a snapshot past its budget would
// be dropped by every device, so the write is refused (the transaction rolls back) with a
// message naming the field to shorten. `field` is the input field that grew it.
export function assertFits(
  ctx: HubContext,
  building: string,
  topic: ContentTopic,
  field: string,
): void {
  const bytes = snapshotBytes(ctx, building, topic);
  const budget = CONTENT_BUDGETS[topic];
  if (bytes <= budget) return;
  const params = { size: kb(bytes), budget: kb(budget), over: kb(bytes - budget) };
  throw conflict(field, BUDGET_KEYS[topic], params);
}

const BUDGET_KEYS = {
  notices: 'budgetNotices',
  events: 'budgetEvents',
  'event-texts': 'budgetEventTexts',
  contacts: 'budgetContacts',
  playlists: 'budgetPlaylists',
  board: 'budgetBoard',
  alert: 'budgetAlert',
} as const satisfies Record<ContentTopic, string>;

// What the publisher does with a snapshot that outgrew its budget with no write to refuse
// (events entering the 60-day window as days pass): the list loses its last items (the
// latest events, the oldest notices) until it fits, and the hub logs it.
export function trimToBudget(
  topic: ContentTopic,
  data: unknown,
): { json: string; dropped: number } {
  const budget = CONTENT_BUDGETS[topic];
  const fits = (json: string) => payloadBytes(envelopeText(WIDEST_REV, WIDEST_AT, json)) <= budget;
  let json = JSON.stringify(data);
  if (fits(json) || !Array.isArray(data)) return { json, dropped: 0 };
  const items: unknown[] = [...data];
  let dropped = 0;
  while (items.length > 0 && !fits(json)) {
    items.pop();
    dropped++;
    json = JSON.stringify(items);
  }
  return { json, dropped };
}
