import { useI18n } from '../i18n.ts';

// A notice as a landscape elevator screen shows it (the signage app's notice slide, in small).
export function NoticePreview(props: {
  title: string;
  body: string;
  category: string;
  priority: string;
  image: string;
}) {
  const { t, v } = useI18n();
  const cat = ['policy', 'affairs', 'service', 'safety', 'activity'].includes(props.category)
    ? v(`notice.${props.category as 'policy'}`)
    : '';
  return (
    <figure style={{ margin: 0 }}>
      <figcaption class="muted small">{t('notice.preview')}</figcaption>
      <div class={`screen ${props.priority}`} data-testid="notice-preview">
        <span class="cat">
          {cat}
          {props.priority !== 'normal' && ` · ${v(`priority.${props.priority as 'high'}`)}`}
        </span>
        <h3>{props.title || '…'}</h3>
        {props.image && <img src={props.image} alt="" />}
        <p>{props.body}</p>
      </div>
    </figure>
  );
}
