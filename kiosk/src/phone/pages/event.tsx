import { useState } from 'preact/hooks';
import { send } from '../data/api.ts';
import type { EventPage } from '../data/page-data.ts';
import { linkAnswer, type publicEvent } from '../data/schemas.ts';
import type * as z from 'zod/mini';
import { Field, Honeypot } from '../ui/field.tsx';
import { useT, when, type PhoneWords } from '../ui/i18n.tsx';
import { errorFor, type Problem } from '../ui/problem.ts';

type PublicEvent = z.infer<typeof publicEvent>;

export function EventPageView({ data }: { data: EventPage }) {
  const { t } = useT();
  if (data.event) return <EventDetail event={data.event} />;
  return (
    <div class="stack">
      <h1>{t('events.title')}</h1>
      {data.events.length === 0 && <p class="card">{t('events.none')}</p>}
      <ul class="plain stack">
        {data.events.map((e) => (
          <li key={e.id}>
            <a class="card link-card" href={`/e/${e.id}`}>
              <EventHead event={e} level={2} />
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function seatsText(w: PhoneWords, e: PublicEvent): { text: string; open: boolean; full?: boolean } {
  const now = new Date().toISOString();
  const closes = e.registrationCloses ?? e.start;
  if (e.registrationOpens && now < e.registrationOpens)
    return { text: w.t('events.notYet', { time: when(w, e.registrationOpens) }), open: false };
  if (now >= closes) return { text: w.t('events.closed'), open: false };
  if (e.seatsLeft > 0)
    return { text: w.t('events.seatsLeft', { n: e.seatsLeft, capacity: e.capacity }), open: true };
  return { text: w.t('events.full', { n: e.waitlist }), open: true, full: true };
}

function EventHead({ event: e, level }: { event: PublicEvent; level: 1 | 2 }) {
  const w = useT();
  const H = level === 1 ? 'h1' : 'h2';
  const seats = seatsText(w, e);
  return (
    <>
      <span class="badge">{w.v(`event.${e.kind}`)}</span>
      <H>{e.title}</H>
      <p>
        {when(w, e.start)}–{when(w, e.end, false)}
      </p>
      <p>{e.place}</p>
      <p class={seats.full ? 'seats seats-full' : 'seats'} data-testid="seats">
        {seats.text}
      </p>
    </>
  );
}

function EventDetail({ event: e }: { event: PublicEvent }) {
  const w = useT();
  const { t } = w;
  const [name, setName] = useState('');
  const [company, setCompany] = useState('');
  const [floor, setFloor] = useState('');
  const [phone, setPhone] = useState('');
  const [captain, setCaptain] = useState(false);
  const [captainCode, setCaptainCode] = useState('');
  const [website, setWebsite] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const seats = seatsText(w, e);

  const submit = async () => {
    if (!name.trim()) return setProblem({ field: 'name', message: t('register.name.needed') });
    if (floor && !/^-?[0-9]{1,3}$/.test(floor.trim()))
      return setProblem({ field: 'floor', message: t('register.floor.invalid') });
    setBusy(true);
    setProblem(null);
    const r = await send('POST', `/api/public/events/${e.id}/registrations`, linkAnswer, {
      name,
      company,
      phone,
      ...(floor.trim() ? { floor: Number(floor) } : {}),
      ...(captain ? { captain: true, captainCode: captainCode.trim() } : {}),
      ...(website ? { website } : {}),
    });
    if (r.ok) return location.assign(r.data.url);
    setBusy(false);
    const x = r.error;
    setProblem({
      field: x.field ?? '',
      message:
        x.status === 0
          ? t('error.offline')
          : x.status === 409
            ? `${t('register.refused')} ${x.message}`
            : x.message,
    });
  };
  const err = (f: string) => errorFor(problem, f);

  return (
    <div class="stack">
      <section class="card">
        <EventHead event={e} level={1} />
        {e.description && <p class="body">{e.description}</p>}
      </section>
      {seats.open && (
        <form
          class="card stack"
          aria-labelledby="reg-title"
          noValidate
          onSubmit={(ev) => {
            ev.preventDefault();
            void submit();
          }}
        >
          <h2 id="reg-title">{e.seatsLeft > 0 ? t('register.title') : t('register.waitlist')}</h2>
          <Field
            id="reg-name"
            label={t('register.name')}
            value={name}
            autoComplete="name"
            maxLength={60}
            error={err('name')}
            onValue={setName}
          />
          <Field
            id="reg-company"
            label={t('register.company')}
            value={company}
            autoComplete="organization"
            maxLength={200}
            error={err('company')}
            onValue={setCompany}
          />
          <Field
            id="reg-floor"
            label={t('register.floor')}
            value={floor}
            inputMode="numeric"
            maxLength={4}
            error={err('floor')}
            onValue={setFloor}
          />
          <Field
            id="reg-phone"
            label={t('register.phone')}
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            value={phone}
            error={err('phone')}
            onValue={setPhone}
          />
          <label class="check">
            <input
              type="checkbox"
              checked={captain}
              onChange={(ev) => setCaptain(ev.currentTarget.checked)}
            />
            {t('register.captain')}
          </label>
          {captain && (
            <Field
              id="reg-captain"
              label={t('register.captainCode')}
              value={captainCode}
              maxLength={32}
              hint={t('register.captainCode.hint')}
              error={err('captainCode')}
              onValue={setCaptainCode}
            />
          )}
          <Honeypot value={website} onValue={setWebsite} />
          {problem &&
            !['name', 'company', 'floor', 'phone', 'captainCode'].includes(problem.field) && (
              <p class="form-error" role="alert">
                {problem.message}
              </p>
            )}
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('register.submit')}
          </button>
          <p class="hint">{t('register.privacy')}</p>
        </form>
      )}
    </div>
  );
}
