import { useState } from 'preact/hooks';
import { localDate } from '#shared/time';
import type { PublicEvent } from '#shared/schemas/events';
import { dayAndTime, timeOnly, useWords } from '../ui/i18n.tsx';
import { Calendar } from './calendar.tsx';
import { EventDetail } from './event-detail.tsx';
import { availability } from './event-status.ts';
import type { ScreenProps } from './screen.ts';

export function EventsScreen(props: ScreenProps) {
  const { s } = props;
  const w = useWords();
  const { t } = w;
  const [day, setDay] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const open = s.events.find((e) => e.id === openId);
  if (open) return <EventDetail {...props} event={open} onBack={() => setOpenId(null)} />;

  const shown = day ? s.events.filter((e) => localDate(new Date(e.start), w.tz) === day) : s.events;
  return (
    <section class="events split" aria-labelledby="events-title">
      <div class="split-list">
        <h1 id="events-title">{t('nav.events')}</h1>
        <Calendar events={s.events} selected={day} onSelect={setDay} />
        {day && (
          <button type="button" class="btn btn-quiet" onClick={() => setDay(null)}>
            {t('events.allDays')}
          </button>
        )}
      </div>
      <ul class="split-detail cards" aria-label={t('events.list')}>
        {shown.length === 0 && <li class="empty">{t('events.none')}</li>}
        {shown.map((e) => (
          <li key={e.id}>
            <EventCard event={e} onOpen={() => setOpenId(e.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function EventCard({ event: e, onOpen }: { event: PublicEvent; onOpen(): void }) {
  const w = useWords();
  return (
    <button type="button" class="card event-card" data-testid={`event-${e.id}`} onClick={onOpen}>
      <span class="badge">{w.v(`event.${e.kind}`)}</span>
      <strong>{e.title}</strong>
      <span class="meta">
        {dayAndTime(w, e.start)}–{timeOnly(w, e.end)} · {e.place}
      </span>
      <SeatsLine event={e} />
    </button>
  );
}

export function SeatsLine({ event: e }: { event: PublicEvent }) {
  const { t } = useWords();
  const a = availability(e, new Date());
  const text =
    a === 'closed'
      ? t('events.closed')
      : a === 'not-yet'
        ? t('events.notYet')
        : a === 'waitlist'
          ? t('events.full', { n: e.waitlist })
          : t('events.seatsLeft', { n: e.seatsLeft, capacity: e.capacity });
  return (
    <span class={`seats seats-${a}`} data-testid="seats">
      {text}
    </span>
  );
}
