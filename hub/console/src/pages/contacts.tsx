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
import { useConfirmDelete } from '../ui/confirm-delete.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { EditableFields, FormFooter, SelectField, TextField } from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';
import { useAsync } from '../ui/hooks.ts';
import { Link } from '../ui/link.tsx';
import { ImagePicker } from '../ui/image-picker.tsx';
import { EditSplit, ListHeader, useEditing } from '../ui/list-page.tsx';
import { EditDeleteButtons } from '../ui/row-actions.tsx';

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
    await f.save(
      () =>
        c
          ? updateContact(c.id, input)
          : createContact({ ...input, building: b.id } as Parameters<typeof createContact>[0]),
      props.onSaved,
    );
  };
  const field = (
    k: 'name' | 'company' | 'phone' | 'wechat' | 'hours',
    label: string,
    type: 'text' | 'tel' = 'text',
  ) => <TextField form={f} name={k} id={`c-${k}`} label={label} type={type} />;
  return (
    <form onSubmit={submit} noValidate>
      <EditableFields canWrite={canWrite}>
        <div class="form-grid">
          {field('name', t('contact.name'))}
          <SelectField
            form={f}
            name="role"
            id="c-role"
            label={t('contact.role')}
            options={CONTACT_ROLES.map((r) => ({ value: r, label: v(`contact.${r}`) }))}
          />
          <TextField
            form={f}
            name="floors"
            id="c-floors"
            label={t('form.floors')}
            hint={t('form.floorsHint')}
          />
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
      </EditableFields>
      {c?.captainCode && canWrite && (
        <p class="small muted">
          {t('contact.captainCode')}: <code>{c.captainCode}</code>{' '}
          <Link to={`/contacts/${c.id}/card`} class="button small">
            {t('captainCard.print')}
          </Link>
        </p>
      )}
      <FormFooter form={f} canWrite={canWrite} />
    </form>
  );
}

export function ContactsPage() {
  const { t, v } = useI18n();
  const b = useBuilding();
  const list = useAsync(() => listContacts(b.id), [b.id]);
  const ed = useEditing<StaffContact>();
  const del = useConfirmDelete({
    remove: (c: StaffContact) => deleteContact(c.id),
    name: (c) => c.name,
    onDeleted: list.reload,
  });
  const canWrite = allowed('content');
  return (
    <>
      <ListHeader
        title={t('nav.contacts')}
        newLabel={t('contact.new')}
        onNew={canWrite && ed.create}
      />
      <EditSplit
        of={ed}
        newTitle={t('contact.new')}
        title={(c) => c.name}
        editor={(c) => <ContactEditor contact={c} onSaved={() => (ed.close(), list.reload())} />}
      >
        <Loaded state={list}>
          {(contacts) => (
            <DataTable
              columns={[
                t('contact.name'),
                t('contact.role'),
                t('contact.company'),
                t('contact.phone'),
                t('contact.hours'),
                ...(canWrite ? [t('contact.captainCode')] : []),
              ]}
              groups={[
                {
                  key: 'building',
                  label: t('contact.buildingWide'),
                  rows: contacts.filter((c) => c.floors.length === 0),
                },
                ...b.floors
                  .map((fl) => ({
                    key: `f${fl.number}`,
                    label: fl.label,
                    rows: contacts.filter((c) => c.floors.includes(fl.number)),
                  }))
                  .filter((g) => g.rows.length > 0),
              ]}
              rowKey={(c) => c.id}
              cells={(c) => (
                <>
                  <td>{c.name}</td>
                  <td>{v(`contact.${c.role}`)}</td>
                  <td>{c.company}</td>
                  <td>{c.phone}</td>
                  <td class="small">{c.hours}</td>
                  {canWrite && (
                    <td>
                      {c.captainCode && (
                        <Link to={`/contacts/${c.id}/card`} testId={`captain-card-${c.id}`}>
                          <code>{c.captainCode}</code>
                        </Link>
                      )}
                    </td>
                  )}
                </>
              )}
              actions={(c) => (
                <EditDeleteButtons
                  canWrite={canWrite}
                  onEdit={() => ed.edit(c)}
                  onDelete={() => del.ask(c)}
                />
              )}
            />
          )}
        </Loaded>
      </EditSplit>
      {del.dialog}
    </>
  );
}
