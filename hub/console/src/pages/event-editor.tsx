import { EVENT_KINDS } from '#shared/enums';
import { eventInput, eventPatch, type StaffEvent } from '#shared/schemas/events';
import { createEvent, updateEvent } from '../data/events.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { useBuilding } from '../ui/building.tsx';
import { toast } from '../ui/dialog.tsx';
import { Field, FormError, Input, Select, TextArea, useForm } from '../ui/form.tsx';
import { fromInput, toInput } from '../ui/time.ts';

type TimeKey =
  | 'start'
  | 'end'
  | 'registrationOpens'
  | 'registrationCloses'
  | 'captainWindowOpens'
  | 'captainSeatsReleaseAt';
const TIMES: TimeKey[] = [
  'start',
  'end',
  'registrationOpens',
  'registrationCloses',
  'captainWindowOpens',
  'captainSeatsReleaseAt',
];

export function EventEditor(props: { event: StaffEvent | null; onSaved: () => void }) {
  const { t, v } = useI18n();
  const b = useBuilding();
  const e = props.event;
  const canWrite = allowed('content');
  const f = useForm({
    title: e?.title ?? '',
    kind: e?.kind ?? 'lecture',
    place: e?.place ?? '',
    description: e?.description ?? '',
    capacity: String(e?.capacity ?? 30),
    captainSeats: String(e?.captainSeats ?? 0),
    start: toInput(e?.start, b.timezone),
    end: toInput(e?.end, b.timezone),
    registrationOpens: toInput(e?.registrationOpens, b.timezone),
    registrationCloses: toInput(e?.registrationCloses, b.timezone),
    captainWindowOpens: toInput(e?.captainWindowOpens, b.timezone),
    captainSeatsReleaseAt: toInput(e?.captainSeatsReleaseAt, b.timezone),
  });
  const val = f.values;
  const submit = async (ev: Event) => {
    ev.preventDefault();
    const times = Object.fromEntries(TIMES.map((k) => [k, fromInput(val[k], b.timezone)]));
    const fields = {
      title: val.title,
      kind: val.kind,
      place: val.place,
      description: val.description,
      capacity: Number(val.capacity),
      captainSeats: Number(val.captainSeats),
      ...times,
    };
    const input = e
      ? f.check(eventPatch, fields)
      : f.check(eventInput, { ...fields, building: b.id });
    if (!input) return;
    const ok = await f.run(async () => {
      if (e) await updateEvent(e.id, input);
      else await createEvent({ ...input, building: b.id } as Parameters<typeof createEvent>[0]);
    });
    if (ok) {
      toast(t('form.saved'));
      props.onSaved();
    }
  };
  const time = (k: TimeKey, optional = true) => (
    <Field
      id={`e-${k}`}
      label={t(`event.${k}`)}
      error={f.errors[k]}
      hint={optional ? t('form.optional') : undefined}
    >
      <Input
        id={`e-${k}`}
        type="datetime-local"
        value={val[k]}
        onValue={(x) => f.set(k, x)}
        invalid={!!f.errors[k]}
      />
    </Field>
  );
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <Field id="e-title" label={t('event.title')} error={f.errors.title}>
          <Input
            id="e-title"
            value={val.title}
            onValue={(x) => f.set('title', x)}
            invalid={!!f.errors.title}
          />
        </Field>
        <div class="form-grid">
          <Field id="e-kind" label={t('event.kind')} error={f.errors.kind}>
            <Select
              id="e-kind"
              value={val.kind}
              options={EVENT_KINDS.map((k) => ({ value: k, label: v(`event.${k}`) }))}
              onValue={(x) => f.set('kind', x)}
            />
          </Field>
          <Field id="e-place" label={t('event.place')} error={f.errors.place}>
            <Input
              id="e-place"
              value={val.place}
              onValue={(x) => f.set('place', x)}
              invalid={!!f.errors.place}
            />
          </Field>
          {time('start', false)}
          {time('end', false)}
          <Field id="e-capacity" label={t('event.capacity')} error={f.errors.capacity}>
            <Input
              id="e-capacity"
              type="number"
              min={1}
              value={val.capacity}
              onValue={(x) => f.set('capacity', x)}
              invalid={!!f.errors.capacity}
            />
          </Field>
          <Field id="e-captainSeats" label={t('event.captainSeats')} error={f.errors.captainSeats}>
            <Input
              id="e-captainSeats"
              type="number"
              min={0}
              value={val.captainSeats}
              onValue={(x) => f.set('captainSeats', x)}
              invalid={!!f.errors.captainSeats}
            />
          </Field>
          {time('registrationOpens')}
          {time('registrationCloses')}
          {time('captainWindowOpens')}
          {time('captainSeatsReleaseAt')}
        </div>
        <Field id="e-description" label={t('event.description')} error={f.errors.description}>
          <TextArea
            id="e-description"
            value={val.description}
            onValue={(x) => f.set('description', x)}
          />
        </Field>
      </fieldset>
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
