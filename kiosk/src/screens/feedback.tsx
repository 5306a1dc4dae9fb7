import { useState } from 'preact/hooks';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '#shared/enums';
import { useWords } from '../ui/i18n.tsx';
import { FeedbackCompose } from './feedback-compose.tsx';
import { FeedbackLookup } from './feedback-lookup.tsx';
import { FeedbackReceipt, type Receipt } from './feedback-receipt.tsx';
import type { ScreenProps } from './screen.ts';

interface Props extends ScreenProps {
  place: number | null;
}

type Step =
  | { at: 'start' }
  | { at: 'compose'; category: FeedbackCategory }
  | { at: 'done'; receipt: Receipt }
  | { at: 'lookup' };

export function FeedbackScreen({ s, place }: Props) {
  const { t, v } = useWords();
  const [step, setStep] = useState<Step>({ at: 'start' });
  const restart = () => setStep({ at: 'start' });

  if (step.at === 'compose') {
    return (
      <FeedbackCompose
        s={s}
        place={place}
        category={step.category}
        onBack={restart}
        onDone={(receipt) => setStep({ at: 'done', receipt })}
      />
    );
  }
  if (step.at === 'done') return <FeedbackReceipt receipt={step.receipt} onDone={restart} />;
  if (step.at === 'lookup') return <FeedbackLookup onBack={restart} />;

  const b = s.board;
  return (
    <section class="feedback" aria-labelledby="feedback-title">
      <h1 id="feedback-title">{t('feedback.title')}</h1>
      <p class="lead">{t('feedback.pickCategory')}</p>
      <div class="category-grid">
        {FEEDBACK_CATEGORIES.map((c) => (
          <button
            type="button"
            key={c}
            class={`tile tile-small cat-${c}`}
            onClick={() => setStep({ at: 'compose', category: c })}
          >
            <span class="tile-title">{v(`feedback.${c}`)}</span>
          </button>
        ))}
      </div>
      <div class="row spread">
        {b && (
          <dl class="board" aria-label={t('feedback.board')}>
            <div>
              <dt>{t('board.received')}</dt>
              <dd>{b.received}</dd>
            </div>
            <div>
              <dt>{t('board.inProgress')}</dt>
              <dd>{b.inProgress}</dd>
            </div>
            <div>
              <dt>{t('board.done')}</dt>
              <dd>{b.done}</dd>
            </div>
            <div>
              <dt>{t('board.satisfaction')}</dt>
              <dd>{b.satisfaction === null ? '—' : b.satisfaction.toFixed(1)}</dd>
            </div>
          </dl>
        )}
        <button
          type="button"
          class="btn"
          data-testid="open-ticket"
          onClick={() => setStep({ at: 'lookup' })}
        >
          {t('feedback.lookup')}
        </button>
      </div>
    </section>
  );
}
