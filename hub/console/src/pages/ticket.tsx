import { feedbackDetail } from '../data/feedback.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { useAsync, useNow } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { Link } from '../ui/link.tsx';
import { fmtDateTime } from '../ui/time.ts';
import { DueBadge } from './feedback-parts.tsx';
import { TicketActions } from './ticket-actions.tsx';

export function TicketPage(props: { params: Record<string, string> }) {
  const { t, v } = useI18n();
  const b = useBuilding();
  const now = useNow();
  const ticket = props.params.ticket ?? '';
  const detail = useAsync(() => feedbackDetail(ticket), [ticket]);
  return (
    <Loaded state={detail}>
      {(f) => (
        <>
          <PageHeader title={`${t('fb.ticket')} ${f.ticket}`}>
            <span class="badge info" data-testid="ticket-status">
              {v(`status.${f.status}`)}
            </span>
            <DueBadge ticket={f} now={now} />
            <Link to="/feedback" class="button">
              {t('nav.board')}
            </Link>
          </PageHeader>
          <div class="split">
            <div>
              <section class="card">
                <p class="row small">
                  <span class="badge">{v(`feedback.${f.category}`)}</span>
                  <span>
                    {t('fb.place')}: {f.place ?? '—'}
                  </span>
                  <span>{fmtDateTime(f.createdAt, b.timezone)}</span>
                  {f.supporters > 1 && (
                    <span class="badge info">{t('fb.supporters', { n: f.supporters })}</span>
                  )}
                  {f.rating !== null && (
                    <span class="badge ok">{t('fb.rating', { n: f.rating })}</span>
                  )}
                  {f.reopened > 0 && (
                    <span class="badge warn">{t('fb.reopened', { n: f.reopened })}</span>
                  )}
                </p>
                <p style={{ whiteSpace: 'pre-wrap', fontSize: '1.05rem' }}>{f.text}</p>
                {f.photo && <img class="thumb" src={f.photo} alt={t('fb.photo')} />}
                <p class="small">
                  {t('fb.contact')}:{' '}
                  {[f.contactName, f.contactPhone].filter(Boolean).join(' ') || '—'}
                </p>
                {f.assignee && (
                  <p class="small">
                    {t('fb.assignee')}: {f.assignee}
                  </p>
                )}
                {f.duplicateOf && (
                  <p class="small">
                    {t('fb.duplicateOf')}:{' '}
                    <Link to={`/feedback/${f.duplicateOf}`}>{f.duplicateOf}</Link>
                  </p>
                )}
              </section>
              <section class="card" style={{ marginTop: '1rem' }}>
                <h2>{t('fb.history')}</h2>
                <ol class="steps" data-testid="history">
                  {f.steps.map((s, i) => (
                    <li key={i}>
                      <strong>{v(`status.${s.status}`)}</strong>{' '}
                      <span class="muted small">
                        {fmtDateTime(s.at, b.timezone)} ·{' '}
                        {s.by === 'staff' ? (s.actor ?? '') : t(`fb.by.${s.by}`)}
                      </span>
                      {s.note && <div class="small">{s.note}</div>}
                      {s.reply && <div class="reply small">↩ {s.reply}</div>}
                    </li>
                  ))}
                </ol>
              </section>
            </div>
            {allowed('feedback') && (f.allowedNext.length > 0 || f.status === 'resolved') && (
              <TicketActions
                key={`${f.status}-${f.steps.length}`}
                ticket={f}
                onDone={detail.reload}
              />
            )}
          </div>
        </>
      )}
    </Loaded>
  );
}
