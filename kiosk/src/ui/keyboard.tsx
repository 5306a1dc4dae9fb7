import { useState } from 'preact/hooks';
import { useWords } from './i18n.tsx';

export type KeyboardKind = 'latin' | 'digits';

interface Props {
  kind: KeyboardKind;
  onText(text: string): void;
  onBackspace(): void;
  onDone?: () => void;
}

const LATIN_ROWS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];
const KEYPAD_ROWS = ['123', '456', '789'];

// The kiosk has no physical keyboard and no input method: letters, digits and a few
// marks for Latin text, a keypad for numbers. Chinese is written on the phone.
export function Keyboard({ kind, onText, onBackspace, onDone }: Props) {
  const { t } = useWords();
  // One-shot shift, as on a phone: the next letter only.
  const [shift, setShift] = useState(false);
  const key = (k: string) => {
    const out = /[A-Z]/.test(k) && !shift ? k.toLowerCase() : k;
    return (
      <button
        type="button"
        class="key"
        data-testid={`key-${k.toLowerCase()}`}
        key={k}
        onClick={() => {
          onText(out);
          setShift(false);
        }}
      >
        {out}
      </button>
    );
  };
  const backspace = (
    <button
      type="button"
      class="key key-wide"
      data-testid="key-backspace"
      aria-label={t('key.backspace')}
      onClick={onBackspace}
    >
      ⌫
    </button>
  );
  const done = onDone && (
    <button type="button" class="key key-wide key-done" data-testid="key-done" onClick={onDone}>
      {t('key.done')}
    </button>
  );
  if (kind === 'digits') {
    return (
      <div class="keyboard keypad" data-testid="keypad">
        {KEYPAD_ROWS.map((row) => (
          <div class="key-row" key={row}>
            {[...row].map(key)}
          </div>
        ))}
        <div class="key-row">
          {backspace}
          {key('0')}
          {done}
        </div>
      </div>
    );
  }
  return (
    <div class="keyboard" data-testid="keyboard">
      {LATIN_ROWS.map((row) => (
        <div class="key-row" key={row}>
          {[...row].map(key)}
        </div>
      ))}
      <div class="key-row">
        <button
          type="button"
          class={`key key-wide${shift ? ' on' : ''}`}
          data-testid="key-shift"
          aria-label={t('key.shift')}
          aria-pressed={shift}
          onClick={() => setShift(!shift)}
        >
          ⇧
        </button>
        {[',', '.', '?', '-'].map(key)}
        <button
          type="button"
          class="key key-space"
          data-testid="key-space"
          aria-label={t('key.space')}
          onClick={() => onText(' ')}
        >
          {t('key.space')}
        </button>
        {backspace}
        {done}
      </div>
    </div>
  );
}
