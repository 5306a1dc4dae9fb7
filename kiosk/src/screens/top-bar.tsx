import { useEffect, useState } from 'preact/hooks';
import type { KioskState } from '../data/store.ts';
import { formatTime, useWords } from '../ui/i18n.tsx';

interface Props {
  s: KioskState;
  atHome: boolean;
  onHome(): void;
  onLocale(): void;
  large: boolean;
  onLarge(): void;
}

export function TopBar({ s, atHome, onHome, onLocale, large, onLarge }: Props) {
  const w = useWords();
  const { t, locale } = w;
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const name = s.config?.buildingName ?? s.detail?.name ?? '';
  return (
    <header class="topbar">
      {atHome ? (
        <span class="brand-mark" aria-hidden="true" />
      ) : (
        <button type="button" class="btn btn-home" data-testid="home" onClick={onHome}>
          ‹ {t('nav.home')}
        </button>
      )}
      <div class="topbar-title">
        <strong>{t('app.station')}</strong>
        <span>{name}</span>
      </div>
      {s.link === 'offline' && (
        <span class="link-offline" role="status">
          {t('app.offline')}
        </span>
      )}
      <time class="clock" dateTime={now}>
        {formatTime(w, now, { month: 'numeric', day: 'numeric', weekday: 'short' })}{' '}
        <b>{formatTime(w, now, { hour: '2-digit', minute: '2-digit' })}</b>
      </time>
      <button
        type="button"
        class="btn btn-lang"
        data-testid="large-text"
        aria-pressed={large}
        onClick={onLarge}
      >
        {t('app.largeText')}
      </button>
      <button
        type="button"
        class="btn btn-lang"
        data-testid="language"
        lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
        onClick={onLocale}
      >
        {locale === 'zh-CN' ? 'English' : '中文'}
      </button>
    </header>
  );
}
