import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n.ts';
import type { Async } from './hooks.ts';

// Loading, failed (with a retry) or the content.
export function Loaded<T>(props: { state: Async<T>; children: (data: T) => ComponentChildren }) {
  const { t } = useI18n();
  const { data, error, reload } = props.state;
  if (error && data === undefined) {
    return (
      <p class="form-error" role="alert">
        {error.message}{' '}
        <button type="button" class="small" onClick={reload}>
          {t('app.retry')}
        </button>
      </p>
    );
  }
  if (data === undefined) return <p class="muted">{t('app.loading')}</p>;
  return <>{props.children(data)}</>;
}
