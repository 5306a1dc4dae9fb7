import { FEEDBACK_CATEGORIES } from '#shared/enums';
import { SLIDE_KINDS, type SlideKind } from '#shared/schemas/playlists';
import type { ReportQuery } from '#shared/schemas/reports';
import { datesBetween } from '#shared/working-days';
import { getReport } from '../data/system.ts';
import { useI18n, type I18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { BarChart } from '../ui/chart.tsx';
import { useAsync } from '../ui/hooks.ts';
import { fmtDateTime } from '../ui/time.ts';

const BLUE = '#1d5fa8';
const GREEN = '#1a7f37';
const RED = '#cf222e';
const key = (q: ReportQuery) => [q.building, q.from, q.to];

const isKind = (k: string): k is SlideKind => (SLIDE_KINDS as readonly string[]).includes(k);

// A played slide by what it is: the id is the playlist's own (often its kind), the screens'
// built-in loop's ("builtin-events") or an urgent notice's ("urgent-12").
function slideName(t: I18n['t'], id: string): string {
  const urgent = /^urgent-(\d+)$/.exec(id);
  if (urgent) return t('report.urgentSlide', { id: urgent[1] ?? '' });
  const kind = id.replace(/^builtin-/, '');
  return isKind(kind) ? t(`slide.${kind}`) : id;
}

export function PlaysView(props: { q: ReportQuery }) {
  const { t } = useI18n();
  const report = useAsync(() => getReport('plays', props.q), key(props.q));
  return (
    <Loaded state={report}>
      {(data) => (
        <>
          <BarChart
            title={t('report.perDay')}
            labels={datesBetween(props.q.from, props.q.to).map((d) => d.slice(5))}
            series={[{ name: t('report.plays.n'), color: BLUE }]}
            values={datesBetween(props.q.from, props.q.to).map((d) => [
              data.days.find((x) => x.date === d)?.plays ?? 0,
            ])}
          />
          <table aria-label={t('report.plays')}>
            <thead>
              <tr>
                <th>{t('report.slide')}</th>
                <th>{t('report.device')}</th>
                <th class="num">{t('report.plays.n')}</th>
                <th class="num">{t('report.seconds')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={`${r.slide}-${r.deviceId}`}>
                  <td>{slideName(t, r.slide)}</td>
                  <td>{r.device}</td>
                  <td class="num">{r.plays}</td>
                  <td class="num">{r.seconds}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.rows.length === 0 && <p class="empty">{t('form.empty')}</p>}
        </>
      )}
    </Loaded>
  );
}

export function FeedbackView(props: { q: ReportQuery }) {
  const { t, v } = useI18n();
  const report = useAsync(() => getReport('feedback', props.q), key(props.q));
  return (
    <Loaded state={report}>
      {({ rows }) => {
        const cats = FEEDBACK_CATEGORIES.filter((c) => rows.some((r) => r.category === c));
        const sum = (c: string, f: (r: (typeof rows)[number]) => number) =>
          rows.filter((r) => r.category === c).reduce((n, r) => n + f(r), 0);
        return (
          <>
            <BarChart
              title={t('report.byCategory')}
              labels={cats.map((c) => v(`feedback.${c}`))}
              series={[
                { name: t('report.received'), color: BLUE },
                { name: t('report.closed'), color: GREEN },
              ]}
              values={cats.map((c) => [sum(c, (r) => r.received), sum(c, (r) => r.closed)])}
            />
            <table aria-label={t('report.feedback')}>
              <thead>
                <tr>
                  <th>{t('report.month')}</th>
                  <th>{t('report.category')}</th>
                  <th class="num">{t('report.received')}</th>
                  <th class="num">{t('report.closed')}</th>
                  <th class="num">{t('report.open')}</th>
                  <th class="num">{t('report.medianDays')}</th>
                  <th class="num">{t('report.satisfaction')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.month}-${r.category}`}>
                    <td>{r.month}</td>
                    <td>{v(`feedback.${r.category}`)}</td>
                    <td class="num">{r.received}</td>
                    <td class="num">{r.closed}</td>
                    <td class="num">{r.open}</td>
                    <td class="num">{r.medianDaysToClose ?? '—'}</td>
                    <td class="num">
                      {r.satisfaction ?? '—'}{' '}
                      {r.rated > 0 && <span class="muted">({r.rated})</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length === 0 && <p class="empty">{t('form.empty')}</p>}
          </>
        );
      }}
    </Loaded>
  );
}

export function AttendanceView(props: { q: ReportQuery }) {
  const { t } = useI18n();
  const b = useBuilding();
  const report = useAsync(() => getReport('attendance', props.q), key(props.q));
  return (
    <Loaded state={report}>
      {({ rows }) => (
        <>
          <BarChart
            title={t('report.byEvent')}
            labels={rows.map((r) => r.title)}
            series={[
              { name: t('report.checkedIn'), color: GREEN },
              { name: t('report.noShows'), color: RED },
            ]}
            values={rows.map((r) => [r.checkedIn, r.noShows ?? 0])}
          />
          <table aria-label={t('report.attendance')}>
            <thead>
              <tr>
                <th>{t('report.event')}</th>
                <th>{t('report.start')}</th>
                {(
                  [
                    'capacity',
                    'confirmed',
                    'checkedIn',
                    'walkIns',
                    'noShows',
                    'waitlisted',
                    'cancelled',
                  ] as const
                ).map((k) => (
                  <th key={k} class="num">
                    {t(`report.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.eventId}>
                  <td>{r.title}</td>
                  <td>{fmtDateTime(r.start, b.timezone)}</td>
                  <td class="num">{r.capacity}</td>
                  <td class="num">{r.confirmed}</td>
                  <td class="num">{r.checkedIn}</td>
                  <td class="num">{r.walkIns}</td>
                  <td class="num">{r.noShows ?? '—'}</td>
                  <td class="num">{r.waitlisted}</td>
                  <td class="num">{r.cancelled}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p class="empty">{t('form.empty')}</p>}
        </>
      )}
    </Loaded>
  );
}
