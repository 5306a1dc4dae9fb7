import { useState } from 'preact/hooks';
import type { PublicEvent, RegistrationInput } from '#shared/schemas/events';
import type { ApiFailure } from '../data/http.ts';
import { register } from '../data/registrations.ts';
import { dayAndTime, timeOnly, useWords } from '../ui/i18n.tsx';
import { QrCode } from '../ui/qr-code.tsx';
import { availability } from './event-status.ts';
import { SeatsLine } from './events.tsx';
import { RegisterForm } from './register-form.tsx';
import type { ScreenProps } from './screen.ts';

interface Props extends ScreenProps {
  event: PublicEvent;
  onBack(): void;
}

type Ticket = {
  ticket: string;
  url: string;
  status: 'confirmed' | 'waitlisted';
  position?: number;
};

export function EventDetail({ s, event: e, onBack }: Props) {
  const w = useWords();
  const { t } = w;
  const [mode, setMode] = useState<'detail' | 'form'>('detail');
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const a = availability(e, new Date());

  const submit = async (input: RegistrationInput) => {
    setBusy(true);
    const r = await register(e.id, input);
    setBusy(false);
    if (r.ok) setTicket(r.data);
    else setError(r.error);
  };

  if (ticket) {
    return (
      <section class="ticket-done" data-testid="registration-done" aria-live="polite">
        <h1>
          {ticket.status === 'confirmed' ? t('register.confirmed') : t('register.waitlisted')}
        </h1>
        {ticket.position !== undefined && ticket.status === 'waitlisted' && (
          <p class="big">{t('register.position', { n: ticket.position })}</p>
        )}
        <p>{e.title}</p>
        <p class="ticket-number">
          {t('register.ticket')} <b data-testid="ticket-number">{ticket.ticket}</b>
        </p>
        <QrCode text={ticket.url} label={t('register.ticketQr')} size={300} testId="ticket-qr" />
        <p>
          {ticket.status === 'confirmed'
            ? t('register.ticketQr.caption')
            : t('register.ticketQr.waitCaption')}
        </p>
        <button type="button" class="btn btn-primary" onClick={onBack}>
          {t('common.done')}
        </button>
      </section>
    );
  }

  return (
    <section class="event-detail split" aria-labelledby="event-title">
      <div class="split-list">
        <button type="button" class="btn btn-quiet" onClick={onBack}>
          ‹ {t('events.back')}
        </button>
        <p class="badge">{w.v(`event.${e.kind}`)}</p>
        <h1 id="event-title">{e.title}</h1>
        <p class="meta">
          {dayAndTime(w, e.start)}–{timeOnly(w, e.end)}
        </p>
        <p class="meta">{e.place}</p>
        <SeatsLine event={e} />
        {e.description && <p class="body">{e.description}</p>}
        {mode === 'form' && (
          <figure class="phone-handoff small">
            <QrCode text={e.registrationUrl} label={t('events.phoneQr')} size={180} />
            <figcaption>{t('events.phoneQr.caption')}</figcaption>
          </figure>
        )}
        {(a === 'open' || a === 'waitlist') && mode === 'detail' && (
          <div class="row">
            <button
              type="button"
              class="btn btn-primary"
              data-testid="register-here"
              onClick={() => setMode('form')}
            >
              {a === 'open' ? t('events.registerHere') : t('events.joinWaitlist')}
            </button>
          </div>
        )}
      </div>
      <div class="split-detail">
        {mode === 'form' ? (
          <RegisterForm
            floors={s.detail?.floors ?? []}
            busy={busy}
            error={error}
            onSubmit={(input) => void submit(input)}
            onCancel={() => {
              setMode('detail');
              setError(null);
            }}
          />
        ) : (
          <figure class="phone-handoff">
            <QrCode text={e.registrationUrl} label={t('events.phoneQr')} size={280} />
            <figcaption>{t('events.phoneQr.caption')}</figcaption>
          </figure>
        )}
      </div>
    </section>
  );
}
