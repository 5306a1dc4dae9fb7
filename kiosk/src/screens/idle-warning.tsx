import { useWords } from '../ui/i18n.tsx';

// "继续使用？" with the seconds left before the kiosk forgets the visitor. Any touch keeps
// it (the idle timer listens to every touch), the button just gives the touch a place.
export function IdleWarning({ seconds }: { seconds: number }) {
  const w = useWords();
  return (
    <div
      class="idle-warning"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-title"
      aria-describedby="idle-body"
      data-testid="idle-warning"
    >
      <div class="idle-card">
        <h1 id="idle-title">{w.t('idle.title')}</h1>
        <p id="idle-body" aria-live="polite">
          {w.t('idle.body', { n: seconds })}
        </p>
        <button type="button" class="btn btn-primary" data-testid="idle-continue">
          {w.t('idle.continue')}
        </button>
      </div>
    </div>
  );
}
