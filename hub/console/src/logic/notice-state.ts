export type NoticeState = 'active' | 'upcoming' | 'expired';

// Where a notice stands at `now` against its validity window.
export function noticeState(
  n: { validFrom: string | null; validTo: string | null },
  now: Date,
): NoticeState {
  const t = now.getTime();
  if (n.validTo && Date.parse(n.validTo) <= t) return 'expired';
  if (n.validFrom && Date.parse(n.validFrom) > t) return 'upcoming';
  return 'active';
}
