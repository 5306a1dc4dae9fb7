import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { send } from '../data/api.ts';
import type { TicketPage } from '../data/page-data.ts';
import { remember } from '../data/mine.ts';
import { registrationView } from '../data/schemas.ts';
import { useT, when } from '../ui/i18n.tsx';
import { refusal } from '../ui/problem.ts';
import { QrImage } from '../ui/qr.tsx';
import { KeepLink } from './keep-link.tsx';

const ok = z.object({ ok: z.literal(true) });

// The registration's private page: its QR for the door, calendar, cancel, reconfirmation.
export function Ticket({ data }: { data: TicketPage }) {
  const w = useT();
  const { t, v } = w;
  const [view, setView] = useState(data.view);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const e = view.event;
  const secret = encodeURIComponent(data.secret);
  const path = `/api/public/registrations/${view.ticket}`;
  const live = view.status !== 'cancelled';
  // Only a confirmed seat gets in at the door: a waiting ticket shows no check-in QR.
  const seated = view.status === 'confirmed';
  useEffect(
    () =>
      remember({
        kind: 'registration',
        ticket: view.ticket,
        url: data.url,
        title: e.title,
        start: e.start,
        status: view.status,
      }),
    [view.status],
  );
  const reconfirmOpen =
    view.status === 'confirmed' &&
    view.reconfirmedAt === null &&
    Date.now() >= Date.parse(view.reconfirmFrom) &&
    Date.now() < Date.parse(e.start);

  const failed = (status: number, message: string) => setError(refusal(t, status, message));
  const cancel = async () => {
    setBusy(true);
    const r = await send('DELETE', `${path}?secret=${secret}`, ok);
    setBusy(false);
    setConfirming(false);
    if (r.ok) setView({ ...view, status: 'cancelled', position: null });
    else failed(r.error.status, r.error.message);
  };
  const reconfirm = async () => {
    setBusy(true);
    const r = await send('POST', `${path}/reconfirm`, registrationView, { secret: data.secret });
    setBusy(false);
    if (r.ok) setView(r.data);
    else failed(r.error.status, r.error.message);
  };

  return (
    <div class="stack">
      <section class="card center" aria-labelledby="ticket-title">
        <p class={`status status-${view.status}`} data-testid="registration-status">
          {view.status === 'confirmed'
            ? t('ticket.confirmed')
            : view.status === 'waitlisted'
              ? t('ticket.waitlisted', { n: view.position ?? 0 })
              : t('ticket.cancelled')}
        </p>
        <h1 id="ticket-title">{e.title}</h1>
        <p>
          {when(w, e.start)}–{when(w, e.end, false)} · {e.place}
        </p>
        <p class="hint">{v(`event.${e.kind}`)}</p>
        {seated && <QrImage qr={data.qr} label={t('ticket.qr')} size={240} />}
        <p class="ticket-no" data-testid="ticket-number">
          {view.ticket}
        </p>
        <p>
          {view.name} · {view.phone}
          {view.captain && ` · ${t('ticket.captain')}`}
        </p>
        {view.checkedInAt && (
          <p class="notice">{t('ticket.checkedIn', { time: when(w, view.checkedInAt) })}</p>
        )}
        {seated && <p class="hint">{t('ticket.door')}</p>}
        {view.status === 'waitlisted' && (
          <p class="notice" data-testid="waitlist-hint">
            {t('ticket.waitlist.hint')}
          </p>
        )}
      </section>

      {reconfirmOpen && (
        <section class="card" aria-labelledby="reconfirm-title">
          <h2 id="reconfirm-title">{t('ticket.reconfirm.title')}</h2>
          <p class="hint">{t('ticket.reconfirm.body')}</p>
          <button
            type="button"
            class="btn btn-primary"
            disabled={busy}
            onClick={() => void reconfirm()}
          >
            {t('ticket.keep')}
          </button>
        </section>
      )}
      {view.reconfirmedAt && <p class="card">{t('ticket.reconfirmed')}</p>}

      {live && (
        <section class="card stack">
          <a class="btn" href={`${path}/ics?secret=${secret}`} download>
            {t('ticket.calendar')}
          </a>
          {confirming ? (
            <div class="confirm" role="alertdialog" aria-labelledby="cancel-q">
              <p id="cancel-q">{t('ticket.cancel.confirm')}</p>
              <div class="row">
                <button
                  type="button"
                  class="btn btn-danger"
                  disabled={busy}
                  onClick={() => void cancel()}
                >
                  {t('ticket.cancel.yes')}
                </button>
                <button type="button" class="btn" onClick={() => setConfirming(false)}>
                  {t('ticket.cancel.no')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" class="btn btn-quiet" onClick={() => setConfirming(true)}>
              {t('ticket.cancel')}
            </button>
          )}
        </section>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {!live && (
        <a class="btn btn-primary" href={`/e?b=${encodeURIComponent(data.building.id)}`}>
          {t('ticket.backToEvents')}
        </a>
      )}
      {live && (
        <section class="card">
          <h2>{t('follow.keep')}</h2>
          <KeepLink url={data.url} />
        </section>
      )}
    </div>
  );
}
