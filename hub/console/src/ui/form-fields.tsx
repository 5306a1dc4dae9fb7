import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n.ts';
import type { Errors } from './form.tsx';
import { Field, FormError, Input, Select, TextArea, type InputProps } from './inputs.tsx';

// What a field takes of a `useForm`: the values (V[K] is its own), the setter, the errors.
interface Bound<K extends string, V, S> {
  form: { values: V; set: (k: K, v: S) => void; errors: Errors };
  name: K;
  id: string;
  label: string;
  hint?: string | undefined;
}

type InputOptions = Omit<InputProps, 'id' | 'value' | 'onValue' | 'invalid'>;

// A labelled input for one string value of a form, with its error beside it.
export function TextField<K extends string, V extends Record<K, string>>(
  props: Bound<K, V, string> & InputOptions,
) {
  const { form, name, id, label, hint, ...input } = props;
  const error = form.errors[name];
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <Input
        id={id}
        value={form.values[name]}
        onValue={(x) => form.set(name, x)}
        invalid={!!error}
        {...input}
      />
    </Field>
  );
}

export function TextAreaField<K extends string, V extends Record<K, string>>(
  props: Bound<K, V, string> & { rows?: number; maxLength?: number },
) {
  const { form, name, id, label, hint, rows, maxLength } = props;
  const error = form.errors[name];
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <TextArea
        id={id}
        value={form.values[name]}
        rows={rows}
        maxLength={maxLength}
        onValue={(x) => form.set(name, x)}
        invalid={!!error}
      />
    </Field>
  );
}

// A labelled choice among `options`; `onValue` replaces the plain set when a choice moves others.
export function SelectField<K extends string, V extends Record<K, string>>(
  props: Bound<K, V, V[K]> & {
    options: readonly { value: V[K]; label: string }[];
    placeholder?: string;
    disabled?: boolean;
    onValue?: (v: V[K]) => void;
  },
) {
  const { form, name, id, label, hint } = props;
  return (
    <Field id={id} label={label} error={form.errors[name]} hint={hint}>
      <Select
        id={id}
        value={form.values[name]}
        options={props.options}
        placeholder={props.placeholder}
        disabled={props.disabled}
        onValue={props.onValue ?? ((x) => form.set(name, x))}
      />
    </Field>
  );
}

// An editor's fields, all turned off at once for a role that may only read; no frame of its own.
export function EditableFields(props: { canWrite: boolean; children: ComponentChildren }) {
  return (
    <fieldset disabled={!props.canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
      {props.children}
    </fieldset>
  );
}

// The end of a form: the refusal above its submit button, or `readOnly` for a role that may
// not send it.
export function FormFooter(props: {
  form: { errors: Errors; busy: boolean };
  label?: string;
  canWrite?: boolean;
  readOnly?: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <>
      <FormError error={props.form.errors.form} />
      {props.canWrite === false ? (
        props.readOnly
      ) : (
        <div class="actions">
          <button type="submit" class="primary" disabled={props.form.busy}>
            {props.label ?? t('form.save')}
          </button>
        </div>
      )}
    </>
  );
}
