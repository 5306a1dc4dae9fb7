import { render, type FunctionComponent } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type * as z from 'zod/mini';
import type { Locale } from '#shared/enums';
import { speak } from './data/api.ts';
import { readPageData } from './data/page-data.ts';
import { locale as localeSchema } from './data/schemas.ts';
import { phoneWords, PhoneWordsContext, useT } from './ui/i18n.tsx';
import { Shell } from './ui/shell.tsx';
import { useLargeText } from '../ui/large-text.ts';
import './styles/base.css';
import './styles/forms.css';
import './styles/follow.css';

const LOCALE_KEY = 'lobby.locale';
const LARGE_KEY = 'lobby.largeText';

// localStorage throws in some private modes: then a choice lasts for this page only.
function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: nothing to remember it in.
  }
}

function storedLocale(): Locale | null {
  const parsed = localeSchema.safeParse(stored(LOCALE_KEY));
  return parsed.success ? parsed.data : null;
}

interface Base {
  locale: Locale;
  tz: string;
  building: { id: string; name: string };
}

// Reads the page's inlined data and renders the page; data that does not fit the page
// gets the plain "wrong link" message, never a stack.
export function mount<S extends z.ZodMiniType<Base>>(
  schema: S,
  Page: FunctionComponent<{ data: z.infer<S> }>,
): void {
  const data = readPageData(schema);
  const root = document.getElementById('app');
  if (root) render(<Root data={data} Page={Page} />, root);
}

function Root<D extends Base>({
  data,
  Page,
}: {
  data: D | null;
  Page: FunctionComponent<{ data: D }>;
}) {
  const [locale, setLocale] = useState<Locale>(
    () => storedLocale() ?? data?.locale ?? (/^en\b/i.test(navigator.language) ? 'en' : 'zh-CN'),
  );
  // Large text is remembered on the phone: it is one person's own device.
  const [large, setLarge] = useState(() => stored(LARGE_KEY) === '1');
  useLargeText(large);
  const words = useMemo(() => {
    speak(locale);
    return phoneWords(locale, data?.tz ?? 'Asia/Shanghai', (l) => {
      store(LOCALE_KEY, l);
      document.documentElement.lang = l;
      setLocale(l);
    });
  }, [locale, data?.tz]);
  return (
    <PhoneWordsContext.Provider value={words}>
      <Shell
        building={data?.building ?? null}
        large={large}
        onLarge={() => {
          store(LARGE_KEY, large ? '0' : '1');
          setLarge(!large);
        }}
      >
        {data ? <Page data={data} /> : <BrokenLink />}
      </Shell>
    </PhoneWordsContext.Provider>
  );
}

function BrokenLink() {
  const { t } = useT();
  return (
    <section class="card" data-testid="broken-link">
      <h1>{t('broken.title')}</h1>
      <p>{t('broken.body')}</p>
    </section>
  );
}
