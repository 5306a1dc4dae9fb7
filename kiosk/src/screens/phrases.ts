import type { FeedbackCategory } from '#shared/enums';
import type { KioskKey } from '#shared/i18n/kiosk';

// Ready-made phrases per category: a Chinese sentence on a kiosk with no input method.
const PHRASES: Record<FeedbackCategory, KioskKey[]> = {
  parking: ['phrase.parking.1', 'phrase.parking.2', 'phrase.parking.3'],
  dining: ['phrase.dining.1', 'phrase.dining.2', 'phrase.dining.3'],
  elevator: ['phrase.elevator.1', 'phrase.elevator.2', 'phrase.elevator.3'],
  environment: ['phrase.environment.1', 'phrase.environment.2', 'phrase.environment.3'],
  facilities: ['phrase.facilities.1', 'phrase.facilities.2', 'phrase.facilities.3'],
  policy: ['phrase.policy.1', 'phrase.policy.2', 'phrase.policy.3'],
  activity: ['phrase.activity.1', 'phrase.activity.2', 'phrase.activity.3'],
  wish: ['phrase.wish.1', 'phrase.wish.2', 'phrase.wish.3'],
  other: ['phrase.other.1', 'phrase.other.2', 'phrase.other.3'],
};

export const phrasesOf = (c: FeedbackCategory): readonly KioskKey[] => PHRASES[c];
