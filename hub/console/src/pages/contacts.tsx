import { useState } from 'preact/hooks';
import { CONTACT_ROLES } from '#shared/enums';
import { contactInput, contactPatch } from '#shared/schemas/contacts';
import {
  createContact,
  deleteContact,
  listContacts,
  updateContact,
  type StaffContact,
} from '../data/content.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { formatFloors, parseFloors } from '../logic/floors.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { Confirm, Panel, toast } from '../ui/dialog.tsx';
import { Field, FormError, Input, Select, useForm } from '../ui/form.tsx';
import { useAsync } from '../ui/hooks.ts';
import { ImagePicker } from '../ui/image-picker.tsx';
import { PageHeader } from '../ui/layout.tsx';

function ContactEditor(props: { contact: StaffContact | null; onSaved: () => void }) {
  const { t, v } = useI18n();
  const b = useBuilding();
  const c = props.contact;
  const canWrite = allowed('content');
  const f = useForm({
    name: c?.name ?? '',
    role: c?.role ?? 'captain',
    floors: formatFloors(c?.floors ?? []),
    company: c?.company ?? '',
    phone: c?.phone ?? '',
    wechat: c?.wechat ?? '',
    photo: c?.photo ?? '',
    hours: c?.hours ?? '',
  });
  const val = f.values;
  const submit = async (e: Event) => {
    e.preventDefault();
    const floors = parseFloors(val.floors);
    if (floors === null)
      return f.setErrors({ floors: t('form.badFormat'), form: t('form.fixErrors') });
    const fields = {
      ...val,
      floors,
      wechat: val.wechat || undefined,
      photo: val.photo || undefined,
    };
    const input = c
      ? f.check(contactPatch, fields)
      : f.check(contactInput, { ...fields, building: b.id });
    if (!input) return;
    const ok = await f.run(async () => {
      if (c) await updateContact(c.id, input);
      else await createContact({ ...input, building: b.id } as Parameters<typeof createContact>[0]);
    });
    if (ok) {
      toast(t('form.saved'));
      props.onSaved();
    }
  };
  const field = (
    k: 'name' | 'company' | 'phone' | 'wechat' | 'hours',
    label: string,
    type: 'text' | 'tel' = 'text',
  ) => (
    <Field id={`c-${k}`} label={label} error={f.errors[k]}>
      <Input
        id={`c-${k}`}
        type={type}
        value={val[k]}
        onValue={(x) => f.set(k, x)}
        invalid={!!f.errors[k]}
      />
    </Field>
  );
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <div class="form-grid">
          {field('name', t('contact.name'))}
          <Field id="c-role" label={t('contact.role')} error={f.errors.role}>
            <Select
              id="c-role"
              value={val.role}
              options={CONTACT_ROLES.map((r) => ({ value: r, label: v(`contact.${r}`) }))}
              onValue={(x) => f.set('role', x)}
            />
          </Field>
          <Field
            id="c-floors"
            label={t('form.floors')}
            error={f.errors.floors}
            hint={t('form.floorsHint')}
          >
            <Input
              id="c-floors"
              value={val.floors}
              onValue={(x) => f.set('floors', x)}
              invalid={!!f.errors.floors}
            />
          </Field>
          {field('company', t('contact.company'))}
          {field('phone', t('contact.phone'), 'tel')}
          {field('wechat', t('contact.wechat'))}
        </div>
        {field('hours', t('contact.hours'))}
        <ImagePicker
          id="c-photo"
          label={t('contact.photo')}
          value={val.photo}
          onValue={(x) => f.set('photo', x)}
          error={f.errors.photo}
          disabled={!canWrite}
        />
      </fieldset>
      {c?.captainCode && (
        <p class="small muted">
          {t('contact.captainCode')}: <code>{c.captainCode}</code>
        </p>
      )}
      <FormError error={f.errors.form} />
      {canWrite && (
        <div class="actions">
          <button type="submit" class="primary" disabled={f.busy}>
            {t('form.save')}
          </button>
        </div>
      )}
    </form>
  );
}

export function ContactsPage() {
  const { t, v } = useI18n();
  const b = useBuilding();
  const list = useAsync(() => listContacts(b.id), [b.id]);
  const [editing, setEditing] = useState<StaffContact | 'new' | null>(null);
  const [deleting, setDeleting] = useState<StaffContact | null>(null);
  const canWrite = allowed('content');
  const row = (c: StaffContact) => (
    <tr key={c.id}>
      <td>{c.name}</td>
      <td>{v(`contact.${c.role}`)}</td>
      <td>{c.company}</td>
      <td>{c.phone}</td>
      <td class="small">{c.hours}</td>
      <td class="row">
        <button type="button" class="small" onClick={() => setEditing(c)}>
          {canWrite ? t('form.edit') : t('fb.open')}
        </button>
        {canWrite && (
          <button type="button" class="small" onClick={() => setDeleting(c)}>
            {t('form.delete')}
          </button>
        )}
      </td>
    </tr>
  );
  return (
    <>
      <PageHeader title={t('nav.contacts')}>
        {canWrite && (
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('contact.new')}
          </button>
        )}
      </PageHeader>
      <div class={editing ? 'split' : ''}>
        <Loaded state={list}>
          {(contacts) => (
            <table>
              <thead>
                <tr>
                  <th>{t('contact.name')}</th>
                  <th>{t('contact.role')}</th>
                  <th>{t('contact.company')}</th>
                  <th>{t('contact.phone')}</th>
                  <th>{t('contact.hours')}</th>
                  <th>{t('form.actions')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th colSpan={6}>{t('contact.buildingWide')}</th>
                </tr>
                {contacts.filter((c) => c.floors.length === 0).map(row)}
                {b.floors.map((fl) => {
                  const mine = contacts.filter((c) => c.floors.includes(fl.number));
                  return mine.length === 0
                    ? null
                    : [
                        <tr key={`f${fl.number}`}>
                          <th colSpan={6}>{fl.label}</th>
                        </tr>,
                        ...mine.map(row),
                      ];
                })}
              </tbody>
            </table>
          )}
        </Loaded>
        {editing && (
          <Panel
            title={editing === 'new' ? t('contact.new') : editing.name}
            onClose={() => setEditing(null)}
          >
            <ContactEditor
              key={editing === 'new' ? 'new' : editing.id}
              contact={editing === 'new' ? null : editing}
              onSaved={() => (setEditing(null), list.reload())}
            />
          </Panel>
        )}
      </div>
      <Confirm
        open={deleting !== null}
        title={t('form.delete')}
        confirmLabel={t('form.delete')}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting)
            void deleteContact(deleting.id).then(list.reload, (e: Error) =>
              toast(e.message, 'error'),
            );
          setDeleting(null);
        }}
      >
        <p>{t('form.deleteConfirm', { name: deleting?.name ?? '' })}</p>
      </Confirm>
    </>
  );
}
