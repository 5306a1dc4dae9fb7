import { h, type ComponentChildren, type LooseInputHTMLAttributes } from 'preact';

// The bare controls; form-fields.tsx binds them to a form's values and errors.

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

export type InputProps = {
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
