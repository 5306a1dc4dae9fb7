import { useEffect, useState } from 'preact/hooks';
import { useDevice } from '#shared/device/hooks';
import { formatAt, useLocale, useT, useTimezone } from '../i18n.ts';

// The minute, kept by one timer set for the next minute boundary.
export function useMinute(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      const now = Date.now();
      timer = setTimeout(
        () => {
          setMinute(Math.floor(Date.now() / 60_000));
          arm();
        },
        60_000 - (now % 60_000),
      );
    };
    arm();
    return () => clearTimeout(timer);
  }, []);
  return minute;
}

// Building name and clock stay on screen whatever plays; a small mark says when the screen
// plays from what it holds because the hub is out of reach.
export function Header() {
  const { t } = useT();
  const locale = useLocale();
  const tz = useTimezone();
  const name = useDevice((s) => s.config?.data.buildingName ?? '');
  const online = useDevice((s) => s.online);
  const minute = useMinute() * 60_000;
  return (
    <header class="bar">
      <div class="bar-brand">
        <span class="brand-dot" aria-hidden="true" />
        <span class="bar-building" data-testid="building-name">
          {name || t('app.brand')}
        </span>
      </div>
      {!online && (
        <span class="offline-mark" data-testid="offline">
          {t('app.offline')}
        </span>
      )}
      <div class="bar-clock">
        <span class="bar-date">{formatAt(minute, 'date', locale, tz)}</span>
        <time class="bar-time" data-testid="clock">
          {formatAt(minute, 'time', locale, tz)}
        </time>
      </div>
    </header>
  );
}
