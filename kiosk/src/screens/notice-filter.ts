import type { Notice } from '#shared/schemas/notices';
import type { KioskState } from '../data/store.ts';

const RANK = { urgent: 0, high: 1, normal: 2 } as const;

// The snapshot holds upcoming notices too: a kiosk shows those valid now, for its own
// floor and group, the urgent first.
export function currentNotices(s: KioskState, now: Date): Notice[] {
  const at = now.toISOString();
  const c = s.config;
  // A demo kiosk has no placement: it shows every notice of the building.
  const forFloor = (n: Notice) =>
    !c || n.floors.length === 0 || (c.floor !== null && n.floors.includes(c.floor));
  const forGroup = (n: Notice) =>
    !c || n.groups.length === 0 || (c.group !== null && n.groups.includes(c.group));
  return s.notices
    .filter((n) => (!n.validFrom || n.validFrom <= at) && (!n.validTo || at < n.validTo))
    .filter((n) => forFloor(n) && forGroup(n))
    .sort((a, b) => RANK[a.priority] - RANK[b.priority] || b.updatedAt.localeCompare(a.updatedAt));
}
