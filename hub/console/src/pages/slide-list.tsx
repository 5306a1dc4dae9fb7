import { useState } from 'preact/hooks';
import type { Notice } from '#shared/schemas/notices';
import { SLIDE_KINDS, type Slide, type SlideKind } from '#shared/schemas/playlists';
import { useI18n } from '../i18n.ts';
import { moveItem, newSlideId } from '../logic/reorder.ts';
import { ImagePicker } from '../ui/image-picker.tsx';

// The ordered slides of a playlist: drag a row by its grip, or use the arrow buttons.
export function SlideList(props: {
  slides: Slide[];
  onChange: (s: Slide[]) => void;
  notices: Notice[];
  disabled: boolean;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [adding, setAdding] = useState<SlideKind>('notices');
  const { slides, onChange } = props;
  const patch = (i: number, p: Partial<Slide>) =>
    onChange(slides.map((s, j) => (j === i ? { ...s, ...p } : s)));
  const add = () => {
    const s: Slide = { id: newSlideId(slides.map((x) => x.id)), kind: adding, duration: 15 };
    if (adding === 'notice' && props.notices[0]) s.noticeId = props.notices[0].id;
    onChange([...slides, s]);
  };
  const total = slides.reduce((n, s) => n + s.duration, 0);
  return (
    <div class="field">
      <label>{t('playlist.slides')}</label>
      <small class="hint">
        {t('playlist.dragHint')} · {t('playlist.total', { s: total })}
      </small>
      <ol class="slides" aria-label={t('playlist.slides')}>
        {slides.map((s, i) => (
          <li
            key={s.id}
            data-testid="slide"
            class={`${dragging === i ? 'dragging' : ''} ${over === i && dragging !== i ? 'drop-target' : ''}`}
            draggable={!props.disabled}
            onDragStart={(e) => {
              setDragging(i);
              e.dataTransfer?.setData('text/plain', String(i));
            }}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(i);
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) onChange(moveItem(slides, dragging, i));
              setDragging(null);
              setOver(null);
            }}
            onDragEnd={() => (setDragging(null), setOver(null))}
          >
            <span class="grip" aria-hidden="true">
              ⋮⋮
            </span>
            <div>
              <strong>{t(`slide.${s.kind}`)}</strong>
              {s.kind === 'notice' && (
                <select
                  aria-label={t('playlist.notice')}
                  value={String(s.noticeId ?? '')}
                  disabled={props.disabled}
                  onChange={(e) => patch(i, { noticeId: Number(e.currentTarget.value) })}
                >
                  {props.notices.map((n) => (
                    <option key={n.id} value={String(n.id)}>
                      {n.title}
                    </option>
                  ))}
                </select>
              )}
              {s.kind === 'image' && (
                <ImagePicker
                  id={`img-${s.id}`}
                  label={t('slide.image')}
                  value={s.image ?? ''}
                  onValue={(x) => patch(i, { image: x || undefined })}
                  disabled={props.disabled}
                />
              )}
              {(s.kind === 'image' || s.kind === 'notices') && (
                <input
                  aria-label={t('playlist.caption')}
                  placeholder={t('playlist.caption')}
                  value={s.caption ?? ''}
                  maxLength={120}
                  disabled={props.disabled}
                  onInput={(e) => patch(i, { caption: e.currentTarget.value || undefined })}
                />
              )}
            </div>
            <input
              type="number"
              min={3}
              max={600}
              aria-label={t('playlist.duration')}
              value={s.duration}
              disabled={props.disabled}
              onInput={(e) => patch(i, { duration: Number(e.currentTarget.value) })}
            />
            <span class="row">
              <button
                type="button"
                class="small ghost"
                aria-label={t('playlist.moveUp')}
                disabled={props.disabled || i === 0}
                onClick={() => onChange(moveItem(slides, i, i - 1))}
              >
                ↑
              </button>
              <button
                type="button"
                class="small ghost"
                aria-label={t('playlist.moveDown')}
                disabled={props.disabled || i === slides.length - 1}
                onClick={() => onChange(moveItem(slides, i, i + 1))}
              >
                ↓
              </button>
              <button
                type="button"
                class="small ghost"
                aria-label={t('form.delete')}
                disabled={props.disabled}
                onClick={() => onChange(slides.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      {!props.disabled && (
        <div class="row">
          <select
            aria-label={t('playlist.addSlide')}
            value={adding}
            onChange={(e) => setAdding(e.currentTarget.value as SlideKind)}
            style={{ width: 'auto' }}
          >
            {SLIDE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`slide.${k}`)}
              </option>
            ))}
          </select>
          <button type="button" class="small" onClick={add}>
            {t('playlist.addSlide')}
          </button>
        </div>
      )}
      {props.error && (
        <small class="error" role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}
