import { activeNotices } from '#shared/schedule-resolver';
import { useDevice } from '#shared/device/hooks';
import { useT } from '../i18n.ts';
import { useFitText } from './fit-text.ts';
import { CategoryChip, Validity } from './notice-parts.tsx';
import { usePlacement } from './placement.ts';
import type { SlideProps } from './types.ts';

const PER_PAGE = 4;

// Four notices a page, urgent first; each time the slide comes round it shows the next page.
export function NoticesSlide({ round, at }: SlideProps) {
  const { t } = useT();
  const snapshot = useDevice((s) => s.content.notices);
  const list = activeNotices(snapshot?.data ?? [], new Date(at), usePlacement());
  const pages = Math.max(1, Math.ceil(list.length / PER_PAGE));
  const page = round % pages;
  const shown = list.slice(page * PER_PAGE, page * PER_PAGE + PER_PAGE);
  const ref = useFitText<HTMLElement>([shown.map((n) => `${n.title}\n${n.body}`).join('\n')]);
  return (
    <section ref={ref} class="slide-body notices" data-slide-kind="notices">
      <h1 class="slide-title">
        {t('notices.title')}
        {pages > 1 && <small>{t('notices.page', { page: page + 1, pages })}</small>}
      </h1>
      <ul class="notice-grid">
        {shown.map((n) => (
          <li
            key={n.id}
            class={`notice-card cat-edge-${n.category} prio-${n.priority}`}
            data-fit="0.7 1.3"
          >
            <CategoryChip notice={n} />
            <h2>{n.title}</h2>
            <p>{n.body}</p>
            <Validity notice={n} />
          </li>
        ))}
      </ul>
    </section>
  );
}
