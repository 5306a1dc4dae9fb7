import { useState } from 'preact/hooks';
import { useI18n } from '../i18n.ts';
import { Confirm, toast } from './dialog.tsx';

// Asks before an item goes. The dialog closes at once; a refusal from the API shows in a toast.
// `verb` and `question` word it for what is not a deletion (revoking a screen).
export function useConfirmDelete<T>(opts: {
  remove: (item: T) => Promise<unknown>;
  name: (item: T) => string;
  onDeleted: (item: T) => void;
  verb?: string;
  question?: (name: string) => string;
}) {
  const { t } = useI18n();
  const [pending, setPending] = useState<T | null>(null);
  const verb = opts.verb ?? t('form.delete');
  const name = pending === null ? '' : opts.name(pending);
  const confirm = () => {
    const item = pending;
    if (item !== null)
      void opts.remove(item).then(
        () => opts.onDeleted(item),
        (e: Error) => toast(e.message, 'error'),
      );
    setPending(null);
  };
  const dialog = (
    <Confirm
      open={pending !== null}
      title={verb}
      confirmLabel={verb}
      danger
      onCancel={() => setPending(null)}
      onConfirm={confirm}
    >
      <p>{opts.question ? opts.question(name) : t('form.deleteConfirm', { name })}</p>
    </Confirm>
  );
  return { ask: (item: T) => setPending(() => item), dialog };
}
