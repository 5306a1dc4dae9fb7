import type { StaffNotice } from '#shared/schemas/notices';
import { deleteNotice, listNotices, subscribePublished } from '../data/content.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { noticeState } from '../logic/notice-state.ts';
import { formatFloors } from '../logic/floors.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { useConfirmDelete } from '../ui/confirm-delete.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { useAsync, useNow, useSubscription } from '../ui/hooks.ts';
import { EditSplit, ListHeader, useEditing } from '../ui/list-page.tsx';
import { EditDeleteButtons } from '../ui/row-actions.tsx';
import { fmtDateTime } from '../ui/time.ts';
import { NoticeEditor } from './notice-editor.tsx';
import { ApprovalSwitch, ReviewBadge, ReviewButtons } from './notice-review.tsx';

const STATE_TONE = { active: 'ok', upcoming: 'info', expired: '' } as const;

export function NoticesPage() {
  const { t, v, g } = useI18n();
  const b = useBuilding();
  const now = useNow();
  const list = useAsync(() => listNotices(b.id), [b.id]);
  useSubscription(() => subscribePublished(b.id, 'notices', list.reload), [b.id]);
  const ed = useEditing<StaffNotice>();
  const del = useConfirmDelete({
    remove: (n: StaffNotice) => deleteNotice(n.id),
    name: (n) => n.title,
    onDeleted: (n) => {
      if (ed.isOpen(n)) ed.close();
      list.reload();
    },
  });
  const canWrite = allowed('content');

  return (
    <>
      <ListHeader title={t('nav.notices')} newLabel={t('notice.new')} onNew={canWrite && ed.create}>
        <ApprovalSwitch />
      </ListHeader>
      <EditSplit
        of={ed}
        newTitle={t('notice.new')}
        title={() => t('notice.edit')}
        testId="notice-panel"
        editor={(n) => (
          <NoticeEditor
            notice={n}
            onSaved={() => {
              ed.close();
              list.reload();
            }}
          />
        )}
      >
        <Loaded state={list}>
          {(notices) => (
            <DataTable
              label={t('nav.notices')}
              empty={t('form.empty')}
              columns={[
                t('notice.title'),
                t('notice.category'),
                `${t('notice.validFrom')} – ${t('notice.validTo')}`,
                t('notice.targets'),
              ]}
              rows={notices}
              rowKey={(n) => n.id}
              selected={ed.isOpen}
              cells={(n) => {
                const state = noticeState(n, now);
                const targets = [
                  n.floors.length ? formatFloors(n.floors) : '',
                  n.groups.map(g).join('、'),
                ]
                  .filter(Boolean)
                  .join(' · ');
                return (
                  <>
                    <td>
                      <strong>{n.title}</strong>{' '}
                      {n.priority !== 'normal' && (
                        <span class={`badge ${n.priority === 'urgent' ? 'bad' : 'warn'}`}>
                          {v(`priority.${n.priority}`)}
                        </span>
                      )}{' '}
                      {n.review === 'approved' ? (
                        <span class={`badge ${STATE_TONE[state]}`}>
                          {t(`notice.state.${state}`)}
                        </span>
                      ) : (
                        <ReviewBadge n={n} />
                      )}
                    </td>
                    <td>{v(`notice.${n.category}`)}</td>
                    <td class="small">
                      {n.validFrom || n.validTo
                        ? `${n.validFrom ? fmtDateTime(n.validFrom, b.timezone) : '…'} – ${n.validTo ? fmtDateTime(n.validTo, b.timezone) : t('notice.always')}`
                        : t('notice.always')}
                    </td>
                    <td class="small">{targets || t('notice.everywhere')}</td>
                  </>
                );
              }}
              actions={(n) => (
                <>
                  <ReviewButtons n={n} onDone={list.reload} />
                  <EditDeleteButtons
                    canWrite={canWrite}
                    onEdit={() => ed.edit(n)}
                    onDelete={() => del.ask(n)}
                  />
                </>
              )}
            />
          )}
        </Loaded>
      </EditSplit>
      {del.dialog}
    </>
  );
}
