import { loginInput } from '#shared/schemas/staff';
import { ApiFailure } from '../data/http.ts';
import { login } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { TextField } from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';
import { FormError } from '../ui/inputs.tsx';
import { LanguageToggle } from '../ui/layout.tsx';

export function LoginPage() {
  const { t } = useI18n();
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
        <TextField
          form={f}
          name="username"
          id="username"
          label={t('login.username')}
          autoComplete="username"
        />
        <TextField
          form={f}
          name="password"
          id="password"
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
        />
        <FormError error={f.errors.form} />
        <button type="submit" class="primary" disabled={f.busy}>
          {t('login.submit')}
        </button>
        <LanguageToggle />
      </form>
    </div>
  );
}
