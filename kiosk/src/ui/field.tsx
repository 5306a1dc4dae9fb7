interface Props {
  id: string;
  label: string;
  value: string;
  active: boolean;
  error?: string | undefined;
  placeholder?: string;
  onFocus(): void;
}

// A field the on-screen keyboard writes into. readOnly keeps the tablet's own keyboard away;
// it is still a labelled text box for screen readers and tests.
export function KioskField({ id, label, value, active, error, placeholder, onFocus }: Props) {
  return (
    <div class={`kfield${active ? ' active' : ''}${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        readOnly
        inputMode="none"
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={error ? `${id}-error` : undefined}
        onPointerDown={onFocus}
        onFocus={onFocus}
      />
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
