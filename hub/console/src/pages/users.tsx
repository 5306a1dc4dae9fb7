import { useState } from 'preact/hooks';
import { STAFF_ROLES } from '#shared/enums';
import { staffUserInput, staffUserPatch, type StaffUser } from '#shared/schemas/staff';
import { session } from '../data/session.ts';
import { createUser, listUsers, updateUser } from '../data/system.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { Panel, toast } from '../ui/dialog.tsx';
import { Field, FormError, Input, Select, useForm } from '../ui/form.tsx';
import { useAsync } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { fmtDateTime } from '../ui/time.ts';

function UserEditor(props: { user: StaffUser | null; onSaved: () => void }) {
  const { t, v } = useI18n();
  const u = props.user;
  const f = useForm({
    username: u?.username ?? '',
    displayName: u?.displayName ?? '',
    role: u?.role ?? 'viewer',
    password: '',
  });
  const me = session.get();
  const self = me.status === 'in' && me.user.id === u?.id;
  const saved = () => {
    toast(t('form.saved'));
    props.onSaved();
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (u) {
      const patch = f.check(staffUserPatch, {
        displayName: f.values.displayName,
        role: self ? undefined : f.values.role,
        password: f.values.password || undefined,
      });
      if (!patch) return;
      if (await f.run(() => updateUser(u.id, patch).then(() => undefined))) saved();
    } else {
      const input = f.check(staffUserInput, f.values);
      if (!input) return;
      if (await f.run(() => createUser(input).then(() => undefined))) saved();
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field id="u-username" label={t('user.username')} error={f.errors.username}>
        <Input
          id="u-username"
          value={f.values.username}
          disabled={!!u}
          autoComplete="off"
          onValue={(x) => f.set('username', x)}
          invalid={!!f.errors.username}
        />
      </Field>
      <Field id="u-displayName" label={t('user.displayName')} error={f.errors.displayName}>
        <Input
          id="u-displayName"
          value={f.values.displayName}
          onValue={(x) => f.set('displayName', x)}
          invalid={!!f.errors.displayName}
        />
      </Field>
      <Field id="u-role" label={t('user.role')} error={f.errors.role}>
        <Select
          id="u-role"
          value={f.values.role}
          disabled={self}
          options={STAFF_ROLES.map((r) => ({ value: r, label: v(`role.${r}`) }))}
          onValue={(x) => f.set('role', x)}
        />
      </Field>
      <Field
        id="u-password"
        label={u ? t('user.newPassword') : t('user.password')}
        error={f.errors.password}
        hint={u ? t('form.optional') : undefined}
      >
        <Input
          id="u-password"
          type="password"
          autoComplete="new-password"
          value={f.values.password}
          onValue={(x) => f.set('password', x)}
          invalid={!!f.errors.password}
        />
      </Field>
      <FormError error={f.errors.form} />
      <div class="actions">
        <button type="submit" class="primary" disabled={f.busy}>
          {t('form.save')}
        </button>
      </div>
    </form>
  );
}

export function UsersPage() {
  const { t, v } = useI18n();
  const b = useBuilding();
  const users = useAsync(listUsers, []);
  const [editing, setEditing] = useState<StaffUser | 'new' | null>(null);
  const me = session.get();
  const toggle = (u: StaffUser) =>
    void updateUser(u.id, { disabled: !u.disabled }).then(users.reload, (e: Error) =>
      toast(e.message, 'error'),
    );
  return (
    <>
      <PageHeader title={t('nav.users')}>
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          {t('user.new')}
        </button>
      </PageHeader>
      <p class="muted small">{t('user.roles')}</p>
      <div class={editing ? 'split' : ''}>
        <Loaded state={users}>
          {(list) => (
            <table aria-label={t('nav.users')}>
              <thead>
                <tr>
                  <th>{t('user.username')}</th>
                  <th>{t('user.displayName')}</th>
                  <th>{t('user.role')}</th>
                  <th>{t('user.created')}</th>
                  <th>{t('form.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((u) => (
                  <tr key={u.id}>
                    <td>
                      {u.username}{' '}
                      {u.disabled && <span class="badge bad">{t('user.disabled')}</span>}
                    </td>
                    <td>{u.displayName}</td>
                    <td>{v(`role.${u.role}`)}</td>
                    <td class="small">{fmtDateTime(u.createdAt, b.timezone)}</td>
                    <td class="row">
                      <button type="button" class="small" onClick={() => setEditing(u)}>
                        {t('form.edit')}
                      </button>
                      {!(me.status === 'in' && me.user.id === u.id) && (
                        <button type="button" class="small" onClick={() => toggle(u)}>
                          {u.disabled ? t('user.enable') : t('user.disable')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
        {editing && (
          <Panel
            title={editing === 'new' ? t('user.new') : editing.username}
            onClose={() => setEditing(null)}
          >
            <UserEditor
              key={editing === 'new' ? 'new' : editing.id}
              user={editing === 'new' ? null : editing}
              onSaved={() => (setEditing(null), users.reload())}
            />
          </Panel>
        )}
      </div>
    </>
  );
}
