import type { ComponentChildren } from 'preact';
import { useT } from './i18n.tsx';

// Every phone page: the building, "我的" (this phone's own tickets), large text and language
// switches, the content. No login, no menu.
export function Shell({
  building,
  large,
  onLarge,
  children,
}: {
  building: { id: string; name: string } | null;
  large: boolean;
  onLarge(): void;
  children: ComponentChildren;
}) {
  const { t, locale, setLocale } = useT();
  return (
    <>
      <header class="bar">
        <div>
          <strong>{t('app.station')}</strong>
          <span>{building?.name ?? ''}</span>
        </div>
        {building && (
          <a
            class="lang mine-link"
            href={`/me?b=${encodeURIComponent(building.id)}`}
            data-testid="mine-link"
          >
            {t('mine.title')}
          </a>
        )}
        <button
          type="button"
          class="lang"
          data-testid="large-text"
          aria-pressed={large}
          onClick={onLarge}
        >
          {t('app.largeText')}
        </button>
        <button
          type="button"
          class="lang"
          data-testid="language"
          onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {locale === 'zh-CN' ? 'English' : '中文'}
        </button>
      </header>
      <main>{children}</main>
    </>
  );
}
