import { useState } from 'preact/hooks';
import { NOTICE_CATEGORIES, type NoticeCategory } from '#shared/enums';
import { formatTime, useWords } from '../ui/i18n.tsx';
import { currentNotices } from './notice-filter.ts';
import type { ScreenProps } from './screen.ts';

export function NoticesScreen({ s }: ScreenProps) {
  const w = useWords();
  const { t, v } = w;
  const [category, setCategory] = useState<NoticeCategory | null>(null);
  const all = currentNotices(s, new Date());
  const shown = category ? all.filter((n) => n.category === category) : all;
  const [openId, setOpenId] = useState<number | null>(null);
  const open = shown.find((n) => n.id === openId) ?? shown[0];
  const date = (iso: string) => formatTime(w, iso, { month: 'numeric', day: 'numeric' });

  return (
    <section class="notices split" aria-labelledby="notices-title">
      <div class="split-list">
        <h1 id="notices-title">{t('nav.notices')}</h1>
        <div class="chips" role="group" aria-label={t('notices.filter')}>
          <button
            type="button"
            class="chip"
            aria-pressed={category === null}
            onClick={() => setCategory(null)}
          >
            {t('common.all')}
          </button>
          {NOTICE_CATEGORIES.map((c) => (
            <button
              type="button"
              key={c}
              class="chip"
              aria-pressed={category === c}
              onClick={() => setCategory(c)}
            >
              {v(`notice.${c}`)}
            </button>
          ))}
        </div>
        {shown.length === 0 && <p class="empty">{t('notices.none')}</p>}
        <ul class="cards">
          {shown.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                class={`card notice-card priority-${n.priority}`}
                aria-current={open?.id === n.id}
                onClick={() => setOpenId(n.id)}
              >
                <span class="badge">{v(`notice.${n.category}`)}</span>
                {n.priority !== 'normal' && (
                  <span class={`badge badge-${n.priority}`}>{v(`priority.${n.priority}`)}</span>
                )}
                <strong>{n.title}</strong>
              </button>
            </li>
          ))}
        </ul>
      </div>
      {open && (
        <article class="split-detail notice-detail" data-testid="notice-detail">
          <p class="meta">
            {v(`notice.${open.category}`)}
            {open.validTo && ` · ${t('notices.until', { date: date(open.validTo) })}`}
          </p>
          <h2>{open.title}</h2>
          <p class="body">{open.body}</p>
        </article>
      )}
    </section>
  );
}
