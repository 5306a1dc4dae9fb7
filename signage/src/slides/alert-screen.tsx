import { useEffect } from 'preact/hooks';
import type { ContentPayload } from '#shared/payloads';
import { useSession } from '#shared/device/hooks';
import { formatAt, useLocale, useT, useTimezone } from '../i18n.ts';

// An emergency replaces everything. Once painted, the screen says so in its `state`.
export function AlertScreen({ alert }: { alert: ContentPayload<'alert'> }) {
  const { t, v } = useT();
  const locale = useLocale();
  const tz = useTimezone();
  const session = useSession();
  const a = alert.data;
  useEffect(() => {
    session.alertShown(alert.rev);
  }, [session, alert.rev]);
  useEffect(() => () => session.alertShown(null), [session]);
  return (
    <div class={`alert-screen level-${a.level}`} role="alert" data-testid="alert">
      <div class="alert-level">{v(`alert.${a.level}`)}</div>
      <h1 class="alert-title">{a.title}</h1>
      {a.body && <p class="alert-body">{a.body}</p>}
      <p class="alert-since">{t('alert.since', { time: formatAt(a.since, 'time', locale, tz) })}</p>
    </div>
  );
}
