import { useState } from 'preact/hooks';
import { allowed } from '../data/session.ts';
import { deleteMedia, listMedia, uploadMedia } from '../data/system.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { toast } from '../ui/dialog.tsx';
import { FormError } from '../ui/inputs.tsx';
import { useAsync } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { fmtDateTime } from '../ui/time.ts';

export function ImagesPage() {
  const { t } = useI18n();
  const b = useBuilding();
  const media = useAsync(listMedia, []);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const canWrite = allowed('content');
  const upload = async (files: FileList | null) => {
    if (!files) return;
    setBusy(true);
    setError(undefined);
    try {
      for (const file of files) await uploadMedia(file);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    setBusy(false);
    media.reload();
  };
  return (
    <>
      <PageHeader title={t('media.title')}>
        {canWrite && (
          <label class="button primary">
            {busy ? t('form.uploading') : t('form.upload')}
            <input
              type="file"
              multiple
              accept="image/png,image/jpeg,image/webp,image/gif"
              style={{ display: 'none' }}
              disabled={busy}
              onChange={(e) => void upload(e.currentTarget.files)}
            />
          </label>
        )}
      </PageHeader>
      <p class="muted small">{t('media.hint')}</p>
      <FormError error={error} />
      <Loaded state={media}>
        {(list) =>
          list.length === 0 ? (
            <p class="empty">{t('form.empty')}</p>
          ) : (
            <div class="media-grid">
              {list.map((m) => (
                <figure key={m.hash}>
                  <img src={m.path} alt={m.name} loading="lazy" />
                  <figcaption>
                    <div>{m.name || m.hash.slice(0, 12)}</div>
                    <div class="muted">
                      {t('media.size', {
                        w: m.width ?? '?',
                        h: m.height ?? '?',
                        kb: Math.round(m.size / 1024),
                      })}{' '}
                      · {fmtDateTime(m.createdAt, b.timezone)}
                    </div>
                    <div class="row">
                      <button
                        type="button"
                        class="small"
                        onClick={() =>
                          void navigator.clipboard?.writeText(m.path).then(() => toast(m.path))
                        }
                      >
                        {t('media.copy')}
                      </button>
                      {canWrite && (
                        <button
                          type="button"
                          class="small"
                          onClick={() =>
                            void deleteMedia(m.hash).then(media.reload, (e: Error) =>
                              toast(e.message, 'error'),
                            )
                          }
                        >
                          {t('form.delete')}
                        </button>
                      )}
                    </div>
                  </figcaption>
                </figure>
              ))}
            </div>
          )
        }
      </Loaded>
    </>
  );
}
