import type { ComponentChildren } from 'preact';
import { useT } from './i18n.tsx';

// Every phone page: the building, a language switch, the content. No login, no menu.
export function Shell({ building, children }: { building: string; children: ComponentChildren }) {
  const { t, locale, setLocale } = useT();
  return (
    <>
      <header class="bar">
        <div>
          <strong>{t('app.station')}</strong>
          <span>{building}</span>
        </div>
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
