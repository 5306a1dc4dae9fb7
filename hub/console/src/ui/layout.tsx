import type { ComponentChildren } from 'preact';
import type { ConsoleKey } from '#shared/i18n/console';
import type { Permission } from '#shared/permissions';
import { isLoopbackUrl } from '#shared/public-url';
import { liveStatus } from '../data/live.ts';
import { prefs, setBuilding, setLocale } from '../data/prefs.ts';
import { allowed, logout, session } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { navigate, route } from '../router.ts';
import { useBuilding } from './building.tsx';
import { useObservable } from './hooks.ts';
import { Link } from './link.tsx';

interface NavItem {
  to: string;
  key: ConsoleKey;
  permission?: Permission;
}
const NAV: { section?: ConsoleKey; items: NavItem[] }[] = [
  { items: [{ to: '/', key: 'nav.dashboard' }] },
  {
    section: 'nav.content',
    items: [
      { to: '/notices', key: 'nav.notices' },
      { to: '/contacts', key: 'nav.contacts' },
      { to: '/events', key: 'nav.events' },
      { to: '/images', key: 'nav.images' },
    ],
  },
  {
    section: 'nav.scheduling',
    items: [
      { to: '/playlists', key: 'nav.playlists' },
      { to: '/rules', key: 'nav.rules' },
      { to: '/calendar', key: 'nav.calendar' },
      { to: '/preview', key: 'nav.preview' },
    ],
  },
  {
    section: 'nav.feedbackLoop',
    items: [
      { to: '/feedback', key: 'nav.board' },
      { to: '/lists', key: 'nav.lists' },
      { to: '/holidays', key: 'nav.holidays' },
    ],
  },
  {
    section: 'app.building',
    items: [
      { to: '/places', key: 'nav.places' },
      { to: '/devices', key: 'nav.devices' },
      { to: '/screen-health', key: 'nav.screenHealth' },
      { to: '/reports', key: 'nav.reports' },
    ],
  },
  {
    section: 'nav.system',
    items: [
      { to: '/users', key: 'nav.users', permission: 'users' },
      { to: '/audit', key: 'nav.audit', permission: 'users' },
      { to: '/jobs', key: 'nav.jobs' },
    ],
  },
];

const isCurrent = (to: string, path: string) =>
  to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`);

export function Layout(props: { children: ComponentChildren }) {
  const { t, v } = useI18n();
  const s = useObservable(session);
  const { path } = useObservable(route);
  const live = useObservable(liveStatus);
  const b = useBuilding();
  useObservable(prefs);
  const user = s.status === 'in' ? s.user : null;
  return (
    <div class="shell">
      <header class="topbar">
        <span class="brand">{t('app.title')}</span>
        {b.all.length > 1 ? (
          <select
            aria-label={t('app.building')}
            value={b.id}
            onChange={(e) => setBuilding(e.currentTarget.value)}
          >
            {b.all.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        ) : (
          <span class="building-name">{b.name}</span>
        )}
        <span class="spacer" />
        {allowed('alert') && (
          <button type="button" class="danger alert-button" onClick={() => navigate('/alert')}>
            {t('nav.alert')}
          </button>
        )}
        <span
          role="img"
          class={`live-dot ${live}`}
          title={live === 'down' ? t('app.offline') : t('app.live')}
          aria-label={live === 'up' ? t('app.live') : t('app.offline')}
        />
        <LanguageToggle />
        {user && (
          <Link to="/account" class="user" testId="current-user">
            {user.displayName} · {v(`role.${user.role}`)}
          </Link>
        )}
        <button type="button" class="ghost" onClick={() => void logout()}>
          {t('login.logout')}
        </button>
      </header>
      <nav class="sidebar" aria-label="console">
        {NAV.map((group, i) => {
          const items = group.items.filter((it) => !it.permission || allowed(it.permission));
          if (items.length === 0) return null;
          return (
            <div key={i} class="nav-group">
              {group.section && <h3>{t(group.section)}</h3>}
              {items.map((it) => (
                <Link key={it.to} to={it.to} current={isCurrent(it.to, path)}>
                  {t(it.key)}
                </Link>
              ))}
            </div>
          );
        })}
      </nav>
      <main class="content">
        {user && isLoopbackUrl(user.publicUrl) && (
          <p class="banner warn" role="status" data-testid="loopback-banner">
            {t('app.loopbackQr', { url: user.publicUrl })}
          </p>
        )}
        {props.children}
      </main>
    </div>
  );
}

export function PageHeader(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="page-header">
      <h1>{props.title}</h1>
      <div class="page-actions">{props.children}</div>
    </div>
  );
}

// Switches the console between Chinese and English (on the login page too).
export function LanguageToggle() {
  const { t, locale } = useI18n();
  return (
    <button
      type="button"
      class="ghost"
      onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('app.language')}
    </button>
  );
}
