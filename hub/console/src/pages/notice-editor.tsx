import { NOTICE_CATEGORIES, PRIORITIES } from '#shared/enums';
import { noticeInput, noticePatch, type Notice } from '#shared/schemas/notices';
import { createNotice, updateNotice } from '../data/content.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { useBuilding } from '../ui/building.tsx';
import { toast } from '../ui/dialog.tsx';
import { Checks, Field, FormError, Input, Select, TextArea, useForm } from '../ui/form.tsx';
import { ImagePicker } from '../ui/image-picker.tsx';
import { fromInput, toInput } from '../ui/time.ts';
import { formatFloors, parseFloors } from '../logic/floors.ts';
import { NoticePreview } from './notice-preview.tsx';

export function NoticeEditor(props: { notice: Notice | null; onSaved: (id: number) => void }) {
  const { t, v } = useI18n();
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
      if (await f.run(() => updateNotice(n.id, patch).then(() => undefined))) {
        toast(t('form.saved'));
        props.onSaved(n.id);
      }
    } else {
      const input = f.check(noticeInput, { ...fields, building: b.id });
      if (!input) return;
      let id = 0;
      if (await f.run(async () => void (id = (await createNotice(input)).id))) {
        toast(t('form.saved'));
        props.onSaved(id);
      }
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={n ? t('notice.edit') : t('notice.new')}>
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <Field id="n-title" label={t('notice.title')} error={f.errors.title}>
          <Input
            id="n-title"
            value={val.title}
            maxLength={120}
            onValue={(x) => f.set('title', x)}
            invalid={!!f.errors.title}
          />
        </Field>
        <Field id="n-body" label={t('notice.body')} error={f.errors.body}>
          <TextArea
            id="n-body"
            value={val.body}
            rows={5}
            onValue={(x) => f.set('body', x)}
            invalid={!!f.errors.body}
          />
        </Field>
        <div class="form-grid">
          <Field id="n-category" label={t('notice.category')} error={f.errors.category}>
            <Select
              id="n-category"
              value={val.category}
              options={NOTICE_CATEGORIES.map((c) => ({ value: c, label: v(`notice.${c}`) }))}
              onValue={(x) => f.set('category', x)}
            />
          </Field>
          <Field
            id="n-priority"
            label={t('notice.priority')}
            error={f.errors.priority}
            hint={val.priority === 'urgent' ? t('notice.urgentHint') : undefined}
          >
            <Select
              id="n-priority"
              value={val.priority}
              options={PRIORITIES.map((p) => ({ value: p, label: v(`priority.${p}`) }))}
              onValue={(x) => f.set('priority', x)}
            />
          </Field>
          <Field
            id="n-from"
            label={t('notice.validFrom')}
            error={f.errors.validFrom}
            hint={t('form.optional')}
          >
            <Input
              id="n-from"
              type="datetime-local"
              value={val.validFrom}
              onValue={(x) => f.set('validFrom', x)}
              invalid={!!f.errors.validFrom}
            />
          </Field>
          <Field
            id="n-to"
            label={t('notice.validTo')}
            error={f.errors.validTo}
            hint={t('form.optional')}
          >
            <Input
              id="n-to"
              type="datetime-local"
              value={val.validTo}
              onValue={(x) => f.set('validTo', x)}
              invalid={!!f.errors.validTo}
            />
          </Field>
        </div>
        <Field
          id="n-floors"
          label={t('form.floors')}
          error={f.errors.floors}
          hint={t('form.floorsHint')}
        >
          <Input
            id="n-floors"
            value={val.floors}
            onValue={(x) => f.set('floors', x)}
            invalid={!!f.errors.floors}
          />
        </Field>
        <Checks
          id="n-groups"
          label={t('form.groups')}
          hint={t('form.groupsHint')}
          error={f.errors.groups}
          options={b.groups.map((g) => ({ value: g, label: g }))}
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
        <Field id="n-link" label={t('notice.link')} error={f.errors.link} hint={t('form.optional')}>
          <Input
            id="n-link"
            type="url"
            value={val.link}
            onValue={(x) => f.set('link', x)}
            invalid={!!f.errors.link}
          />
        </Field>
      </fieldset>
      <NoticePreview
        title={val.title}
        body={val.body}
        category={val.category}
        priority={val.priority}
        image={val.image}
      />
      <FormError error={f.errors.form} />
      {canWrite ? (
        <div class="actions">
          <button type="submit" class="primary" disabled={f.busy}>
            {t('form.save')}
          </button>
        </div>
      ) : (
        <p class="muted small">{t('form.readOnly')}</p>
      )}
    </form>
  );
}
