import { FEEDBACK_CATEGORIES } from '#shared/enums';
import { useDevice } from '#shared/device/hooks';
import { useT } from '../i18n.ts';
import type { SlideProps } from './types.ts';

const TOP_CATEGORIES = 5;

// The public counters the committee promised: received, in progress, done, satisfaction.
export function BoardSlide(_props: SlideProps) {
  const { t, v } = useT();
  const board = useDevice((s) => s.content.board);
  if (!board) return null;
  const b = board.data;
  const rows = FEEDBACK_CATEGORIES.map((c) => ({ c, n: b.byCategory[c] }))
    .filter((r) => r.n && r.n.received > 0)
    .sort((x, y) => (y.n?.received ?? 0) - (x.n?.received ?? 0))
    .slice(0, TOP_CATEGORIES);
  const max = Math.max(1, ...rows.map((r) => r.n?.received ?? 0));
  return (
    <section class="slide-body board" data-slide-kind="board">
      <h1 class="slide-title">
        {t('board.title')}
        <small>{t('board.period', { period: b.period })}</small>
      </h1>
      <div class="counters">
        <Counter label={t('board.received')} value={String(b.received)} tone="received" />
        <Counter label={t('board.inProgress')} value={String(b.inProgress)} tone="progress" />
        <Counter label={t('board.done')} value={String(b.done)} tone="done" />
        <Counter
          label={
            b.satisfaction === null
              ? `${t('board.satisfaction')} · ${t('board.noRating')}`
              : t('board.satisfaction')
          }
          value={b.satisfaction === null ? '—' : `${b.satisfaction.toFixed(1)} ★`}
          tone="rating"
        />
      </div>
      <ul class="bars">
        {rows.map((r) => (
          <li key={r.c}>
            <span class="bar-label">{v(`feedback.${r.c}`)}</span>
            <span class="bar-track">
              <span class="bar-done" style={{ width: `${((r.n?.done ?? 0) / max) * 100}%` }} />
              <span
                class="bar-open"
                style={{ width: `${(((r.n?.received ?? 0) - (r.n?.done ?? 0)) / max) * 100}%` }}
              />
            </span>
            <span class="bar-count">
              {r.n?.done ?? 0}/{r.n?.received ?? 0}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Counter({ label, value, tone }: { label: string; value: string; tone: string }) {
  return (
    <div class={`counter tone-${tone}`}>
      <div class="counter-value">{value}</div>
      <div class="counter-label">{label}</div>
    </div>
  );
}
