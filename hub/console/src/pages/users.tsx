import { STAFF_ROLES } from '#shared/enums';
import { staffUserInput, staffUserPatch, type StaffUser } from '#shared/schemas/staff';
import { session } from '../data/session.ts';
import { createUser, listUsers, updateUser } from '../data/system.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { toast } from '../ui/dialog.tsx';
import { FormFooter, SelectField, TextField } from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';
import { useAsync } from '../ui/hooks.ts';
import { EditSplit, ListHeader, useEditing } from '../ui/list-page.tsx';
import { RowButton } from '../ui/row-actions.tsx';
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
  const submit = async (e: Event) => {
    e.preventDefault();
    if (u) {
      const patch = f.check(staffUserPatch, {
        displayName: f.values.displayName,
        role: self ? undefined : f.values.role,
        password: f.values.password || undefined,
      });
      if (!patch) return;
      await f.save(() => updateUser(u.id, patch), props.onSaved);
    } else {
      const input = f.check(staffUserInput, f.values);
      if (!input) return;
      await f.save(() => createUser(input), props.onSaved);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        form={f}
        name="username"
        id="u-username"
        label={t('user.username')}
        disabled={!!u}
        autoComplete="off"
      />
      <TextField form={f} name="displayName" id="u-displayName" label={t('user.displayName')} />
      <SelectField
        form={f}
        name="role"
        id="u-role"
        label={t('user.role')}
        disabled={self}
        options={STAFF_ROLES.map((r) => ({ value: r, label: v(`role.${r}`) }))}
      />
      <TextField
        form={f}
        name="password"
        id="u-password"
        label={u ? t('user.newPassword') : t('user.password')}
        hint={u ? t('form.optional') : undefined}
        type="password"
        autoComplete="new-password"
      />
      <FormFooter form={f} />
    </form>
  );
}

export function UsersPage() {
  const { t, v } = useI18n();
  const b = useBuilding();
  const users = useAsync(listUsers, []);
  const ed = useEditing<StaffUser>();
  const me = session.get();
  const toggle = (u: StaffUser) =>
    void updateUser(u.id, { disabled: !u.disabled }).then(users.reload, (e: Error) =>
      toast(e.message, 'error'),
    );
  return (
    <>
      <ListHeader title={t('nav.users')} newLabel={t('user.new')} onNew={ed.create} />
      <p class="muted small">{t('user.roles')}</p>
      <EditSplit
        of={ed}
        newTitle={t('user.new')}
        title={(u) => u.username}
        editor={(u) => <UserEditor user={u} onSaved={() => (ed.close(), users.reload())} />}
      >
        <Loaded state={users}>
          {(list) => (
            <DataTable
              label={t('nav.users')}
              columns={[
                t('user.username'),
                t('user.displayName'),
                t('user.role'),
                t('user.created'),
              ]}
              rows={list}
              rowKey={(u) => u.id}
              cells={(u) => (
                <>
                  <td>
                    {u.username} {u.disabled && <span class="badge bad">{t('user.disabled')}</span>}
                  </td>
                  <td>{u.displayName}</td>
                  <td>{v(`role.${u.role}`)}</td>
                  <td class="small">{fmtDateTime(u.createdAt, b.timezone)}</td>
                </>
              )}
              actions={(u) => (
                <>
                  <RowButton onClick={() => ed.edit(u)}>{t('form.edit')}</RowButton>
                  {!(me.status === 'in' && me.user.id === u.id) && (
                    <RowButton onClick={() => toggle(u)}>
                      {u.disabled ? t('user.enable') : t('user.disable')}
                    </RowButton>
                  )}
                </>
              )}
            />
          )}
        </Loaded>
      </EditSplit>
    </>
  );
}
