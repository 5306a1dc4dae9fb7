import { loginInput } from '#shared/schemas/staff';
import { ApiFailure } from '../data/http.ts';
import { setLocale } from '../data/prefs.ts';
import { login } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { Field, FormError, Input, useForm } from '../ui/form.tsx';

export function LoginPage() {
  const { t, locale } = useI18n();
  const f = useForm({ username: '', password: '' });
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = f.check(loginInput, f.values);
    if (!input) return;
    const ok = await f.run(async () => {
      try {
        await login(input.username, input.password);
      } catch (err) {
        // "Wrong username or password" reads better in the chosen language.
        if (err instanceof ApiFailure && err.status === 401)
          throw new Error(t('login.failed'), { cause: err });
        throw err;
      }
    });
    if (!ok) f.set('password', '');
  };
  return (
    <div class="login">
      <form class="card" onSubmit={submit} noValidate>
        <h1>{t('login.title')}</h1>
        <Field id="username" label={t('login.username')} error={f.errors.username}>
          <Input
            id="username"
            autoComplete="username"
            value={f.values.username}
            onValue={(x) => f.set('username', x)}
            invalid={!!f.errors.username}
          />
        </Field>
        <Field id="password" label={t('login.password')} error={f.errors.password}>
          <Input
            id="password"
            type="password"
            autoComplete="current-password"
            value={f.values.password}
            onValue={(x) => f.set('password', x)}
            invalid={!!f.errors.password}
          />
        </Field>
        <FormError error={f.errors.form} />
        <button type="submit" class="primary" disabled={f.busy}>
          {t('login.submit')}
        </button>
        <button
          type="button"
          class="ghost"
          onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('app.language')}
        </button>
      </form>
    </div>
  );
}
