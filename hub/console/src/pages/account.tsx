import { z } from 'zod';
import { password } from '#shared/schemas/staff';
import { changePassword, session } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { TextField } from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';
import { FormError } from '../ui/inputs.tsx';
import { useObservable } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';

export function AccountPage() {
  const { t, v } = useI18n();
  const s = useObservable(session);
  const f = useForm({ current: '', next: '', repeat: '' });
  const schema = z
    .object({ current: z.string().min(1), next: password, repeat: z.string() })
    .refine((x) => x.next === x.repeat, { message: 'passwordsDiffer', path: ['repeat'] });
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = f.check(schema, f.values);
    if (!input) return;
    await f.save(
      () => changePassword(input.current, input.next),
      () => f.setValues({ current: '', next: '', repeat: '' }),
      t('account.changed'),
    );
  };
  if (s.status !== 'in') return null;
  return (
    <>
      <PageHeader title={t('account.title')} />
      <p>
        {s.user.displayName} ({s.user.username}) ·{' '}
        {t('account.role', { role: v(`role.${s.user.role}`) })}
      </p>
      <form class="card narrow" onSubmit={submit} noValidate>
        <h2>{t('account.changePassword')}</h2>
        <TextField
          form={f}
          name="current"
          id="current"
          label={t('account.current')}
          type="password"
          autoComplete="current-password"
        />
        <TextField
          form={f}
          name="next"
          id="next"
          label={t('account.next')}
          type="password"
          autoComplete="new-password"
        />
        <TextField
          form={f}
          name="repeat"
          id="repeat"
          label={t('account.repeat')}
          type="password"
          autoComplete="new-password"
        />
        <FormError error={f.errors.form} />
        <button type="submit" class="primary" disabled={f.busy}>
          {t('form.save')}
        </button>
      </form>
    </>
  );
}
