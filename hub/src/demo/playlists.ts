import { SYSTEM, type HubContext } from '../context.ts';
import { createPlaylist, createRule } from '../services/playlists.ts';

// The demo tower's screens: an everyday rotation, and a lunch-hour one on working days
// when the elevators are busiest (events to sign up for and the feedback QR up front).
export function seedDemoPlaylists(ctx: HubContext, building: string): void {
  createPlaylist(ctx, SYSTEM, {
    building,
    name: '日常轮播',
    isDefault: true,
    slides: [
      { id: 'notices', kind: 'notices', duration: 20 },
      { id: 'contacts', kind: 'contacts', duration: 20 },
      { id: 'events', kind: 'events', duration: 20 },
      { id: 'feedback', kind: 'feedback', duration: 15 },
      { id: 'board', kind: 'board', duration: 15 },
    ],
  });
  const lunch = createPlaylist(ctx, SYSTEM, {
    building,
    name: '午间时段',
    isDefault: false,
    slides: [
      { id: 'lunch-events', kind: 'events', duration: 15 },
      { id: 'lunch-feedback', kind: 'feedback', duration: 15 },
      { id: 'lunch-notices', kind: 'notices', duration: 15 },
      { id: 'lunch-board', kind: 'board', duration: 12 },
    ],
  });
  createRule(ctx, SYSTEM, {
    building,
    playlistId: lunch,
    groups: [],
    weekdays: [1, 2, 3, 4, 5],
    from: '11:30',
    to: '13:30',
    priority: 10,
  });
}
