import type { FunctionComponent } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Permission } from '#shared/permissions';
import { allowed, checkSession, session } from './data/session.ts';
import { useI18n } from './i18n.ts';
import { AccountPage } from './pages/account.tsx';
import { AlertPage } from './pages/alert.tsx';
import { AuditPage } from './pages/audit.tsx';
import { CalendarPage } from './pages/calendar.tsx';
import { CheckinPage } from './pages/checkin.tsx';
import { ContactsPage } from './pages/contacts.tsx';
import { DashboardPage } from './pages/dashboard.tsx';
import { DevicesPage } from './pages/devices.tsx';
import { ScreenHealthPage } from './pages/screen-health.tsx';
import { EventsPage } from './pages/events.tsx';
import { FeedbackBoardPage } from './pages/feedback-board.tsx';
import { HolidaysPage } from './pages/holidays.tsx';
import { ImagesPage } from './pages/images.tsx';
import { JobsPage } from './pages/jobs.tsx';
import { ListsPage } from './pages/three-lists.tsx';
import { LoginPage } from './pages/login.tsx';
import { NoticesPage } from './pages/notices.tsx';
import { PlacesPage } from './pages/places.tsx';
import { PlaylistsPage } from './pages/playlists.tsx';
import { PosterPage } from './pages/poster.tsx';
import { CaptainCardPage } from './pages/captain-card.tsx';
import { PreviewPage } from './pages/preview.tsx';
import { ReportsPage } from './pages/reports.tsx';
import { RulesPage } from './pages/rules.tsx';
import { TicketPage } from './pages/ticket.tsx';
import { UsersPage } from './pages/users.tsx';
import { match, route } from './router.ts';
import { BuildingProvider } from './ui/building.tsx';
import { Toasts } from './ui/dialog.tsx';
import { useObservable } from './ui/hooks.ts';
import { Layout } from './ui/layout.tsx';

type Page = FunctionComponent<{ params: Record<string, string> }>;
const ROUTES: { path: string; page: Page; permission?: Permission; bare?: boolean }[] = [
  { path: '/', page: DashboardPage },
  { path: '/notices', page: NoticesPage },
  { path: '/contacts', page: ContactsPage },
  { path: '/contacts/:id/card', page: CaptainCardPage, permission: 'content', bare: true },
  { path: '/events', page: EventsPage },
  { path: '/events/:id/checkin', page: CheckinPage, permission: 'checkin' },
  { path: '/images', page: ImagesPage },
  { path: '/playlists', page: PlaylistsPage },
  { path: '/rules', page: RulesPage },
  { path: '/calendar', page: CalendarPage },
  { path: '/preview', page: PreviewPage },
  { path: '/alert', page: AlertPage },
  { path: '/feedback', page: FeedbackBoardPage },
  { path: '/feedback/:ticket', page: TicketPage },
  { path: '/lists', page: ListsPage },
  { path: '/holidays', page: HolidaysPage },
  { path: '/places', page: PlacesPage },
  { path: '/places/:id/poster', page: PosterPage, bare: true },
  { path: '/devices', page: DevicesPage },
  { path: '/screen-health', page: ScreenHealthPage },
  { path: '/reports', page: ReportsPage },
  { path: '/users', page: UsersPage, permission: 'users' },
  { path: '/audit', page: AuditPage, permission: 'users' },
  { path: '/jobs', page: JobsPage },
  { path: '/account', page: AccountPage },
];

function Routed() {
  const { t } = useI18n();
  const { path } = useObservable(route);
  for (const r of ROUTES) {
    const params = match(r.path, path);
    if (!params) continue;
    const Page = r.page;
    const body =
      r.permission && !allowed(r.permission) ? (
        <p class="page-message">{t('app.forbidden')}</p>
      ) : (
        <Page params={params} />
      );
    // Posters print on their own, without the console around them.
    return r.bare ? <main class="bare">{body}</main> : <Layout>{body}</Layout>;
  }
  return (
    <Layout>
      <p class="page-message">{t('app.notFound')}</p>
    </Layout>
  );
}

export function App() {
  const { t, locale } = useI18n();
  const s = useObservable(session);
  useEffect(() => {
    void checkSession().catch(() => session.set({ status: 'out' }));
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);
  return (
    <>
      {s.status === 'checking' && <p class="page-message">{t('app.loading')}</p>}
      {s.status === 'out' && <LoginPage />}
      {s.status === 'in' && (
        <BuildingProvider>
          <Routed />
        </BuildingProvider>
      )}
      <Toasts />
    </>
  );
}
