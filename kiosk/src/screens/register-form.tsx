import { useState } from 'preact/hooks';
import type { Floor } from '#shared/schemas/buildings';
import { registrationInput, type RegistrationInput } from '#shared/schemas/events';
import type { ApiFailure } from '../data/http.ts';
import { KioskField } from '../ui/field.tsx';
import { useWords } from '../ui/i18n.tsx';
import { Keyboard } from '../ui/keyboard.tsx';

type FieldName = 'name' | 'phone' | 'floor' | 'company';

interface Props {
  floors: readonly Floor[];
  busy: boolean;
  error: ApiFailure | null;
  onSubmit(input: RegistrationInput): void;
  onCancel(): void;
}

export function RegisterForm({ floors, busy, error, onSubmit, onCancel }: Props) {
  const { t } = useWords();
  const [active, setActive] = useState<FieldName>('name');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [floor, setFloor] = useState<number | null>(null);
  const [company, setCompany] = useState('');
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const companies = floors.find((f) => f.number === floor)?.companies ?? [];

  // The field a refusal names gets the message; the hub's own words when it sent some.
  const problem = local ?? (error ? { field: error.field ?? '', message: messageOf(error) } : null);
  function messageOf(e: ApiFailure): string {
    if (e.status === 0) return t('common.offline');
    return e.status === 409 ? `${t('register.refused')} ${e.message}` : e.message;
  }
  const errorOf = (f: FieldName) => (problem?.field === f ? problem.message : undefined);
  const general = problem && !['name', 'phone', 'floor', 'company'].includes(problem.field);

  const submit = () => {
    const input = {
      name,
      phone,
      company,
      ...(floor !== null ? { floor } : {}),
    };
    const parsed = registrationInput.safeParse(input);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      setLocal({ field, message: t(`register.invalid.${field === 'phone' ? 'phone' : 'name'}`) });
      setActive(field === 'phone' ? 'phone' : 'name');
      return;
    }
    setLocal(null);
    onSubmit(parsed.data);
  };

  const edit = (set: (f: (v: string) => string) => void) => ({
    onText: (x: string) => set((v) => (v + x).slice(0, 60)),
    onBackspace: () => set((v) => [...v].slice(0, -1).join('')),
  });

  return (
    <form
      class="kiosk-form"
      aria-label={t('register.title')}
      onSubmit={(ev) => {
        ev.preventDefault();
        submit();
      }}
    >
      <h2>{t('register.title')}</h2>
      <p class="muted">{t('register.latinOnly')}</p>
      <div class="form-fields">
        <KioskField
          id="reg-name"
          label={t('register.name')}
          value={name}
          active={active === 'name'}
          error={errorOf('name')}
          onFocus={() => setActive('name')}
          typing={{ kind: 'latin', ...edit(setName) }}
        />
        <KioskField
          id="reg-phone"
          label={t('register.phone')}
          value={phone}
          active={active === 'phone'}
          error={errorOf('phone')}
          onFocus={() => setActive('phone')}
          typing={{ kind: 'digits', ...edit(setPhone) }}
        />
        <KioskField
          id="reg-floor"
          label={t('register.floor')}
          value={floor === null ? '' : `${floor}F`}
          placeholder={t('register.optional')}
          active={active === 'floor'}
          error={errorOf('floor')}
          onFocus={() => setActive('floor')}
        />
        <KioskField
          id="reg-company"
          label={t('register.company')}
          value={company}
          placeholder={t('register.optional')}
          active={active === 'company'}
          error={errorOf('company')}
          onFocus={() => setActive('company')}
          typing={{ kind: 'latin', ...edit(setCompany) }}
        />
      </div>
      <div class="form-input">
        {active === 'name' && <Keyboard kind="latin" {...edit(setName)} />}
        {active === 'phone' && (
          <Keyboard kind="digits" {...edit(setPhone)} onDone={() => setActive('floor')} />
        )}
        {active === 'floor' && (
          <div class="floor-grid small" role="group" aria-label={t('register.floor')}>
            {floors.map((f) => (
              <button
                type="button"
                key={f.number}
                class="floor-btn"
                aria-pressed={floor === f.number}
                onClick={() => {
                  setFloor(f.number);
                  setCompany('');
                  setActive('company');
                }}
              >
                {f.label}
              </button>
            ))}
          </div>
        )}
        {active === 'company' && (
          <div class="chips" role="group" aria-label={t('register.company')}>
            {companies.length === 0 && <p class="muted">{t('register.companyPickFloor')}</p>}
            {companies.map((c) => (
              <button
                type="button"
                key={c}
                class="chip"
                aria-pressed={company === c}
                onClick={() => setCompany(company === c ? '' : c)}
              >
                {c}
              </button>
            ))}
          </div>
        )}
      </div>
      {general && problem && (
        <p class="form-error" role="alert">
          {problem.message}
        </p>
      )}
      <div class="row">
        <button type="button" class="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="register-submit">
          {t('register.submit')}
        </button>
      </div>
    </form>
  );
}
