import { h, type ComponentChildren, type LooseInputHTMLAttributes } from 'preact';
import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { ApiFailure } from '../data/http.ts';
import { useI18n, type I18n } from '../i18n.ts';

export type Errors = Record<string, string>;

// Zod's issues in the console's language, keyed by the field they name ("floors.1" → "floors").
export function issueErrors(issues: readonly z.core.$ZodIssue[], t: I18n['t']): Errors {
  const out: Errors = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? 'form');
    if (out[key]) continue;
    out[key] = issueMessage(i, t);
  }
  return out;
}

function issueMessage(i: z.core.$ZodIssue, t: I18n['t']): string {
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined || i.input === '' ? t('form.required') : t('form.badValue');
    case 'too_small':
      if (i.origin === 'string')
        return Number(i.minimum) <= 1
          ? t('form.required')
          : t('form.tooShort', { n: Number(i.minimum) });
      return i.origin === 'array'
        ? t('form.required')
        : t('form.tooSmall', { n: Number(i.minimum) });
    case 'too_big':
      return i.origin === 'string'
        ? t('form.tooLong', { n: Number(i.maximum) })
        : t('form.tooBig', { n: Number(i.maximum) });
    case 'invalid_format':
      return t('form.badFormat');
    case 'invalid_value':
      return t('form.badValue');
    default:
      return i.message;
  }
}

// One form's values, per-field errors and the call that sends it. A refusal from the API
// lands next to the field it names, or above the form when it names none.
export function useForm<V extends Record<string, unknown>>(initial: V) {
  const { t } = useI18n();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof V>(k: K, v: V[K]) => {
    setValues((old) => ({ ...old, [k]: v }));
    setErrors((old) => {
      if (!(String(k) in old)) return old;
      const rest = { ...old };
      delete rest[String(k)];
      return rest;
    });
  };
  // Parses `input` with the same schema the API uses; null (with errors shown) when it fails.
  function check<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> | null {
    const r = schema.safeParse(input);
    if (r.success) return r.data;
    setErrors({ ...issueErrors(r.error.issues, t), form: t('form.fixErrors') });
    return null;
  }
  async function run(
    fn: () => Promise<void>,
    fieldMap: Record<string, string> = {},
  ): Promise<boolean> {
    setBusy(true);
    setErrors({});
    try {
      await fn();
      return true;
    } catch (err) {
      if (err instanceof ApiFailure && err.field) {
        const top = err.field.split('.')[0] ?? err.field;
        setErrors({ [fieldMap[top] ?? top]: err.message, form: err.message });
      } else setErrors({ form: err instanceof Error ? err.message : String(err) });
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { values, setValues, set, errors, setErrors, busy, check, run };
}

export function Field(props: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ComponentChildren;
  wide?: boolean;
}) {
  return (
    <div class={`field${props.error ? ' has-error' : ''}${props.wide ? ' wide' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && !props.error && <small class="hint">{props.hint}</small>}
      {props.error && (
        <small class="error" id={`${props.id}-error`} role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}

type InputProps = {
  id: string;
  value: string;
  onValue: (v: string) => void;
  invalid?: boolean;
  type?:
    'text' | 'password' | 'number' | 'date' | 'datetime-local' | 'time' | 'tel' | 'url' | 'email';
  inputMode?: 'numeric' | 'text' | 'tel';
  autoComplete?: string;
  autoFocus?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  disabled?: boolean;
  placeholder?: string;
};
export function Input({ value, onValue, invalid, id, ...rest }: InputProps) {
  // Preact's loose input attributes: one component for every input type.
  const attrs: LooseInputHTMLAttributes<HTMLInputElement> = {
    id,
    value,
    'aria-invalid': invalid ? 'true' : undefined,
    'aria-describedby': invalid ? `${id}-error` : undefined,
    onInput: (e) => onValue(e.currentTarget.value),
    ...rest,
  };
  return h('input', attrs);
}

export function TextArea(props: {
  id: string;
  value: string;
  onValue: (v: string) => void;
  rows?: number;
  invalid?: boolean;
  maxLength?: number;
}) {
  return (
    <textarea
      id={props.id}
      rows={props.rows ?? 4}
      value={props.value}
      maxLength={props.maxLength}
      aria-invalid={props.invalid ? 'true' : undefined}
      onInput={(e) => props.onValue(e.currentTarget.value)}
    />
  );
}

export function Select<T extends string>(props: {
  id: string;
  value: T | '';
  options: readonly { value: T; label: string }[];
  onValue: (v: T) => void;
  placeholder?: string;
  disabled?: boolean;
}) {
  return (
    <select
      id={props.id}
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onValue(e.currentTarget.value as T)}
    >
      {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

// A set of checkboxes for a list value (groups, weekdays).
export function Checks<T extends string | number>(props: {
  id: string;
  label: string;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onValue: (v: T[]) => void;
  error?: string | undefined;
  hint?: string;
}) {
  return (
    <fieldset class={`field checks${props.error ? ' has-error' : ''}`} id={props.id}>
      <legend>{props.label}</legend>
      <div class="check-row">
        {props.options.map((o) => (
          <label key={String(o.value)} class="check">
            <input
              type="checkbox"
              checked={props.value.includes(o.value)}
              onChange={(e) =>
                props.onValue(
                  e.currentTarget.checked
                    ? [...props.value, o.value]
                    : props.value.filter((x) => x !== o.value),
                )
              }
            />
            {o.label}
          </label>
        ))}
      </div>
      {props.hint && !props.error && <small class="hint">{props.hint}</small>}
      {props.error && (
        <small class="error" role="alert">
          {props.error}
        </small>
      )}
    </fieldset>
  );
}

export function FormError(props: { error?: string | undefined }) {
  return props.error ? (
    <p class="form-error" role="alert">
      {props.error}
    </p>
  ) : null;
}
