import { useDevice } from '#shared/device/hooks';
import { useT } from '../i18n.ts';

// Never a black screen: with nothing to play yet, the station's welcome.
export function IdleSlide() {
  const { t } = useT();
  const name = useDevice((s) => s.config?.data.buildingName ?? '');
  const empty = useDevice((s) => s.content.playlists === null && s.content.notices === null);
  return (
    <section class="slide-body idle" data-slide-kind="idle">
      <div class="brand-mark" aria-hidden="true" />
      <h1>{t('idle.welcome')}</h1>
      {name && <p class="idle-building">{name}</p>}
      <p class="idle-tagline">{t('idle.tagline')}</p>
      {empty && <p class="idle-sync">{t('idle.syncing')}</p>}
    </section>
  );
}
