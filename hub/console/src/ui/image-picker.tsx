import { useState } from 'preact/hooks';
import { ApiFailure } from '../data/http.ts';
import { listMedia, uploadMedia } from '../data/system.ts';
import { useI18n } from '../i18n.ts';
import { useAsync } from './hooks.ts';

// An image field: upload a new one (stored by content hash) or pick one uploaded before.
export function ImagePicker(props: {
  id: string;
  label: string;
  value: string;
  onValue: (path: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | undefined>();
  const [picking, setPicking] = useState(false);
  const media = useAsync(() => (picking ? listMedia() : Promise.resolve([])), [picking]);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setErr(undefined);
    try {
      props.onValue((await uploadMedia(file)).path);
    } catch (e) {
      setErr(e instanceof ApiFailure || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const error = props.error ?? err;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.value && <img class="thumb" src={props.value} alt="" />}
      <div class="row">
        <input
          id={props.id}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          disabled={props.disabled || busy}
          onChange={(e) => void upload(e.currentTarget.files?.[0])}
          style={{ width: 'auto' }}
        />
        <button
          type="button"
          class="small"
          disabled={props.disabled}
          onClick={() => setPicking(!picking)}
        >
          {t('media.pick')}
        </button>
        {props.value && !props.disabled && (
          <button type="button" class="small ghost" onClick={() => props.onValue('')}>
            {t('form.none')}
          </button>
        )}
      </div>
      {busy && <small class="hint">{t('form.uploading')}</small>}
      {picking && (
        <div
          class="media-grid"
          style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(90px, 1fr))' }}
        >
          {(media.data ?? []).map((m) => (
            <button
              type="button"
              key={m.hash}
              class="ghost"
              title={m.name}
              onClick={() => (props.onValue(m.path), setPicking(false))}
            >
              <img
                src={m.path}
                alt={m.name}
                style={{ width: '100%', height: '60px', objectFit: 'contain' }}
              />
            </button>
          ))}
        </div>
      )}
      {error && (
        <small class="error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
