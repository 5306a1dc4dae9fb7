import { useState } from 'preact/hooks';
import type { Notice } from '#shared/schemas/notices';
import { deleteNotice, listNotices, subscribePublished } from '../data/content.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { noticeState } from '../logic/notice-state.ts';
import { formatFloors } from '../logic/floors.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { Confirm, Panel, toast } from '../ui/dialog.tsx';
import { useAsync, useNow, useSubscription } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { fmtDateTime } from '../ui/time.ts';
import { NoticeEditor } from './notice-editor.tsx';

const STATE_TONE = { active: 'ok', upcoming: 'info', expired: '' } as const;

export function NoticesPage() {
  const { t, v } = useI18n();
  const b = useBuilding();
  const now = useNow();
  const list = useAsync(() => listNotices(b.id), [b.id]);
  useSubscription(() => subscribePublished(b.id, 'notices', list.reload), [b.id]);
  const [editing, setEditing] = useState<Notice | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Notice | null>(null);
  const canWrite = allowed('content');

  const remove = async () => {
    if (!deleting) return;
    try {
      await deleteNotice(deleting.id);
      if (editing !== 'new' && editing?.id === deleting.id) setEditing(null);
      list.reload();
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e), 'error');
    }
    setDeleting(null);
  };

  return (
    <>
      <PageHeader title={t('nav.notices')}>
        {canWrite && (
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('notice.new')}
          </button>
        )}
      </PageHeader>
      <div class={editing ? 'split' : ''}>
        <Loaded state={list}>
          {(notices) =>
            notices.length === 0 ? (
              <p class="empty">{t('form.empty')}</p>
            ) : (
              <table aria-label={t('nav.notices')}>
                <thead>
                  <tr>
                    <th>{t('notice.title')}</th>
                    <th>{t('notice.category')}</th>
                    <th>
                      {t('notice.validFrom')} – {t('notice.validTo')}
                    </th>
                    <th>{t('notice.targets')}</th>
                    <th>{t('form.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {notices.map((n) => {
                    const state = noticeState(n, now);
                    const targets = [
                      n.floors.length ? formatFloors(n.floors) : '',
                      n.groups.join(', '),
                    ]
                      .filter(Boolean)
                      .join(' · ');
                    return (
                      <tr
                        key={n.id}
                        class={editing !== 'new' && editing?.id === n.id ? 'selected' : ''}
                      >
                        <td>
                          <strong>{n.title}</strong>{' '}
                          {n.priority !== 'normal' && (
                            <span class={`badge ${n.priority === 'urgent' ? 'bad' : 'warn'}`}>
                              {v(`priority.${n.priority}`)}
                            </span>
                          )}{' '}
                          <span class={`badge ${STATE_TONE[state]}`}>
                            {t(`notice.state.${state}`)}
                          </span>
                        </td>
                        <td>{v(`notice.${n.category}`)}</td>
                        <td class="small">
                          {n.validFrom || n.validTo
                            ? `${n.validFrom ? fmtDateTime(n.validFrom, b.timezone) : '…'} – ${n.validTo ? fmtDateTime(n.validTo, b.timezone) : t('notice.always')}`
                            : t('notice.always')}
                        </td>
                        <td class="small">{targets || t('notice.everywhere')}</td>
                        <td class="row">
                          <button type="button" class="small" onClick={() => setEditing(n)}>
                            {canWrite ? t('form.edit') : t('fb.open')}
                          </button>
                          {canWrite && (
                            <button type="button" class="small" onClick={() => setDeleting(n)}>
                              {t('form.delete')}
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )
          }
        </Loaded>
        {editing && (
          <Panel
            title={editing === 'new' ? t('notice.new') : t('notice.edit')}
            onClose={() => setEditing(null)}
            testId="notice-panel"
          >
            <NoticeEditor
              key={editing === 'new' ? 'new' : editing.id}
              notice={editing === 'new' ? null : editing}
              onSaved={() => {
                setEditing(null);
                list.reload();
              }}
            />
          </Panel>
        )}
      </div>
      <Confirm
        open={deleting !== null}
        title={t('form.delete')}
        confirmLabel={t('form.delete')}
        danger
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      >
        <p>{t('form.deleteConfirm', { name: deleting?.title ?? '' })}</p>
      </Confirm>
    </>
  );
}
