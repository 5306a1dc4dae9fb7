import type { Notice } from '#shared/schemas/notices';
import { formatAt, useLocale, useT, useTimezone } from '../i18n.ts';

// An urgent notice says "important", never "emergency": that word is the alert's.
export function CategoryChip({ notice }: { notice: Notice }) {
  const { t, v } = useT();
  return (
    <span class={`chip cat-${notice.category}`}>
      {notice.priority === 'urgent' ? `${t('notice.important')} · ` : ''}
      {v(`notice.${notice.category}`)}
    </span>
  );
}

export function Validity({ notice }: { notice: Notice }) {
  const { t } = useT();
  const locale = useLocale();
  const tz = useTimezone();
  if (!notice.validTo) return null;
  return (
    <span class="validity">
      {t('notice.until', { date: formatAt(notice.validTo, 'day', locale, tz) })}
    </span>
  );
}
