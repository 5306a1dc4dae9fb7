import { useDevice } from '#shared/device/hooks';
import { groupLabel } from '#shared/i18n/vocabulary';
import { useLocale, useT } from '../i18n.ts';

// `identify` from the console: the screen flashes its name and id for a few seconds, so
// staff standing in a lobby of six screens know which one they are configuring.
export function IdentifyOverlay() {
  const { t } = useT();
  const locale = useLocale();
  const until = useDevice((s) => s.identifyUntil);
  const config = useDevice((s) => s.config);
  const deviceId = useDevice((s) => s.credentials?.deviceId ?? '');
  if (until === null) return null;
  const c = config?.data;
  const placed = c && (c.floor !== null || c.bank !== null || c.group !== null);
  return (
    <div class="identify" data-testid="identify">
      <div class="identify-title">{t('identify.title')}</div>
      <div class="identify-name">{c?.name || deviceId}</div>
      <div class="identify-id">{deviceId}</div>
      <div class="identify-place">
        {placed
          ? t('identify.placement', {
              floor: c.floor ?? '–',
              bank: c.bank ?? '–',
              group: c.group ? groupLabel(locale, c.group) : '–',
            })
          : t('identify.unplaced')}
      </div>
    </div>
  );
}
