interface Props {
  id: string;
  inputMode?: 'text' | 'tel' | 'numeric';
  autoComplete?: string;
  maxLength?: number;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  onValue(v: string): void;
}

// A labelled input with its message under it; the message is what the hub said about it.
export function Field(props: Props) {
  const { id, label, value, error, hint, onValue } = props;
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        value={value}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        type="text"
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      {hint && !error && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

// Never seen by people; form-filling bots fill it and the hub drops what they send.
export function Honeypot({ value, onValue }: { value: string; onValue(v: string): void }) {
  return (
    <input
      class="hp"
      name="website"
      tabIndex={-1}
      autoComplete="off"
      aria-hidden="true"
      value={value}
      onInput={(e) => onValue(e.currentTarget.value)}
    />
  );
}
