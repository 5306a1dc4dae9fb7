import type { StaffFeedback } from '#shared/schemas/feedback';
import { workingDaysLeft } from '#shared/working-days';
import { calendarFor } from '../data/calendar.ts';
import { useI18n } from '../i18n.ts';
import { useBuilding } from '../ui/building.tsx';
import { useAsync } from '../ui/hooks.ts';
import { Link } from '../ui/link.tsx';
import { fmtDateTime } from '../ui/time.ts';

// How long a ticket has left, in working days on the building's calendar.
export function DueBadge(props: {
  ticket: Pick<StaffFeedback, 'dueAt' | 'overdue' | 'status'>;
  now: Date;
}) {
  const { t } = useI18n();
  const b = useBuilding();
  const cal = useAsync(() => calendarFor(b.id), [b.id]);
  const { dueAt, overdue } = props.ticket;
  if (
    !dueAt ||
    !['received', 'discussing', 'assigned', 'in_progress'].includes(props.ticket.status)
  )
    return null;
  const left = cal.data ? workingDaysLeft(cal.data, props.now, new Date(dueAt), b.timezone) : null;
  const title = `${t('fb.due')} ${fmtDateTime(dueAt, b.timezone)}`;
  if (overdue || (left !== null && left < 0)) {
    return (
      <span class="badge bad" title={title} data-testid="overdue">
        {left !== null && left < 0 ? t('fb.overdueBy', { n: -left }) : t('dash.overdue')}
      </span>
    );
  }
  if (left === null)
    return (
      <span class="badge" title={title}>
        {fmtDateTime(dueAt, b.timezone)}
      </span>
    );
  return (
    <span class={`badge ${left <= 1 ? 'warn' : ''}`} title={title}>
      {left === 0 ? t('fb.dueToday') : t('fb.dueLeft', { n: left })}
    </span>
  );
}

export function TicketCard(props: { ticket: StaffFeedback; now: Date }) {
  const { t, v } = useI18n();
  const f = props.ticket;
  return (
    <Link
      to={`/feedback/${f.ticket}`}
      class={`ticket-card${f.overdue ? ' overdue' : ''}`}
      testId={`ticket-${f.ticket}`}
    >
      <div class="row small">
        <strong>{f.ticket}</strong>
        <span class="badge">{v(`feedback.${f.category}`)}</span>
        {f.supporters > 1 && (
          <span class="badge info">{t('fb.supporters', { n: f.supporters })}</span>
        )}
      </div>
      <div class="clamp">{f.text}</div>
      <div class="row small muted">
        {f.place && <span>{f.place}</span>}
        {f.assignee && <span>→ {f.assignee}</span>}
        <DueBadge ticket={f} now={props.now} />
      </div>
    </Link>
  );
}
