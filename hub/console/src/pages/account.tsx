import { z } from 'zod';
import { password } from '#shared/schemas/staff';
import { changePassword, session } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { toast } from '../ui/dialog.tsx';
import { Field, FormError, Input, useForm } from '../ui/form.tsx';
import { useObservable } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';

export function AccountPage() {
  const { t, v } = useI18n();
  const s = useObservable(session);
  const f = useForm({ current: '', next: '', repeat: '' });
  const schema = z
    .object({ current: z.string().min(1), next: password, repeat: z.string() })
    .refine((x) => x.next === x.repeat, { message: t('account.mismatch'), path: ['repeat'] });
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = f.check(schema, f.values);
    if (!input) return;
    const ok = await f.run(() => changePassword(input.current, input.next).then(() => undefined));
    if (ok) {
      f.setValues({ current: '', next: '', repeat: '' });
      toast(t('account.changed'));
    }
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
        <Field id="current" label={t('account.current')} error={f.errors.current}>
          <Input
            id="current"
            type="password"
            autoComplete="current-password"
            value={f.values.current}
            onValue={(x) => f.set('current', x)}
            invalid={!!f.errors.current}
          />
        </Field>
        <Field id="next" label={t('account.next')} error={f.errors.next}>
          <Input
            id="next"
            type="password"
            autoComplete="new-password"
            value={f.values.next}
            onValue={(x) => f.set('next', x)}
            invalid={!!f.errors.next}
          />
        </Field>
        <Field id="repeat" label={t('account.repeat')} error={f.errors.repeat}>
          <Input
            id="repeat"
            type="password"
            autoComplete="new-password"
            value={f.values.repeat}
            onValue={(x) => f.set('repeat', x)}
            invalid={!!f.errors.repeat}
          />
        </Field>
        <FormError error={f.errors.form} />
        <button type="submit" class="primary" disabled={f.busy}>
          {t('form.save')}
        </button>
      </form>
    </>
  );
}
