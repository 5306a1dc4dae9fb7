import { useDevice } from '#shared/device/hooks';
import { useT } from '../i18n.ts';
import { useFitText } from './fit-text.ts';
import { CategoryChip, Validity } from './notice-parts.tsx';
import type { SlideProps } from './types.ts';

// One notice on the whole screen: urgent ones open every loop in this form, under an amber
// "important notice" band (red and the whole screen belong to the emergency alert alone).
export function NoticeSlide({ slide }: SlideProps) {
  const { t } = useT();
  const notices = useDevice((s) => s.content.notices);
  const n = notices?.data.find((x) => x.id === slide.noticeId);
  const ref = useFitText<HTMLElement>([n?.title, n?.body, n?.image]);
  if (!n) return null;
  return (
    <section
      ref={ref}
      class={`slide-body notice-one cat-edge-${n.category} prio-${n.priority} ${n.image ? 'with-image' : ''}`}
      data-slide-kind="notice"
    >
      {n.priority === 'urgent' && <div class="urgent-band">{t('notice.urgent')}</div>}
      <div class="notice-text" data-fit="0.55 2.4">
        <CategoryChip notice={n} />
        <h1>{n.title}</h1>
        <p>{n.body}</p>
        <Validity notice={n} />
      </div>
      {n.image && <img class="notice-image" src={n.image} alt="" />}
    </section>
  );
}
