import { useState } from 'preact/hooks';
import { ALERT_LEVELS } from '#shared/enums';
import { alertInput } from '#shared/schemas/alert';
import {
  clearAlert,
  getAlert,
  listDevices,
  raiseAlert,
  subscribeAlert,
  subscribePresence,
} from '../data/devices.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { Confirm } from '../ui/dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';
import { FormError } from '../ui/inputs.tsx';
import { useAsync, useSubscription } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { fmtDateTime } from '../ui/time.ts';

const TEMPLATES = [
  { level: 'warning', title: 'alert.tpl.fire', body: 'alert.tpl.fireBody' },
  { level: 'warning', title: 'alert.tpl.elevator', body: 'alert.tpl.elevatorBody' },
  { level: 'emergency', title: 'alert.tpl.weather', body: 'alert.tpl.weatherBody' },
] as const;

export function AlertPage() {
  const { t, v } = useI18n();
  const b = useBuilding();
  const alert = useAsync(() => getAlert(b.id), [b.id]);
  const devices = useAsync(() => listDevices(b.id), [b.id]);
  useSubscription(() => subscribeAlert(b.id, alert.reload), [b.id]);
  useSubscription(() => subscribePresence(b.id, devices.reload), [b.id]);
  const f = useForm({ level: 'emergency' as (typeof ALERT_LEVELS)[number], title: '', body: '' });
  const [asking, setAsking] = useState<'raise' | 'clear' | null>(null);
  const canRaise = allowed('alert');

  const ask = (e: Event) => {
    e.preventDefault();
    if (f.check(alertInput, f.values)) setAsking('raise');
  };
  const confirm = async () => {
    const which = asking;
    setAsking(null);
    await f.save(async () => {
      if (which === 'raise') {
        const input = alertInput.parse(f.values);
        await raiseAlert(b.id, input);
      } else await clearAlert(b.id);
    }, alert.reload);
  };

  return (
    <>
      <PageHeader title={t('alert.title')} />
      <div class="grid">
        <section class="card" aria-label={t('dash.alert')} data-testid="current-alert">
          <Loaded state={alert}>
            {(a) => {
              const screens = (devices.data ?? []).filter((d) => d.status === 'paired');
              if (!a.alert) return <p class="muted">{t('alert.none')}</p>;
              return (
                <>
                  <h2>{t('alert.current', { since: fmtDateTime(a.alert.since, b.timezone) })}</h2>
                  <div class={`screen alert-${a.alert.level}`}>
                    <span class="cat">{v(`alert.${a.alert.level}`)}</span>
                    <h3>{a.alert.title}</h3>
                    <p>{a.alert.body}</p>
                  </div>
                  <p data-testid="alert-rendered">
                    {t('alert.rendered', { n: a.shownBy.length, total: screens.length })}
                  </p>
                  <ul class="small">
                    {screens.map((d) => (
                      <li key={d.id}>
                        {d.name || d.id}:{' '}
                        {a.shownBy.includes(d.id) ? (
                          <span class="badge ok">{t('device.alertShown')}</span>
                        ) : (
                          <span class={`badge ${d.online ? 'warn' : 'bad'}`}>
                            {t('device.alertNotShown')}
                            {!d.online && ` · ${t('device.offline')}`}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                  {canRaise && (
                    <button type="button" class="primary" onClick={() => setAsking('clear')}>
                      {t('alert.clear')}
                    </button>
                  )}
                </>
              );
            }}
          </Loaded>
        </section>
        {canRaise && (
          <form class="card" onSubmit={ask} noValidate aria-label={t('alert.raise')}>
            <p class="row small">
              {t('alert.templates')}:
              {TEMPLATES.map((tpl) => (
                <button
                  key={tpl.title}
                  type="button"
                  class="small"
                  onClick={() =>
                    f.setValues({ level: tpl.level, title: t(tpl.title), body: t(tpl.body) })
                  }
                >
                  {t(tpl.title)}
                </button>
              ))}
            </p>
            <SelectField
              form={f}
              name="level"
              id="a-level"
              label={t('alert.level')}
              options={ALERT_LEVELS.map((l) => ({ value: l, label: v(`alert.${l}`) }))}
            />
            <TextField form={f} name="title" id="a-title" label={t('alert.heading')} />
            <TextAreaField form={f} name="body" id="a-body" label={t('alert.body')} />
            <FormError error={f.errors.form} />
            <button type="submit" class="danger" disabled={f.busy}>
              {t('alert.raise')}
            </button>
          </form>
        )}
      </div>
      <Confirm
        open={asking !== null}
        title={asking === 'clear' ? t('alert.clear') : t('alert.raise')}
        confirmLabel={asking === 'clear' ? t('alert.clear') : t('alert.raise')}
        danger={asking === 'raise'}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(null)}
      >
        <p>{asking === 'clear' ? t('alert.clearConfirm') : t('alert.confirm')}</p>
        {asking === 'raise' && (
          <div class={`screen alert-${f.values.level}`} style={{ aspectRatio: 'auto' }}>
            <h3>{f.values.title}</h3>
            <p>{f.values.body}</p>
          </div>
        )}
      </Confirm>
    </>
  );
}
