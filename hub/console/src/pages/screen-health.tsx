import { screenHealthSettings, type ScreenHealth } from '#shared/schemas/screen-health';
import { getScreenHealth, setOfflineLimit, subscribePresence } from '../data/devices.ts';
import { allowed } from '../data/session.ts';
import { useI18n, type I18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { TextField } from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';
import { useAsync, useSubscription } from '../ui/hooks.ts';
import { FormError } from '../ui/inputs.tsx';
import { PageHeader } from '../ui/layout.tsx';
import { fmtDateTime } from '../ui/time.ts';
import './screen-health.css';

const DAYS = 30;

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

// One bar for the window: a segment per online, offline or unrecorded span, to scale.
function Timeline(props: {
  screen: ScreenHealth;
  from: string;
  to: string;
  tz: string;
  t: I18n['t'];
}) {
  const { screen, t, tz } = props;
  const start = Date.parse(props.from);
  const length = Date.parse(props.to) - start;
  return (
    <div
      class="timeline"
      role="img"
      aria-label={t('health.summary', { uptime: percent(screen.uptime) })}
      data-testid={`timeline-${screen.id}`}
    >
      {screen.spans.map((s) => (
        <span
          key={s.from}
          class={`span ${s.state}`}
          data-state={s.state}
          style={{ width: `${((Date.parse(s.to) - Date.parse(s.from)) / length) * 100}%` }}
          title={`${t(`health.state.${s.state}`)}: ${fmtDateTime(s.from, tz)} – ${fmtDateTime(s.to, tz)}`}
        />
      ))}
    </div>
  );
}

function ScreenRow(props: { screen: ScreenHealth; from: string; to: string; tz: string }) {
  const { t } = useI18n();
  const { screen: s, tz } = props;
  return (
    <tr data-testid={`health-${s.id}`}>
      <td>
        <strong>{s.name || s.id}</strong> <span class="badge">{t(`device.kind.${s.kind}`)}</span>
        <div class="muted small">
          {s.floor ?? '—'}F / {s.bank ?? '—'}
        </div>
      </td>
      <td class="small">
        <span class={`badge ${s.online ? 'ok' : 'bad'}`}>
          {t(s.online ? 'device.online' : 'device.offline')}
        </span>{' '}
        {s.flagged && <span class="badge bad">{t('health.flagged')}</span>}
        <div class="muted">
          {s.since ? t('health.since', { time: fmtDateTime(s.since, tz) }) : t('health.neverSeen')}
        </div>
      </td>
      <td>{percent(s.uptime)}</td>
      <td class="health-history">
        <Timeline screen={s} from={props.from} to={props.to} tz={tz} t={t} />
      </td>
    </tr>
  );
}

function OfflineLimit(props: { building: string; minutes: number; onSaved: () => void }) {
  const { t } = useI18n();
  const f = useForm({ offlineAfterMinutes: String(props.minutes) });
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = f.check(screenHealthSettings, {
      offlineAfterMinutes: Number(f.values.offlineAfterMinutes),
    });
    if (!input) return;
    await f.save(() => setOfflineLimit(props.building, input.offlineAfterMinutes), props.onSaved);
  };
  return (
    <form class="card health-limit" onSubmit={submit} noValidate aria-label={t('health.limit')}>
      <TextField
        form={f}
        name="offlineAfterMinutes"
        id="health-limit"
        label={t('health.limit')}
        inputMode="numeric"
      />
      <button type="submit" class="primary" disabled={f.busy}>
        {t('form.save')}
      </button>
      <FormError error={f.errors.form} />
    </form>
  );
}

// Each screen's uptime over the last 30 days, and the ones offline past the building's limit.
export function ScreenHealthPage() {
  const { t } = useI18n();
  const b = useBuilding();
  const report = useAsync(() => getScreenHealth(b.id, DAYS), [b.id]);
  useSubscription(() => subscribePresence(b.id, report.reload), [b.id]);

  return (
    <>
      <PageHeader title={t('nav.screenHealth')} />
      <p class="muted">{t('health.intro', { days: DAYS })}</p>
      <Loaded state={report}>
        {(r) => {
          const flagged = r.screens.filter((s) => s.flagged).length;
          return (
            <>
              <p
                class={`badge ${flagged ? 'bad' : 'ok'} health-count`}
                data-testid="health-flagged"
              >
                {flagged
                  ? t('health.flaggedCount', { n: flagged, minutes: r.offlineAfterMinutes })
                  : t('health.allWell')}
              </p>
              {allowed('devices') && (
                <OfflineLimit
                  key={r.offlineAfterMinutes}
                  building={b.id}
                  minutes={r.offlineAfterMinutes}
                  onSaved={report.reload}
                />
              )}
              {r.screens.length === 0 ? (
                <p class="empty">{t('device.none')}</p>
              ) : (
                <table aria-label={t('nav.screenHealth')}>
                  <thead>
                    <tr>
                      <th>{t('device.name')}</th>
                      <th>{t('health.now')}</th>
                      <th>{t('health.uptime')}</th>
                      <th>{t('health.history', { days: DAYS })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.screens.map((s) => (
                      <ScreenRow key={s.id} screen={s} from={r.from} to={r.to} tz={b.timezone} />
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
