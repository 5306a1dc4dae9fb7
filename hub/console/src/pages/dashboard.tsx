import { isOpen } from '#shared/feedback-lifecycle';
import { OPEN_STATUSES } from '#shared/feedback-lifecycle';
import { getAlert, listDevices, subscribeAlert, subscribePresence } from '../data/devices.ts';
import { listEvents, subscribeRegistrations } from '../data/events.ts';
import { listFeedback, subscribeFeedbackChanges } from '../data/feedback.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { useAsync, useNow, useSubscription } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { Link } from '../ui/link.tsx';
import { ago, fmtDate, fmtDateTime, fmtTime, todayIn, zoneName } from '../ui/time.ts';
import { DueBadge } from './feedback-parts.tsx';

export function DashboardPage() {
  const { t, v, locale } = useI18n();
  const b = useBuilding();
  const now = useNow();
  const devices = useAsync(() => listDevices(b.id), [b.id]);
  const events = useAsync(() => listEvents(b.id), [b.id]);
  const feedback = useAsync(() => listFeedback(b.id, { open: true, limit: 500 }), [b.id]);
  const alert = useAsync(() => getAlert(b.id), [b.id]);
  useSubscription(() => subscribePresence(b.id, devices.reload), [b.id]);
  useSubscription(() => subscribeAlert(b.id, alert.reload), [b.id]);
  useSubscription(() => subscribeFeedbackChanges(b.id, feedback.reload), [b.id]);
  useSubscription(() => subscribeRegistrations(b.id, events.reload), [b.id]);
  const today = todayIn(b.timezone, now);

  return (
    <>
      <PageHeader title={t('nav.dashboard')}>
        <span class="muted small">{t('form.timezone', { tz: zoneName(b.timezone, locale) })}</span>
      </PageHeader>
      <div class="grid">
        <section class="card" aria-labelledby="dash-alert" data-testid="dash-alert">
          <h2 id="dash-alert">{t('dash.alert')}</h2>
          <Loaded state={alert}>
            {(a) =>
              a.alert ? (
                <div class={`screen alert-${a.alert.level}`} style={{ aspectRatio: 'auto' }}>
                  <span class="cat">
                    {v(`alert.${a.alert.level}`)} · {fmtDateTime(a.alert.since, b.timezone)}
                  </span>
                  <h3>{a.alert.title}</h3>
                  <Link to="/alert" class="button small">
                    {t('alert.rendered', {
                      n: a.shownBy.length,
                      total: devices.data?.filter((d) => d.status === 'paired').length ?? '?',
                    })}
                  </Link>
                </div>
              ) : (
                <p class="muted">{t('dash.noAlert')}</p>
              )
            }
          </Loaded>
        </section>

        <section class="card" aria-labelledby="dash-devices" data-testid="dash-devices">
          <h2 id="dash-devices">{t('dash.devices')}</h2>
          <Loaded state={devices}>
            {(list) => {
              const paired = list.filter((d) => d.status === 'paired');
              const online = paired.filter((d) => d.online).length;
              if (paired.length === 0) return <p class="muted">{t('dash.noDevices')}</p>;
              return (
                <>
                  <p class="row">
                    <span class="badge ok">{t('dash.online', { n: online })}</span>
                    <span class={`badge ${paired.length - online ? 'bad' : ''}`}>
                      {t('dash.offline', { n: paired.length - online })}
                    </span>
                  </p>
                  <table>
                    <tbody>
                      {[...paired]
                        .sort(
                          (x, y) =>
                            Number(x.online) - Number(y.online) || x.name.localeCompare(y.name),
                        )
                        .slice(0, 8)
                        .map((d) => (
                          <tr key={d.id}>
                            <td>{d.name || d.id}</td>
                            <td>
                              <span class={`badge ${d.online ? 'ok' : 'bad'}`}>
                                {t(d.online ? 'device.online' : 'device.offline')}
                              </span>
                            </td>
                            <td class="muted small" title={fmtDateTime(d.lastSeenAt, b.timezone)}>
                              {t('dash.lastSeen')} {ago(d.lastSeenAt, locale, now)}
                            </td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </>
              );
            }}
          </Loaded>
        </section>

        <section class="card" aria-labelledby="dash-events" data-testid="dash-events">
          <h2 id="dash-events">{t('dash.today')}</h2>
          <Loaded state={events}>
            {(list) => {
              const todays = list.filter((e) => fmtDate(e.start, b.timezone) === today);
              if (todays.length === 0) return <p class="muted">{t('dash.noEvents')}</p>;
              return (
                <table>
                  <tbody>
                    {todays.map((e) => (
                      <tr key={e.id}>
                        <td class="num">{fmtTime(e.start, b.timezone)}</td>
                        <td>
                          {e.title}
                          <div
                            class="bar"
                            title={t('dash.fill', { confirmed: e.confirmed, capacity: e.capacity })}
                          >
                            <span
                              style={{
                                width: `${Math.min(100, (100 * e.confirmed) / e.capacity)}%`,
                              }}
                            />
                          </div>
                        </td>
                        <td class="num small">
                          {t('dash.fill', { confirmed: e.confirmed, capacity: e.capacity })}
                        </td>
                        <td>
                          <Link to={`/events/${e.id}/checkin`} class="button small">
                            {t('event.checkin')}
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              );
            }}
          </Loaded>
        </section>

        <section class="card wide" aria-labelledby="dash-feedback" data-testid="dash-feedback">
          <h2 id="dash-feedback">{t('dash.feedback')}</h2>
          <Loaded state={feedback}>
            {(list) => {
              const open = list.filter((f) => isOpen(f.status));
              if (open.length === 0) return <p class="muted">{t('dash.noFeedback')}</p>;
              const overdue = open.filter((f) => f.overdue).length;
              const sorted = [...open].sort(
                (x, y) =>
                  Number(y.overdue) - Number(x.overdue) ||
                  (x.dueAt ?? '9').localeCompare(y.dueAt ?? '9'),
              );
              return (
                <>
                  <p class="row">
                    {OPEN_STATUSES.map((s) => (
                      <span key={s} class="badge">
                        {v(`status.${s}`)} {open.filter((f) => f.status === s).length}
                      </span>
                    ))}
                    {overdue > 0 && (
                      <span class="badge bad">{t('dash.overdueCount', { n: overdue })}</span>
                    )}
                  </p>
                  <table>
                    <tbody>
                      {sorted.slice(0, 8).map((f) => (
                        <tr key={f.ticket}>
                          <td class="nowrap">
                            <Link to={`/feedback/${f.ticket}`}>{f.ticket}</Link>
                          </td>
                          <td class="clamp">{f.text}</td>
                          <td class="nowrap">{v(`status.${f.status}`)}</td>
                          <td class="nowrap">
                            <DueBadge ticket={f} now={now} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              );
            }}
          </Loaded>
        </section>
      </div>
    </>
  );
}
