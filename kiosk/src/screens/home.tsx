import { currentNotices } from './notice-filter.ts';
import { dayAndTime, useWords } from '../ui/i18n.tsx';
import { TileIcon } from './icons.tsx';
import { SCREENS, type ScreenProps } from './screen.ts';

export function HomeScreen({ s, go }: ScreenProps) {
  const w = useWords();
  const { t } = w;
  const notices = currentNotices(s, new Date());
  const next = s.events[0];
  const hint: Record<(typeof SCREENS)[number], string> = {
    notices: notices[0]?.title ?? t('home.notices.none'),
    directory: t('home.directory.hint', { floors: s.detail?.floors.length ?? 0 }),
    events: next ? `${dayAndTime(w, next.start)} · ${next.title}` : t('home.events.none'),
    feedback: s.board
      ? t('home.feedback.board', { received: s.board.received, done: s.board.done })
      : t('home.feedback.hint'),
    service: t('home.service.hint'),
  };
  return (
    <div class="home">
      <h1 class="home-welcome">{t('home.welcome')}</h1>
      <nav class="tiles" aria-label={t('home.welcome')}>
        {SCREENS.map((name) => (
          <button
            type="button"
            key={name}
            class={`tile tile-${name}`}
            data-testid={`tile-${name}`}
            onClick={() => go(name)}
          >
            <TileIcon name={name} />
            <span class="tile-title">{t(`nav.${name}`)}</span>
            {name === 'notices' && notices.length > 1 ? (
              <ul class="tile-list">
                {notices.slice(0, 5).map((n) => (
                  <li key={n.id} class={`priority-${n.priority}`}>
                    {n.title}
                  </li>
                ))}
              </ul>
            ) : (
              <span class="tile-hint">{hint[name]}</span>
            )}
          </button>
        ))}
      </nav>
    </div>
  );
}
