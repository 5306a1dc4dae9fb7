import { useState } from 'preact/hooks';
import { walkinInput } from '#shared/schemas/events';
import {
  addWalkIn,
  attendanceOf,
  checkIn,
  getEvent,
  listRegistrations,
  subscribeRegistrations,
} from '../data/events.ts';
import { ApiFailure } from '../data/http.ts';
import { useI18n } from '../i18n.ts';
import { ticketFromScan } from '../logic/ticket-code.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { TextField } from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';
import { FormError } from '../ui/inputs.tsx';
import { useAsync, useSubscription } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { Scanner, canScan } from '../ui/scanner.tsx';
import { fmtDateTime, fmtTime } from '../ui/time.ts';

type Outcome = { tone: 'ok' | 'warn' | 'bad'; text: string };

export function CheckinPage(props: { params: Record<string, string> }) {
  const { t } = useI18n();
  const b = useBuilding();
  const id = Number(props.params.id);
  const event = useAsync(() => getEvent(id), [id]);
  const counts = useAsync(() => attendanceOf(id), [id]);
  const people = useAsync(() => listRegistrations(id), [id]);
  const refresh = () => (counts.reload(), people.reload());
  useSubscription(
    () => subscribeRegistrations(b.id, (e) => (e === null || e === id) && refresh()),
    [b.id, id],
  );
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [scanning, setScanning] = useState(false);
  const code = useForm({ ticket: '' });
  const walk = useForm({ name: '', company: '', phone: '', floor: '' });

  const admit = async (ticket: string) => {
    try {
      const r = await checkIn(ticket, id);
      setOutcome(
        r.already
          ? {
              tone: 'warn',
              text: t('checkin.already', { name: r.name, at: fmtTime(r.checkedInAt, b.timezone) }),
            }
          : { tone: 'ok', text: t('checkin.ok', { name: r.name }) },
      );
      code.setValues({ ticket: '' });
      refresh();
    } catch (e) {
      setOutcome({
        tone: 'bad',
        text: `${ticket}: ${e instanceof ApiFailure || e instanceof Error ? e.message : String(e)}`,
      });
    }
  };
  const submitCode = async (e: Event) => {
    e.preventDefault();
    const ticket = ticketFromScan(code.values.ticket);
    if (!ticket) return code.setErrors({ ticket: t('form.badFormat') });
    await admit(ticket);
  };
  const submitWalkIn = async (e: Event) => {
    e.preventDefault();
    const input = walk.check(walkinInput, {
      ...walk.values,
      floor: walk.values.floor ? Number(walk.values.floor) : undefined,
    });
    if (!input) return;
    const ok = await walk.run(async () => {
      await addWalkIn(id, input);
    });
    if (ok) {
      setOutcome({ tone: 'ok', text: t('checkin.ok', { name: input.name }) });
      walk.setValues({ name: '', company: '', phone: '', floor: '' });
      refresh();
    }
  };

  return (
    <Loaded state={event}>
      {(ev) => (
        <>
          <PageHeader title={t('checkin.title', { title: ev.title })}>
            <span class="muted">
              {fmtDateTime(ev.start, b.timezone)}–{fmtTime(ev.end, b.timezone)} · {ev.place}
            </span>
          </PageHeader>
          {counts.data && (
            <p class="stat" data-testid="attendance">
              {t('checkin.attendance', {
                checkedIn: counts.data.checkedIn,
                confirmed: counts.data.confirmed,
                walkIns: counts.data.walkIns,
                waitlisted: counts.data.waitlisted,
              })}
            </p>
          )}
          <div class="grid">
            <form class="card" onSubmit={submitCode} noValidate>
              <TextField
                form={code}
                name="ticket"
                id="ticket"
                label={t('checkin.ticket')}
                inputMode="numeric"
                autoComplete="off"
                autoFocus
              />
              <div class="row">
                <button type="submit" class="primary">
                  {t('checkin.submit')}
                </button>
                {canScan() ? (
                  !scanning && (
                    <button type="button" onClick={() => setScanning(true)}>
                      {t('checkin.scan')}
                    </button>
                  )
                ) : (
                  <span class="muted small">{t('checkin.noCamera')}</span>
                )}
              </div>
              {scanning && (
                <Scanner
                  onClose={() => setScanning(false)}
                  onCode={(text) => {
                    const ticket = ticketFromScan(text);
                    if (ticket) void admit(ticket);
                    else
                      setOutcome({
                        tone: 'bad',
                        text: `${t('form.badFormat')}: ${text.slice(0, 60)}`,
                      });
                  }}
                />
              )}
              {outcome && (
                <p class={`result ${outcome.tone}`} role="status" data-testid="checkin-result">
                  {outcome.text}
                </p>
              )}
            </form>
            <form class="card" onSubmit={submitWalkIn} noValidate aria-label={t('checkin.walkIn')}>
              <h2>{t('checkin.walkIn')}</h2>
              <div class="form-grid">
                {(['name', 'company', 'phone', 'floor'] as const).map((k) => (
                  <TextField
                    key={k}
                    form={walk}
                    name={k}
                    id={`w-${k}`}
                    label={t(k === 'floor' ? 'device.floor' : `contact.${k}`)}
                    type={k === 'floor' ? 'number' : k === 'phone' ? 'tel' : 'text'}
                  />
                ))}
              </div>
              <FormError error={walk.errors.form} />
              <button type="submit" disabled={walk.busy}>
                {t('checkin.addWalkIn')}
              </button>
            </form>
          </div>
          <h2 style={{ marginTop: '1.2rem' }}>{t('checkin.list')}</h2>
          <Loaded state={people}>
            {(list) => (
              <table aria-label={t('checkin.list')}>
                <thead>
                  <tr>
                    <th>{t('fb.ticket')}</th>
                    <th>{t('contact.name')}</th>
                    <th>{t('contact.company')}</th>
                    <th>{t('contact.phone')}</th>
                    <th>{t('checkin.status')}</th>
                    <th>{t('checkin.checkedIn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr key={r.ticket}>
                      <td>{r.ticket}</td>
                      <td>
                        {r.name} {r.captain && <span class="badge info">{t('reg.captain')}</span>}{' '}
                        {r.walkIn && <span class="badge">{t('checkin.walkIn')}</span>}
                      </td>
                      <td>{r.company}</td>
                      <td>{r.phone}</td>
                      <td>
                        {t(`reg.${r.status}`)}
                        {r.position !== null && ` #${r.position}`}
                      </td>
                      <td>
                        {r.checkedInAt ? (
                          <span class="badge ok">{fmtTime(r.checkedInAt, b.timezone)}</span>
                        ) : (
                          <span class="muted">{t('checkin.notYet')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Loaded>
        </>
      )}
    </Loaded>
  );
}
