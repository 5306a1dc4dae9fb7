import { useMemo, useState } from 'preact/hooks';
import { addDays } from '#shared/working-days';
import { getSchedule, type ScheduleData } from '../data/playlists.ts';
import { useI18n } from '../i18n.ts';
import { colorOf, mondayOf, weekBlocks } from '../logic/week.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { useAsync } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { todayIn } from '../ui/time.ts';

const HEIGHT = 960;

function Week(props: { schedule: ScheduleData; monday: string; group: string | null }) {
  const { t } = useI18n();
  const b = useBuilding();
  const days = useMemo(
    () => weekBlocks(props.monday, b.timezone, props.group, props.schedule),
    [props.monday, props.group, props.schedule, b.timezone],
  );
  const used = new Map<number | null, string>();
  days.flat().forEach((x) => used.set(x.playlistId, x.label));
  const fallback = props.schedule.playlists.find((p) => p.id === props.schedule.defaultPlaylistId);
  return (
    <>
      <div class="legend">
        {[...used.entries()].map(([id, label]) => (
          <span key={String(id)}>
            <span class="swatch" style={{ background: colorOf(id) }} />
            {id === null ? t('preview.layer.builtin') : label}
          </span>
        ))}
        {fallback && (
          <span class="muted">{t('calendar.defaultRuns', { name: fallback.name })}</span>
        )}
      </div>
      <div class="week" data-testid="week">
        <div />
        {days.map((_, d) => (
          <div key={d} class="day-head">
            {t(`weekday.${(d + 1) as 1}`)} {addDays(props.monday, d).slice(5)}
          </div>
        ))}
        <div class="hours">
          {Array.from({ length: 24 }, (_, h) => (
            <span key={h} style={{ top: `${(h * HEIGHT) / 24 - 6}px` }}>
              {String(h).padStart(2, '0')}:00
            </span>
          ))}
        </div>
        {days.map((blocks, d) => (
          <div key={d} class="day-col">
            {blocks.map((x) => (
              <div
                key={x.start}
                class={`block${x.conflict ? ' conflict' : ''}${x.playlistId === null ? ' builtin' : ''}`}
                style={{
                  top: `${(x.start / 1440) * HEIGHT}px`,
                  height: `${((x.end - x.start) / 1440) * HEIGHT}px`,
                  background: colorOf(x.playlistId),
                }}
                title={`${x.label}${x.ruleId ? ` · #${x.ruleId}` : ''}${x.conflict ? ` · ${t('rule.conflict', { a: x.conflict[0] ?? '', b: x.conflict[1] ?? '' })}` : ''}`}
                data-testid="block"
              >
                {x.end - x.start >= 45 &&
                  (x.source === 'builtin' ? t('preview.layer.builtin') : x.label)}
                {x.conflict && ' ⚠'}
              </div>
            ))}
          </div>
        ))}
      </div>
    </>
  );
}

export function CalendarPage() {
  const { t, g: groupName } = useI18n();
  const b = useBuilding();
  const data = useAsync(() => getSchedule(b.id), [b.id]);
  const [monday, setMonday] = useState(() => mondayOf(todayIn(b.timezone)));
  const [group, setGroup] = useState<string>(b.groups[0] ?? '');
  return (
    <>
      <PageHeader title={t('nav.calendar')}>
        <button type="button" onClick={() => setMonday(addDays(monday, -7))}>
          {t('calendar.prev')}
        </button>
        <strong>{t('calendar.week', { from: monday })}</strong>
        <button type="button" onClick={() => setMonday(addDays(monday, 7))}>
          {t('calendar.next')}
        </button>
        <label class="row">
          {t('calendar.group')}
          <select
            value={group}
            onChange={(e) => setGroup(e.currentTarget.value)}
            style={{ width: 'auto' }}
          >
            {b.groups.map((g) => (
              <option key={g} value={g}>
                {groupName(g)}
              </option>
            ))}
          </select>
        </label>
      </PageHeader>
      <Loaded state={data}>
        {(s) => <Week schedule={s} monday={monday} group={group || null} />}
      </Loaded>
    </>
  );
}
