import type { KioskState } from './store.ts';

// The address phones reach the hub at. A paired kiosk learns it from its feedback QR link
// (the hub's PUBLIC_URL); a demo kiosk is opened at it.
export function publicBase(s: KioskState): string {
  const fromConfig = s.config?.feedbackUrl?.replace(/\/q\/[^/]+$/, '');
  return fromConfig || location.origin;
}

export const contactLink = (base: string, id: number) => `${base}/c/${id}`;

// Hands a feedback over to the phone, to write it in Chinese: same building, place and category.
export function feedbackHandoffLink(
  base: string,
  building: string,
  place: number | null,
  category: string | null,
): string {
  const q = new URLSearchParams({ b: building });
  if (place !== null) q.set('place', String(place));
  if (category) q.set('c', category);
  return `${base}/f/new?${q.toString()}`;
}
