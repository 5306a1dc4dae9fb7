import type { Translate } from '#shared/i18n/index';
import type { PhoneKey } from '#shared/i18n/phone';

// A refusal, from the page's own checks or the hub's 400: the field it names and why.
export interface Problem {
  field: string;
  message: string;
}

export const errorFor = (p: Problem | null, field: string): string | undefined =>
  p && p.field === field ? p.message : undefined;

// Why an action on a follow or ticket page was refused: no network, the address locked
// out for a while after too many wrong links (429), or the hub's own reason.
export const refusal = (t: Translate<PhoneKey>, status: number, message: string): string =>
  status === 0 ? t('error.offline') : status === 429 ? t('busy.body') : message;
