import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { observable } from '../data/observable.ts';
import { useI18n } from '../i18n.ts';
import { useObservable } from './hooks.ts';

// A modal question with one way forward and one way back; Escape cancels.
export function Confirm(props: {
  open: boolean;
  title: string;
  children?: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby="confirm-title"
      onCancel={(e) => (e.preventDefault(), props.onCancel())}
    >
      <h2 id="confirm-title">{props.title}</h2>
      {props.children}
      <div class="actions">
        <button type="button" onClick={props.onCancel}>
          {t('form.cancel')}
        </button>
        <button
          type="button"
          class={props.danger ? 'danger' : 'primary'}
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

// A side panel beside a list, for the item being edited.
export function Panel(props: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <section class="panel" aria-label={props.title} data-testid={props.testId}>
      <header>
        <h2>{props.title}</h2>
        <button type="button" class="ghost" aria-label={t('form.close')} onClick={props.onClose}>
          ×
        </button>
      </header>
      {props.children}
    </section>
  );
}

const toasts = observable<{ id: number; text: string; tone: 'ok' | 'error' }[]>([]);
let nextId = 1;
export function toast(text: string, tone: 'ok' | 'error' = 'ok'): void {
  const id = nextId++;
  toasts.set([...toasts.get(), { id, text, tone }]);
  setTimeout(() => toasts.set(toasts.get().filter((x) => x.id !== id)), 4000);
}

export function Toasts() {
  const list = useObservable(toasts);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {list.map((x) => (
        <div key={x.id} class={`toast ${x.tone}`}>
          {x.text}
        </div>
      ))}
    </div>
  );
}
