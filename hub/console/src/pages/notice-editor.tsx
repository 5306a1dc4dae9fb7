import { NOTICE_CATEGORIES, PRIORITIES } from '#shared/enums';
import { noticeInput, noticePatch, type Notice } from '#shared/schemas/notices';
import { createNotice, updateNotice } from '../data/content.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { useBuilding } from '../ui/building.tsx';
import {
  EditableFields,
  FormFooter,
  SelectField,
  TextAreaField,
  TextField,
} from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';
import { Checks } from '../ui/inputs.tsx';
import { ImagePicker } from '../ui/image-picker.tsx';
import { fromInput, toInput } from '../ui/time.ts';
import { formatFloors, parseFloors } from '../logic/floors.ts';
import { NoticePreview } from './notice-preview.tsx';

export function NoticeEditor(props: { notice: Notice | null; onSaved: (id: number) => void }) {
  const { t, v, g: groupName } = useI18n();
  const b = useBuilding();
  const n = props.notice;
  const canWrite = allowed('content');
  const f = useForm({
    title: n?.title ?? '',
    body: n?.body ?? '',
    category: n?.category ?? 'affairs',
    priority: n?.priority ?? 'normal',
    validFrom: toInput(n?.validFrom, b.timezone),
    validTo: toInput(n?.validTo, b.timezone),
    floors: formatFloors(n?.floors ?? []),
    groups: n?.groups ?? [],
    image: n?.image ?? '',
    link: n?.link ?? '',
  });
  const val = f.values;

  const submit = async (e: Event) => {
    e.preventDefault();
    const floors = parseFloors(val.floors);
    if (floors === null) {
      f.setErrors({ floors: t('form.badFormat'), form: t('form.fixErrors') });
      return;
    }
    const fields = {
      title: val.title,
      body: val.body,
      category: val.category,
      priority: val.priority,
      validFrom: fromInput(val.validFrom, b.timezone),
      validTo: fromInput(val.validTo, b.timezone),
      floors,
      groups: val.groups,
      image: val.image || undefined,
      link: val.link || undefined,
    };
    if (n) {
      const patch = f.check(noticePatch, fields);
      if (!patch) return;
      await f.save(
        () => updateNotice(n.id, patch),
        () => props.onSaved(n.id),
      );
    } else {
      const input = f.check(noticeInput, { ...fields, building: b.id });
      if (!input) return;
      let id = 0;
      await f.save(
        async () => void (id = (await createNotice(input)).id),
        () => props.onSaved(id),
      );
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={n ? t('notice.edit') : t('notice.new')}>
      <EditableFields canWrite={canWrite}>
        <TextField form={f} name="title" id="n-title" label={t('notice.title')} maxLength={120} />
        <TextAreaField form={f} name="body" id="n-body" label={t('notice.body')} rows={5} />
        <div class="form-grid">
          <SelectField
            form={f}
            name="category"
            id="n-category"
            label={t('notice.category')}
            options={NOTICE_CATEGORIES.map((c) => ({ value: c, label: v(`notice.${c}`) }))}
          />
          <SelectField
            form={f}
            name="priority"
            id="n-priority"
            label={t('notice.priority')}
            hint={val.priority === 'urgent' ? t('notice.urgentHint') : undefined}
            options={PRIORITIES.map((p) => ({ value: p, label: v(`priority.${p}`) }))}
          />
          <TextField
            form={f}
            name="validFrom"
            id="n-from"
            label={t('notice.validFrom')}
            hint={t('form.optional')}
            type="datetime-local"
          />
          <TextField
            form={f}
            name="validTo"
            id="n-to"
            label={t('notice.validTo')}
            hint={t('form.optional')}
            type="datetime-local"
          />
        </div>
        <TextField
          form={f}
          name="floors"
          id="n-floors"
          label={t('form.floors')}
          hint={t('form.floorsHint')}
        />
        <Checks
          id="n-groups"
          label={t('form.groups')}
          hint={t('form.groupsHint')}
          error={f.errors.groups}
          options={b.groups.map((g) => ({ value: g, label: groupName(g) }))}
          value={val.groups}
          onValue={(x) => f.set('groups', x)}
        />
        <ImagePicker
          id="n-image"
          label={t('notice.image')}
          value={val.image}
          onValue={(x) => f.set('image', x)}
          error={f.errors.image}
          disabled={!canWrite}
        />
        <TextField
          form={f}
          name="link"
          id="n-link"
          label={t('notice.link')}
          hint={t('form.optional')}
          type="url"
        />
      </EditableFields>
      <NoticePreview
        title={val.title}
        body={val.body}
        category={val.category}
        priority={val.priority}
        image={val.image}
      />
      <FormFooter
        form={f}
        canWrite={canWrite}
        readOnly={<p class="muted small">{t('form.readOnly')}</p>}
      />
    </form>
  );
}
