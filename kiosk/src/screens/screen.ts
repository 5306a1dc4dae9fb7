import type { KioskState } from '../data/store.ts';

export const SCREENS = ['notices', 'directory', 'events', 'feedback', 'service'] as const;
export type ScreenName = 'home' | (typeof SCREENS)[number];

export interface ScreenProps {
  s: KioskState;
  go(screen: ScreenName): void;
}
