import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Locale } from '#shared/enums';
import { speak } from './data/http.ts';
import type { KioskStore } from './data/store.ts';
import { AlertOverlay } from './screens/alert-overlay.tsx';
import { DirectoryScreen } from './screens/directory.tsx';
import { EventsScreen } from './screens/events.tsx';
import { FeedbackScreen } from './screens/feedback.tsx';
import { HomeScreen } from './screens/home.tsx';
import { NoticesScreen } from './screens/notices.tsx';
import { ServiceScreen } from './screens/service.tsx';
import type { ScreenName } from './screens/screen.ts';
import { TopBar } from './screens/top-bar.tsx';
import { IdleWarning } from './screens/idle-warning.tsx';
import { IDLE_MS, IDLE_WARNING_MS, useIdle } from './ui/idle.ts';
import { useKeepFocus } from './ui/keep-focus.ts';
import { useLargeText } from './ui/large-text.ts';
import { words, WordsContext } from './ui/i18n.tsx';
import { useKiosk } from './ui/use-kiosk.ts';

interface Props {
  store: KioskStore;
  // The place feedback from this kiosk is tagged with (demo mode: ?place=).
  demoPlace: number | null;
}

export function App({ store, demoPlace }: Props) {
  const s = useKiosk(store);
  const defaultLocale: Locale = s.config?.locale ?? 'zh-CN';
  const [locale, setLocale] = useState<Locale>(defaultLocale);
  const [screen, setScreen] = useState<ScreenName>('home');
  // Bumping the visit remounts every screen: all typed text and picks are gone.
  const [visit, setVisit] = useState(0);
  // Large text is a visitor's choice, like the language: the idle reset takes it back.
  const [large, setLarge] = useState(false);
  useEffect(() => setLocale(defaultLocale), [defaultLocale]);
  useLargeText(large);

  const goHome = () => {
    setScreen('home');
    setVisit((v) => v + 1);
  };
  const main = useRef<HTMLElement>(null);
  const idleLeft = useIdle(IDLE_MS, IDLE_WARNING_MS, () => {
    goHome();
    setLocale(defaultLocale);
    setLarge(false);
  });
  // At home in the kiosk's own language there is nothing of a visitor's to forget.
  const visitor = screen !== 'home' || locale !== defaultLocale || large;
  useKeepFocus(main);
  // Escape is the keyboard's way home, as the home button is the finger's.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && screen !== 'home') goHome();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [screen]);

  const tz = s.detail?.timezone ?? s.config?.timezone ?? 'Asia/Shanghai';
  const w = useMemo(() => words(locale, tz), [locale, tz]);
  useEffect(() => speak(locale), [locale]);
  const place = s.config?.placeId ?? demoPlace;
  const props = { s, go: setScreen };
  const orientation = s.config?.orientation;

  return (
    <WordsContext.Provider value={w}>
      <div class="kiosk" data-orientation={orientation} lang={locale}>
        <TopBar
          s={s}
          atHome={screen === 'home'}
          onHome={goHome}
          onLocale={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
          large={large}
          onLarge={() => setLarge(!large)}
        />
        <main class="screen" key={`${visit}-${screen}`} ref={main} tabIndex={-1}>
          {screen === 'home' && <HomeScreen {...props} />}
          {screen === 'notices' && <NoticesScreen {...props} />}
          {screen === 'directory' && <DirectoryScreen {...props} />}
          {screen === 'events' && <EventsScreen {...props} />}
          {screen === 'feedback' && <FeedbackScreen {...props} place={place} />}
          {screen === 'service' && <ServiceScreen {...props} />}
        </main>
        {idleLeft !== null && visitor && !s.alert && <IdleWarning seconds={idleLeft} />}
        {s.alert && <AlertOverlay alert={s.alert} />}
      </div>
    </WordsContext.Provider>
  );
}
