import type { FeedbackStatus } from '#shared/enums';
import { boardOf, listFeedback, subscribeFeedbackChanges } from '../data/feedback.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { useAsync, useNow, useSubscription } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { TicketCard } from './feedback-parts.tsx';

const COLUMNS: FeedbackStatus[] = [
  'received',
  'discussing',
  'assigned',
  'in_progress',
  'resolved',
  'closed',
];

export function FeedbackBoardPage() {
  const { t, v } = useI18n();
  const b = useBuilding();
  const now = useNow();
  const tickets = useAsync(async () => {
    const [open, resolved, closed] = await Promise.all([
      listFeedback(b.id, { open: true, limit: 500 }),
      listFeedback(b.id, { status: 'resolved', limit: 200 }),
      listFeedback(b.id, { status: 'closed', limit: 30 }),
    ]);
    return [...open, ...resolved, ...closed];
  }, [b.id]);
  const board = useAsync(() => boardOf(b.id), [b.id]);
  useSubscription(
    () => subscribeFeedbackChanges(b.id, () => (tickets.reload(), board.reload())),
    [b.id],
  );

  return (
    <>
      <PageHeader title={t('nav.board')}>
        {board.data && (
          <span class="row" aria-label={t('fb.counters')} data-testid="counters">
            <span class="badge">
              {t('fb.received')} {board.data.received}
            </span>
            <span class="badge info">
              {t('fb.inProgress')} {board.data.inProgress}
            </span>
            <span class="badge ok">
              {t('fb.done')} {board.data.done}
            </span>
            <span class="badge">
              {t('fb.satisfaction')}{' '}
              {board.data.satisfaction === null ? '—' : board.data.satisfaction.toFixed(1)}
            </span>
          </span>
        )}
      </PageHeader>
      <Loaded state={tickets}>
        {(list) => (
          <div class="board">
            {COLUMNS.map((status) => {
              const mine = list
                .filter((f) => f.status === status)
                .sort(
                  (x, y) =>
                    Number(y.overdue) - Number(x.overdue) ||
                    (x.dueAt ?? x.createdAt).localeCompare(y.dueAt ?? y.createdAt),
                );
              return (
                <section
                  key={status}
                  class="column"
                  aria-label={v(`status.${status}`)}
                  data-testid={`column-${status}`}
                >
                  <h2>
                    {v(`status.${status}`)} <span class="muted">{mine.length}</span>
                  </h2>
                  {mine.map((f) => (
                    <TicketCard key={f.ticket} ticket={f} now={now} />
                  ))}
                </section>
              );
            })}
          </div>
        )}
      </Loaded>
    </>
  );
}
