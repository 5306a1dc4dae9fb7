import { upcomingEvents } from '#shared/schedule-resolver';
import type { ScreenEvent } from '#shared/schemas/events';
import { useDevice } from '#shared/device/hooks';
import { formatAt, useLocale, useT, useTimezone } from '../i18n.ts';
import { Qr } from '../qr/qr.tsx';
import type { SlideProps } from './types.ts';

// Four fit a portrait screen; landscape shows three (styles/slides.css).
const SHOWN = 4;

// The next events with seats left, each with a QR that registers from the phone.
export function EventsSlide({ at }: SlideProps) {
  const { t } = useT();
  const snapshot = useDevice((s) => s.content.events);
  const list = upcomingEvents(snapshot?.data ?? [], new Date(at)).slice(0, SHOWN);
  return (
    <section class="slide-body events" data-slide-kind="events">
      <h1 class="slide-title">{t('events.title')}</h1>
      <ul class="event-list">
        {list.map((e) => (
          <EventRow key={e.id} event={e} at={at} />
        ))}
      </ul>
    </section>
  );
}

function EventRow({ event: e, at }: { event: ScreenEvent; at: number }) {
  const { t, v } = useT();
  const locale = useLocale();
  const tz = useTimezone();
  const closed = e.registrationCloses !== null && Date.parse(e.registrationCloses) <= at;
  const notYet = e.registrationOpens !== null && Date.parse(e.registrationOpens) > at;
  const seats = closed
    ? t('events.closed')
    : notYet
      ? t('events.opens', { date: formatAt(e.registrationOpens ?? '', 'day', locale, tz) })
      : e.seatsLeft > 0
        ? t('events.seatsLeft', { n: e.seatsLeft })
        : `${t('events.full')}${e.waitlist > 0 ? ` · ${t('events.waitlist', { n: e.waitlist })}` : ''}`;
  return (
    <li class={`event-row ${closed ? 'is-closed' : ''} ${e.seatsLeft > 0 ? '' : 'is-full'}`}>
      <div class="event-when">
        <span class="event-day">{formatAt(e.start, 'day', locale, tz)}</span>
        <span class="event-weekday">{formatAt(e.start, 'weekday', locale, tz)}</span>
        <span class="event-time">
          {formatAt(e.start, 'time', locale, tz)}–{formatAt(e.end, 'time', locale, tz)}
        </span>
      </div>
      <div class="event-what">
        <span class="chip kind">{v(`event.${e.kind}`)}</span>
        <h2>{e.title}</h2>
        <div class="event-place">{e.place}</div>
        <div class="event-seats" data-testid="seats">
          {seats}
        </div>
      </div>
      {!closed && (
        <figure class="qr-box small">
          <Qr text={e.registrationUrl} label={t('events.scan')} />
          <figcaption>{t('events.scan')}</figcaption>
        </figure>
      )}
    </li>
  );
}
