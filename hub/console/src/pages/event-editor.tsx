import { EVENT_KINDS } from '#shared/enums';
import { eventInput, eventPatch, type StaffEvent } from '#shared/schemas/events';
import { createEvent, updateEvent } from '../data/events.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { useBuilding } from '../ui/building.tsx';
import { EditableFields, FormFooter, SelectField, TextField } from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';
import { Field, TextArea } from '../ui/inputs.tsx';
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
    await f.save(
      () =>
        e
          ? updateEvent(e.id, input)
          : createEvent({ ...input, building: b.id } as Parameters<typeof createEvent>[0]),
      props.onSaved,
    );
  };
  const time = (k: TimeKey, optional = true) => (
    <TextField
      form={f}
      name={k}
      id={`e-${k}`}
      label={t(`event.${k}`)}
      hint={optional ? t('form.optional') : undefined}
      type="datetime-local"
    />
  );
  return (
    <form onSubmit={submit} noValidate>
      <EditableFields canWrite={canWrite}>
        <TextField form={f} name="title" id="e-title" label={t('event.title')} />
        <div class="form-grid">
          <SelectField
            form={f}
            name="kind"
            id="e-kind"
            label={t('event.kind')}
            options={EVENT_KINDS.map((k) => ({ value: k, label: v(`event.${k}`) }))}
          />
          <TextField form={f} name="place" id="e-place" label={t('event.place')} />
          {time('start', false)}
          {time('end', false)}
          <TextField
            form={f}
            name="capacity"
            id="e-capacity"
            label={t('event.capacity')}
            type="number"
            min={1}
          />
          <TextField
            form={f}
            name="captainSeats"
            id="e-captainSeats"
            label={t('event.captainSeats')}
            type="number"
            min={0}
          />
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
      </EditableFields>
      <FormFooter form={f} canWrite={canWrite} />
    </form>
  );
}
