import { useState } from 'preact/hooks';
import type { StaffEvent } from '#shared/schemas/events';
import { deleteEvent, listEvents, subscribeRegistrations } from '../data/events.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { Confirm, Panel, toast } from '../ui/dialog.tsx';
import { useAsync, useNow, useSubscription } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { Link } from '../ui/link.tsx';
import { fmtDateTime, fmtTime } from '../ui/time.ts';
import { EventEditor } from './event-editor.tsx';

export function EventsPage() {
  const { t, v } = useI18n();
  const b = useBuilding();
  const now = useNow();
  const list = useAsync(() => listEvents(b.id), [b.id]);
  useSubscription(() => subscribeRegistrations(b.id, list.reload), [b.id]);
  const [editing, setEditing] = useState<StaffEvent | 'new' | null>(null);
  const [deleting, setDeleting] = useState<StaffEvent | null>(null);
  const [showPast, setShowPast] = useState(false);
  const canWrite = allowed('content');
  const canCheckIn = allowed('checkin');
  return (
    <>
      <PageHeader title={t('nav.events')}>
        <label class="check">
          <input
            type="checkbox"
            checked={showPast}
            onChange={(e) => setShowPast(e.currentTarget.checked)}
          />
          {t('event.past')}
        </label>
        {canWrite && (
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('event.new')}
          </button>
        )}
      </PageHeader>
      <div class={editing ? 'split' : ''}>
        <Loaded state={list}>
          {(events) => {
            const shown = events
              .filter((e) => showPast || Date.parse(e.end) > now.getTime())
              .sort((a, b2) => a.start.localeCompare(b2.start));
            if (shown.length === 0) return <p class="empty">{t('form.empty')}</p>;
            return (
              <table aria-label={t('nav.events')}>
                <thead>
                  <tr>
                    <th>{t('event.title')}</th>
                    <th>{t('event.start')}</th>
                    <th>{t('event.capacity')}</th>
                    <th>{t('event.registrationCloses')}</th>
                    <th>{t('form.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((e) => (
                    <tr
                      key={e.id}
                      class={editing !== 'new' && editing?.id === e.id ? 'selected' : ''}
                    >
                      <td>
                        <strong>{e.title}</strong> <span class="badge">{v(`event.${e.kind}`)}</span>
                        <div class="muted small">{e.place}</div>
                      </td>
                      <td class="small">
                        {fmtDateTime(e.start, b.timezone)}–{fmtTime(e.end, b.timezone)}
                      </td>
                      <td class="small">
                        {t('event.seats', {
                          confirmed: e.confirmed,
                          capacity: e.capacity,
                          left: e.seatsLeft,
                          waitlist: e.waitlist,
                        })}
                        <div class="bar">
                          <span
                            style={{ width: `${Math.min(100, (100 * e.confirmed) / e.capacity)}%` }}
                          />
                        </div>
                        {e.captainSeats > 0 && (
                          <div class="muted">
                            {t('event.captainSeats')}: {e.captainSeats}
                          </div>
                        )}
                      </td>
                      <td class="small">{fmtDateTime(e.registrationCloses, b.timezone)}</td>
                      <td class="row">
                        {canCheckIn && (
                          <Link to={`/events/${e.id}/checkin`} class="button small">
                            {t('event.checkin')}
                          </Link>
                        )}
                        <button type="button" class="small" onClick={() => setEditing(e)}>
                          {canWrite ? t('form.edit') : t('fb.open')}
                        </button>
                        {canWrite && (
                          <button type="button" class="small" onClick={() => setDeleting(e)}>
                            {t('form.delete')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          }}
        </Loaded>
        {editing && (
          <Panel
            title={editing === 'new' ? t('event.new') : editing.title}
            onClose={() => setEditing(null)}
          >
            <EventEditor
              key={editing === 'new' ? 'new' : editing.id}
              event={editing === 'new' ? null : editing}
              onSaved={() => (setEditing(null), list.reload())}
            />
          </Panel>
        )}
      </div>
      <Confirm
        open={deleting !== null}
        title={t('form.delete')}
        confirmLabel={t('form.delete')}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting)
            void deleteEvent(deleting.id).then(list.reload, (e: Error) =>
              toast(e.message, 'error'),
            );
          setDeleting(null);
        }}
      >
        <p>{t('form.deleteConfirm', { name: deleting?.title ?? '' })}</p>
      </Confirm>
    </>
  );
}
