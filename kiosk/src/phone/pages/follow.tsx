import { useState } from 'preact/hooks';
import { send } from '../data/api.ts';
import type { FollowPage } from '../data/page-data.ts';
import { feedbackView } from '../data/schemas.ts';
import { useT, when } from '../ui/i18n.tsx';
import { errorFor, refusal, type Problem } from '../ui/problem.ts';
import { QrImage } from '../ui/qr.tsx';
import { KeepLink } from './keep-link.tsx';

// The requester's private page: where the ticket stands, what staff said, and the rating.
export function Follow({ data }: { data: FollowPage }) {
  const w = useT();
  const { t, v } = w;
  const [view, setView] = useState(data.view);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const canReopen =
    view.status === 'resolved' &&
    view.reopenUntil !== null &&
    Date.now() < Date.parse(view.reopenUntil);

  const act = async (path: string, body: Record<string, unknown>) => {
    setBusy(true);
    const r = await send('POST', `/api/public/feedback/${view.ticket}/${path}`, feedbackView, {
      secret: data.secret,
      ...body,
    });
    setBusy(false);
    if (r.ok) {
      setView(r.data);
      setProblem(null);
    } else {
      setProblem({
        field: r.error.field ?? '',
        message: refusal(t, r.error.status, r.error.message),
      });
    }
  };

  return (
    <div class="stack">
      <section class="card" aria-labelledby="ticket-title">
        <p class="hint">{t('follow.ticket')}</p>
        <h1 id="ticket-title" class="ticket-no" data-testid="ticket-number">
          {view.ticket}
        </h1>
        <p>
          <span class={`status status-${view.status}`} data-testid="status">
            {v(`status.${view.status}`)}
          </span>{' '}
          {v(`feedback.${view.category}`)}
          {view.place && ` · ${view.place}`}
        </p>
        {view.text !== null && <p class="quote">{view.text}</p>}
        <p class="hint">
          {t('follow.created', { time: when(w, view.createdAt) })} ·{' '}
          {t('feedback.supporters', { n: view.supporters })}
        </p>
        {view.follower === 'supporter' && <p class="hint">{t('follow.supporter')}</p>}
        {view.duplicateOf && (
          <p class="notice">{t('follow.duplicate', { ticket: view.duplicateOf })}</p>
        )}
      </section>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('follow.steps')}</h2>
        <ol class="timeline" data-testid="timeline">
          {view.steps.map((s, i) => (
            <li key={i} class={`step step-${s.status}`}>
              <b>{v(`status.${s.status}`)}</b>
              <time dateTime={s.at}>{when(w, s.at)}</time>
              {s.comment && <p class="hint">{s.comment}</p>}
              {s.reply && (
                <blockquote class="reply" data-testid="reply">
                  <span class="hint">{t('follow.reply')}</span>
                  <p>{s.reply}</p>
                </blockquote>
              )}
            </li>
          ))}
        </ol>
      </section>

      {view.canRate && (
        <section class="card" aria-labelledby="rate-title" data-testid="rating">
          <h2 id="rate-title">{t('follow.rate')}</h2>
          <div class="stars" role="radiogroup" aria-label={t('follow.rate')}>
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                type="button"
                key={n}
                role="radio"
                aria-checked={stars === n}
                aria-label={t('follow.stars', { n })}
                class={`star${n <= stars ? ' on' : ''}`}
                onClick={() => setStars(n)}
              >
                ★
              </button>
            ))}
          </div>
          <label for="rate-comment">{t('follow.comment')}</label>
          <input
            id="rate-comment"
            value={comment}
            maxLength={200}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          {errorFor(problem, 'rating') && (
            <p class="field-error" role="alert">
              {errorFor(problem, 'rating')}
            </p>
          )}
          <button
            type="button"
            class="btn btn-primary"
            disabled={busy || stars === 0}
            onClick={() => void act('rating', { rating: stars, ...(comment ? { comment } : {}) })}
          >
            {t('follow.rate.send')}
          </button>
        </section>
      )}
      {view.rating !== null && (
        <p class="card" data-testid="rated">
          {t('follow.rated', { n: view.rating })}
        </p>
      )}

      {canReopen && (
        <section class="card" aria-labelledby="reopen-title">
          <h2 id="reopen-title">{t('follow.reopen.title')}</h2>
          <p class="hint">
            {t('follow.reopen.until', { time: when(w, view.reopenUntil ?? view.createdAt) })}
          </p>
          <label for="reopen-note">{t('follow.reopen.note')}</label>
          <input
            id="reopen-note"
            value={note}
            maxLength={200}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <button
            type="button"
            class="btn"
            disabled={busy}
            onClick={() => void act('reopen', note ? { note } : {})}
          >
            {t('follow.reopen')}
          </button>
        </section>
      )}
      {problem && problem.field !== 'rating' && (
        <p class="form-error" role="alert">
          {problem.message}
        </p>
      )}

      <section class="card center" aria-labelledby="keep-title">
        <h2 id="keep-title">{t('follow.keep')}</h2>
        <QrImage qr={data.qr} label={t('follow.qr')} />
        <KeepLink url={data.url} />
      </section>
    </div>
  );
}
