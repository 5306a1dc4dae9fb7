import { useEffect, useState } from 'preact/hooks';
import type { FeedbackCategory } from '#shared/enums';
import { feedbackInput } from '#shared/schemas/feedback';
import { openAtPlace, submitFeedback, supportTicket } from '../data/feedback.ts';
import type { ApiFailure } from '../data/http.ts';
import { feedbackHandoffLink, publicBase } from '../data/links.ts';
import type { KioskState } from '../data/store.ts';
import { KioskField, type Typing } from '../ui/field.tsx';
import { useWords } from '../ui/i18n.tsx';
import { Keyboard } from '../ui/keyboard.tsx';
import { QrCode } from '../ui/qr-code.tsx';
import type { Receipt } from './feedback-receipt.tsx';
import { phrasesOf } from './phrases.ts';

interface Props {
  s: KioskState;
  place: number | null;
  category: FeedbackCategory;
  onBack(): void;
  onDone(r: Receipt): void;
}

type Open = { ticket: string; text: string; supporters: number };

export function FeedbackCompose({ s, place, category, onBack, onDone }: Props) {
  const { t, v, locale } = useWords();
  const [text, setText] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [active, setActive] = useState<'text' | 'phone'>('text');
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<Open[]>([]);
  const building = s.building ?? '';

  useEffect(() => {
    if (place === null) return;
    let live = true;
    void openAtPlace(place, category).then((r) => live && r.ok && setOpen(r.data.slice(0, 4)));
    return () => {
      live = false;
    };
  }, [place, category]);

  const fail = (e: ApiFailure) =>
    setProblem({
      field: e.field ?? '',
      message: e.status === 0 ? t('common.offline') : e.message,
    });

  const submit = async () => {
    if (phone && !consent) {
      return setProblem({ field: 'consent', message: t('feedback.consent.needed') });
    }
    const input = {
      building,
      category,
      text,
      ...(place !== null ? { place } : {}),
      ...(phone ? { contact: phone } : {}),
    };
    const parsed = feedbackInput.safeParse(input);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      const message =
        field === 'contact' ? t('feedback.invalid.phone') : t('feedback.invalid.text');
      return setProblem({ field: field === 'contact' ? 'contact' : 'text', message });
    }
    setBusy(true);
    const r = await submitFeedback(parsed.data);
    setBusy(false);
    if (r.ok) onDone({ ticket: r.data.ticket, url: r.data.url, joined: false });
    else fail(r.error);
  };

  const join = async (ticket: string) => {
    setBusy(true);
    const r = await supportTicket(ticket);
    setBusy(false);
    if (r.ok) onDone({ ticket: r.data.ticket, url: r.data.url, joined: true });
    else fail(r.error);
  };

  const addPhrase = (p: string) => {
    const sep = locale === 'zh-CN' ? '；' : '; ';
    setText((x) => (x.trim() ? `${x.trim()}${sep}${p}` : p).slice(0, 500));
    setActive('text');
  };
  const errorOf = (f: string) => (problem?.field === f ? problem.message : undefined);
  const textTyping: Typing = {
    kind: 'latin',
    onText: (x) => setText((old) => (old + x).slice(0, 500)),
    onBackspace: () => setText((old) => [...old].slice(0, -1).join('')),
  };
  const phoneTyping: Typing = {
    kind: 'digits',
    onText: (x) => setPhone((old) => (old + x).slice(0, 20)),
    onBackspace: () => setPhone((old) => old.slice(0, -1)),
  };

  return (
    <section class="feedback-compose split" aria-labelledby="compose-title">
      <div class="split-list">
        <div class="title-row">
          <h1 id="compose-title">
            {t('feedback.title')} ·{' '}
            <span data-testid="compose-category">{v(`feedback.${category}`)}</span>
          </h1>
          <button type="button" class="btn btn-quiet" onClick={onBack}>
            ‹ {t('feedback.changeCategory')}
          </button>
        </div>
        <div class="chips" role="group" aria-label={t('feedback.phrases')}>
          {phrasesOf(category).map((k) => (
            <button type="button" key={k} class="chip" onClick={() => addPhrase(t(k))}>
              + {t(k)}
            </button>
          ))}
        </div>
        <KioskField
          id="fb-text"
          label={t('feedback.text')}
          value={text}
          placeholder={t('feedback.text.placeholder')}
          active={active === 'text'}
          error={errorOf('text')}
          onFocus={() => setActive('text')}
          typing={textTyping}
        />
        <KioskField
          id="fb-phone"
          label={t('feedback.contact')}
          value={phone}
          placeholder={t('register.optional')}
          active={active === 'phone'}
          error={errorOf('contact')}
          onFocus={() => setActive('phone')}
          typing={phoneTyping}
        />
        {phone && (
          <label class={`consent${errorOf('consent') ? ' invalid' : ''}`}>
            <input
              type="checkbox"
              checked={consent}
              onChange={(e) => setConsent(e.currentTarget.checked)}
            />
            {t('feedback.consent')}
          </label>
        )}
        {errorOf('consent') && (
          <p class="field-error" role="alert">
            {errorOf('consent')}
          </p>
        )}
        {active === 'text' ? (
          <Keyboard {...textTyping} />
        ) : (
          <Keyboard {...phoneTyping} onDone={() => setActive('text')} />
        )}
        {problem && !['text', 'contact', 'consent'].includes(problem.field) && (
          <p class="form-error" role="alert">
            {problem.message}
          </p>
        )}
        <div class="row">
          <button
            type="button"
            class="btn btn-primary"
            disabled={busy}
            data-testid="feedback-submit"
            onClick={() => void submit()}
          >
            {t('feedback.submit')}
          </button>
        </div>
      </div>
      <aside class="split-detail">
        {open.length > 0 && (
          <div class="already" data-testid="already-reported">
            <h2>{t('feedback.already')}</h2>
            <ul class="cards">
              {open.map((o) => (
                <li key={o.ticket} class="card">
                  <p>{o.text}</p>
                  <p class="muted">{t('feedback.supporters', { n: o.supporters })}</p>
                  <button
                    type="button"
                    class="btn"
                    disabled={busy}
                    onClick={() => void join(o.ticket)}
                  >
                    {t('feedback.metoo')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <figure class="phone-handoff">
          <QrCode
            text={feedbackHandoffLink(publicBase(s), building, place, category)}
            label={t('feedback.phoneQr')}
            size={open.length > 0 ? 200 : 280}
            testId="handoff-qr"
          />
          <figcaption>{t('feedback.phoneQr.caption')}</figcaption>
        </figure>
      </aside>
    </section>
  );
}
