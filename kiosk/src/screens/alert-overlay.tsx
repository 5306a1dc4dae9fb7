import type { ContentData } from '#shared/payloads';
import { dayAndTime, useWords } from '../ui/i18n.tsx';

// An alert covers the whole kiosk until the hub clears it; nothing under it can be touched.
export function AlertOverlay({ alert }: { alert: ContentData<'alert'> }) {
  const w = useWords();
  return (
    <div
      class={`alert-overlay alert-${alert.level}`}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="alert-title"
      data-testid="alert"
    >
      <p class="alert-level">{w.v(`alert.${alert.level}`)}</p>
      <h1 id="alert-title">{alert.title}</h1>
      <p class="alert-body">{alert.body}</p>
      <p class="alert-since">{w.t('alert.since', { time: dayAndTime(w, alert.since) })}</p>
    </div>
  );
}
