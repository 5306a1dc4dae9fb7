import type { Notice } from '#shared/schemas/notices';
import { formatAt, useLocale, useT, useTimezone } from '../i18n.ts';

export function CategoryChip({ notice }: { notice: Notice }) {
  const { v } = useT();
  return (
    <span class={`chip cat-${notice.category}`}>
      {notice.priority === 'urgent' ? `${v('priority.urgent')} · ` : ''}
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
