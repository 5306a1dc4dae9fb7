import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '#shared/enums';
import { send, type Failure } from '../data/api.ts';
import type { FeedbackPage } from '../data/page-data.ts';
import { PHOTO_MAX_BYTES, shrinkPhoto, uploadPhoto } from '../data/photo.ts';
import { linkAnswer, openFeedbackItem } from '../data/schemas.ts';
import { Field, Honeypot } from '../ui/field.tsx';
import { useT } from '../ui/i18n.tsx';
import { errorFor, type Problem } from '../ui/problem.ts';

type Open = z.infer<typeof openFeedbackItem>;

export function FeedbackNew({ data }: { data: FeedbackPage }) {
  const { t, v } = useT();
  const [category, setCategory] = useState<FeedbackCategory | null>(data.category);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [photo, setPhoto] = useState<File | null>(null);
  const [website, setWebsite] = useState('');
  const [open, setOpen] = useState<Open[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const place = data.place;

  useEffect(() => {
    if (!place || !category) return setOpen([]);
    let live = true;
    const path = `/api/public/places/${place.id}/open-feedback?category=${category}`;
    void send('GET', path, z.array(openFeedbackItem)).then((r) => {
      if (live && r.ok) setOpen(r.data.slice(0, 5));
    });
    return () => {
      live = false;
    };
  }, [place?.id, category]);

  const fail = (e: Failure) => setProblem({ field: e.field ?? '', message: messageOf(e) });
  const messageOf = (e: Failure) =>
    e.status === 0 ? t('error.offline') : e.status === 429 ? t('error.busy') : e.message;

  const join = async (ticket: string) => {
    setBusy(true);
    const r = await send('POST', `/api/public/feedback/${ticket}/support`, linkAnswer, {});
    if (r.ok) return location.assign(r.data.url);
    setBusy(false);
    fail(r.error);
  };

  const submit = async () => {
    if (!category) return setProblem({ field: 'category', message: t('feedback.category.needed') });
    if (text.trim().length < 2)
      return setProblem({ field: 'text', message: t('feedback.text.short') });
    if (phone.trim() && !consent) {
      return setProblem({ field: 'consent', message: t('feedback.consent.needed') });
    }
    if (photo && photo.size > PHOTO_MAX_BYTES * 4) {
      return setProblem({ field: 'photo', message: t('feedback.photo.tooBig') });
    }
    setBusy(true);
    setProblem(null);
    let photoPath: string | undefined;
    if (photo) {
      const shrunk = await shrinkPhoto(photo).catch(() => null);
      if (!shrunk || shrunk.size > PHOTO_MAX_BYTES) {
        setBusy(false);
        return setProblem({ field: 'photo', message: t('feedback.photo.unreadable') });
      }
      const up = await uploadPhoto(shrunk);
      if (!up.ok) {
        setBusy(false);
        return setProblem({ field: 'photo', message: t('feedback.photo.failed') });
      }
      photoPath = up.data.photo;
    }
    const contact =
      name.trim() || phone.trim()
        ? { ...(name.trim() ? { name } : {}), ...(phone.trim() ? { phone } : {}) }
        : undefined;
    const r = await send('POST', '/api/public/feedback', linkAnswer, {
      building: data.building.id,
      ...(place ? { place: place.id } : {}),
      category,
      text,
      ...(contact ? { contact } : {}),
      ...(photoPath ? { photo: photoPath } : {}),
      ...(website ? { website } : {}),
    });
    if (r.ok) return location.assign(r.data.url);
    setBusy(false);
    fail(r.error);
  };

  const err = (f: string) => errorFor(problem, f);
  return (
    <form
      class="stack"
      aria-labelledby="fb-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h1 id="fb-title">{t('feedback.title')}</h1>
      {place && (
        <p class="place" data-testid="place">
          {t('feedback.place', { place: place.name })}
        </p>
      )}
      <fieldset class={err('category') ? 'invalid' : undefined}>
        <legend>{t('feedback.category')}</legend>
        <div class="chips">
          {FEEDBACK_CATEGORIES.map((c) => (
            <label key={c} class={`chip${category === c ? ' on' : ''}`}>
              <input
                type="radio"
                name="category"
                value={c}
                checked={category === c}
                onChange={() => setCategory(c)}
              />
              {v(`feedback.${c}`)}
            </label>
          ))}
        </div>
        {err('category') && (
          <p class="field-error" id="fb-category-error" role="alert">
            {err('category')}
          </p>
        )}
      </fieldset>

      {open.length > 0 && (
        <section class="card already" data-testid="already-reported" aria-labelledby="already">
          <h2 id="already">{t('feedback.already')}</h2>
          <p class="hint">{t('feedback.already.hint')}</p>
          <ul class="plain">
            {open.map((o) => (
              <li key={o.ticket} class="already-item">
                <p class="quote">{o.text}</p>
                <p class="hint">
                  {v(`status.${o.status}`)} · {t('feedback.supporters', { n: o.supporters })}
                </p>
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
        </section>
      )}

      <div class={`field${err('text') ? ' invalid' : ''}`}>
        <label for="fb-text">{t('feedback.text')}</label>
        <textarea
          id="fb-text"
          rows={5}
          maxLength={2000}
          value={text}
          placeholder={t('feedback.text.placeholder')}
          aria-invalid={err('text') ? 'true' : 'false'}
          aria-describedby={err('text') ? 'fb-text-error' : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        {err('text') && (
          <p class="field-error" id="fb-text-error" role="alert">
            {err('text')}
          </p>
        )}
      </div>

      <div class={`field${err('photo') ? ' invalid' : ''}`}>
        <label for="fb-photo">{t('feedback.photo')}</label>
        <input
          id="fb-photo"
          type="file"
          accept="image/*"
          onChange={(e) => setPhoto(e.currentTarget.files?.[0] ?? null)}
        />
        <p class="hint">{t('feedback.photo.hint')}</p>
        {err('photo') && (
          <p class="field-error" id="fb-photo-error" role="alert">
            {err('photo')}
          </p>
        )}
      </div>

      <fieldset>
        <legend>{t('feedback.contact')}</legend>
        <Field
          id="fb-name"
          label={t('feedback.contact.name')}
          value={name}
          autoComplete="name"
          maxLength={60}
          error={err('contact.name')}
          onValue={setName}
        />
        <Field
          id="fb-phone"
          label={t('feedback.contact.phone')}
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          value={phone}
          error={err('contact') ?? err('contact.phone')}
          onValue={setPhone}
        />
        <label class={`check${err('consent') ? ' invalid' : ''}`}>
          <input
            type="checkbox"
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
          />
          {t('feedback.consent')}
        </label>
        {err('consent') && (
          <p class="field-error" id="fb-consent-error" role="alert">
            {err('consent')}
          </p>
        )}
      </fieldset>
      <Honeypot value={website} onValue={setWebsite} />
      {problem && !KNOWN.includes(problem.field) && (
        <p class="form-error" role="alert">
          {problem.message}
        </p>
      )}
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {t('feedback.submit')}
      </button>
    </form>
  );
}

const KNOWN = ['category', 'text', 'photo', 'contact', 'contact.name', 'contact.phone', 'consent'];
