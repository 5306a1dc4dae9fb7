import { getSnapshotFill } from '../data/devices.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useAsync } from '../ui/hooks.ts';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

// How full each content topic is against its budget (shared/budgets.ts): a write past it is
// refused, so staff see it coming here first.
export function SnapshotFill({ building }: { building: string }) {
  const { t } = useI18n();
  const fill = useAsync(() => getSnapshotFill(building), [building]);
  return (
    <section class="snapshot-fill" data-testid="snapshot-fill">
      <h2>{t('fill.title')}</h2>
      <p class="muted small">{t('fill.hint')}</p>
      <Loaded state={fill}>
        {(topics) => (
          <ul>
            {topics.map((f) => (
              <li key={f.topic} data-testid={`fill-${f.topic}`}>
                <span>{t(`fill.topic.${f.topic}`)}</span>{' '}
                <meter min={0} max={f.budget} high={f.budget * 0.8} value={f.bytes} />{' '}
                <span class="small">
                  {kb(f.bytes)} / {kb(f.budget)} KB ({Math.round((f.bytes / f.budget) * 100)}%)
                </span>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
