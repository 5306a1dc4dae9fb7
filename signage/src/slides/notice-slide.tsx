import { useDevice } from '#shared/device/hooks';
import { useT } from '../i18n.ts';
import { CategoryChip, Validity } from './notice-parts.tsx';
import type { SlideProps } from './types.ts';

// One notice on the whole screen: urgent ones open every loop in this form.
export function NoticeSlide({ slide }: SlideProps) {
  const { t } = useT();
  const notices = useDevice((s) => s.content.notices);
  const n = notices?.data.find((x) => x.id === slide.noticeId);
  if (!n) return null;
  return (
    <section
      class={`slide-body notice-one cat-edge-${n.category} prio-${n.priority} ${n.image ? 'with-image' : ''}`}
      data-slide-kind="notice"
    >
      {n.priority === 'urgent' && <div class="urgent-band">{t('notice.urgent')}</div>}
      <div class="notice-text">
        <CategoryChip notice={n} />
        <h1>{n.title}</h1>
        <p>{n.body}</p>
        <Validity notice={n} />
      </div>
      {n.image && <img class="notice-image" src={n.image} alt="" />}
    </section>
  );
}
