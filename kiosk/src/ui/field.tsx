import type { KeyboardKind } from './keyboard.tsx';

// What the on-screen keyboard under a field would write: a physical keyboard (staff, or a
// visitor's own) types the same characters straight into the field.
export interface Typing {
  kind: KeyboardKind;
  onText(text: string): void;
  onBackspace(): void;
  // Enter: what the on-screen keyboard's "done" key does, where it has one.
  onDone?: () => void;
}
const TYPABLE: Record<KeyboardKind, RegExp> = {
  latin: /^[0-9A-Za-z ,.?-]$/,
  digits: /^[0-9]$/,
};

interface Props {
  id: string;
  label: string;
  value: string;
  active: boolean;
  error?: string | undefined;
  placeholder?: string;
  onFocus(): void;
  typing?: Typing;
}

// A field the on-screen keyboard writes into. readOnly keeps the tablet's own keyboard away;
// it is still a labelled text box for screen readers and tests.
export function KioskField(props: Props) {
  const { id, label, value, active, error, placeholder, onFocus, typing } = props;
  const onKeyDown = (e: KeyboardEvent) => {
    if (!typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Backspace') typing.onBackspace();
    else if (e.key === 'Enter' && typing.onDone) typing.onDone();
    else if (TYPABLE[typing.kind].test(e.key)) typing.onText(e.key);
    else return;
    e.preventDefault();
  };
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
        onKeyDown={onKeyDown}
      />
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
