import type { ContentData } from '#shared/payloads';
import type { ContentTopic } from '#shared/topics';
import type { HubContext } from '../context.ts';
import { upcomingEvents } from '../services/events.ts';

// Builds the data of one content topic of one building, as screens get it; null clears
// the topic (an empty retained payload).
export type SnapshotBuilder<T extends ContentTopic> = (
  ctx: HubContext,
  building: string,
) => ContentData<T> | null;

type Builders = { [T in ContentTopic]: SnapshotBuilder<T> };

const EMPTY_COUNTERS = { received: 0, inProgress: 0, done: 0 };

// One builder per content topic. `playlists` and `board` answer an empty, valid snapshot
// until their parts register the real builder with registerSnapshot().
export const snapshotBuilders: Builders = {
  notices: (ctx, building) => ctx.store.notices.current(building, ctx.now().toISOString()),
  events: (ctx, building) =>
    upcomingEvents(ctx, building).map(({ description: _text, ...screen }) => screen),
  'event-texts': (ctx, building) =>
    upcomingEvents(ctx, building)
      .filter((e) => e.description !== '')
      .map((e) => ({ id: e.id, description: e.description })),
  contacts: (ctx, building) => ctx.store.contacts.list(building),
  playlists: () => ({ playlists: [], rules: [], defaultPlaylistId: null }),
  board: () => ({
    ...EMPTY_COUNTERS,
    declined: 0,
    satisfaction: null,
    byCategory: {},
    period: 'all',
  }),
  alert: (ctx, building) => {
    const a = ctx.store.alerts.get(building);
    return a ? { level: a.level, title: a.title, body: a.body, since: a.since } : null;
  },
};

// For the parts that own a topic's data: `registerSnapshot('board', (ctx, b) => …)`,
// at module load. The publisher uses the builder from the next publish on.
export function registerSnapshot<T extends ContentTopic>(topic: T, builder: SnapshotBuilder<T>) {
  (snapshotBuilders as Record<T, SnapshotBuilder<T>>)[topic] = builder;
}
