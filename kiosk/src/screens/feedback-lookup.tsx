import { useState } from 'preact/hooks';
import { ticketStatus, type PublicTicketStatus } from '../data/feedback.ts';
import { dayAndTime, useWords } from '../ui/i18n.tsx';
import { KioskField, type Typing } from '../ui/field.tsx';
import { Keyboard } from '../ui/keyboard.tsx';

// Opening a ticket by its number shows only the public steps: what was said, and by whom,
// stays behind the private link of the receipt.
export function FeedbackLookup({ onBack }: { onBack(): void }) {
  const w = useWords();
  const { t, v } = w;
  const [number, setNumber] = useState('');
  const [found, setFound] = useState<PublicTicketStatus | null>(null);
  const [error, setError] = useState<string | undefined>();

  const look = async () => {
    if (!/^[0-9]{8}$/.test(number)) return setError(t('lookup.invalid'));
    const r = await ticketStatus(number);
    if (r.ok) {
      setFound(r.data);
      setError(undefined);
    } else {
      setFound(null);
      setError(r.error.status === 0 ? t('common.offline') : t('lookup.notFound'));
    }
  };

  const typing: Typing = {
    kind: 'digits',
    onDone: () => void look(),
    onText: (d: string) => setNumber((n) => (n + d).slice(0, 8)),
    onBackspace: () => setNumber((n) => n.slice(0, -1)),
  };
  return (
    <section class="lookup split" aria-labelledby="lookup-title">
      <div class="split-list">
        <button type="button" class="btn btn-quiet" onClick={onBack}>
          ‹ {t('feedback.title')}
        </button>
        <h1 id="lookup-title">{t('feedback.lookup')}</h1>
        <KioskField
          typing={typing}
          id="lookup-number"
          label={t('lookup.number')}
          value={number}
          active
          error={error}
          onFocus={() => undefined}
        />
        <Keyboard {...typing} />
      </div>
      <div class="split-detail">
        {found ? (
          <div data-testid="lookup-result">
            <h2>
              {t('feedback.ticket')} {found.ticket} · {v(`feedback.${found.category}`)}
            </h2>
            <p class="big">{v(`status.${found.status}`)}</p>
            <ol class="timeline">
              {found.steps.map((st, i) => (
                <li key={i}>
                  <b>{v(`status.${st.status}`)}</b> <span>{dayAndTime(w, st.at)}</span>
                </li>
              ))}
            </ol>
            <p class="muted">{t('lookup.private')}</p>
          </div>
        ) : (
          <p class="empty big">{t('lookup.prompt')}</p>
        )}
      </div>
    </section>
  );
}
