import { localDate, localParts, zonedToUtc } from '#shared/time';
import type { PublicEvent } from '#shared/schemas/events';
import { formatTime, useWords } from '../ui/i18n.tsx';

interface Props {
  events: readonly PublicEvent[];
  selected: string | null;
  onSelect(day: string | null): void;
  weeks?: number;
}

// Days from this week's Monday on, in the building's calendar; a day with events is a button.
export function Calendar({ events, selected, onSelect, weeks = 5 }: Props) {
  const w = useWords();
  const now = new Date();
  const today = localParts(now, w.tz);
  const monday = zonedToUtc(today.year, today.month, today.day - (today.weekday - 1), 12, 0, w.tz);
  const counts = new Map<string, number>();
  for (const e of events) {
    const d = localDate(new Date(e.start), w.tz);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const todayKey = localDate(now, w.tz);
  const days = Array.from({ length: weeks * 7 }, (_, i) => {
    const at = new Date(monday.getTime() + i * 86_400_000);
    return { key: localDate(at, w.tz), at };
  });
  return (
    <div class="calendar" role="group" aria-label={w.t('events.calendar')}>
      <div class="cal-row cal-head" aria-hidden="true">
        {days.slice(0, 7).map((d) => (
          <span key={d.key}>{formatTime(w, d.at.toISOString(), { weekday: 'short' })}</span>
        ))}
      </div>
      {Array.from({ length: weeks }, (_, row) => (
        <div class="cal-row" key={row}>
          {days.slice(row * 7, row * 7 + 7).map((d) => {
            const n = counts.get(d.key) ?? 0;
            const label = formatTime(w, d.at.toISOString(), { month: 'numeric', day: 'numeric' });
            return (
              <button
                type="button"
                key={d.key}
                class={`cal-day${n ? ' has-events' : ''}${d.key === todayKey ? ' today' : ''}${d.key < todayKey ? ' past' : ''}`}
                aria-pressed={selected === d.key}
                aria-label={n ? w.t('events.dayCount', { day: label, n }) : label}
                disabled={n === 0}
                onClick={() => onSelect(selected === d.key ? null : d.key)}
              >
                <span class="cal-num">
                  {d.key.endsWith('-01')
                    ? `${Number(d.key.slice(5, 7))}/1`
                    : d.key.slice(8).replace(/^0/, '')}
                </span>
                {n > 0 && <span class="cal-dot">{n}</span>}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
