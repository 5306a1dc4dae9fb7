import { FEEDBACK_CATEGORIES } from '#shared/enums';
import type { DeviceConfig } from '#shared/payloads';
import { useDevice } from '#shared/device/hooks';
import { useT } from '../i18n.ts';
import { Qr } from '../qr/qr.tsx';
import type { SlideProps } from './types.ts';

const CATEGORIES_SHOWN = FEEDBACK_CATEGORIES.filter((c) => c !== 'other');

// The hub names the QR of this screen's place (`/q/{code}`); without one, phones get the
// feedback form of the building (and the place, when the screen has one) at /f/new.
export function feedbackUrl(config: DeviceConfig | null, building: string | null): string {
  if (config?.data.feedbackUrl) return config.data.feedbackUrl;
  const q = new URLSearchParams();
  const b = config?.data.building ?? building;
  if (b) q.set('b', b);
  if (config?.data.placeId != null) q.set('place', String(config.data.placeId));
  return `${location.origin}/f/new?${q.toString()}`;
}

export function FeedbackSlide(_props: SlideProps) {
  const { t, v } = useT();
  const config = useDevice((s) => s.config);
  const building = useDevice((s) => s.credentials?.building ?? null);
  return (
    <section class="slide-body feedback" data-slide-kind="feedback">
      <div class="feedback-text">
        <h1>{t('feedback.title')}</h1>
        <p class="feedback-subtitle">{t('feedback.subtitle')}</p>
        <ul class="chips">
          {CATEGORIES_SHOWN.map((c) => (
            <li key={c} class="chip">
              {v(`feedback.${c}`)}
            </li>
          ))}
        </ul>
        <p class="feedback-steps">{t('feedback.steps')}</p>
        <p class="feedback-note">{t('feedback.noLogin')}</p>
      </div>
      <figure class="qr-box large">
        <Qr text={feedbackUrl(config, building)} label={t('feedback.scan')} />
        <figcaption>{t('feedback.scan')}</figcaption>
      </figure>
    </section>
  );
}
