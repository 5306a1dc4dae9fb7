import { useState } from 'preact/hooks';
import type { StaffEvent } from '#shared/schemas/events';
import { deleteEvent, listEvents, subscribeRegistrations } from '../data/events.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { useConfirmDelete } from '../ui/confirm-delete.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { useAsync, useNow, useSubscription } from '../ui/hooks.ts';
import { Link } from '../ui/link.tsx';
import { EditSplit, ListHeader, useEditing } from '../ui/list-page.tsx';
import { EditDeleteButtons } from '../ui/row-actions.tsx';
import { fmtDateTime, fmtTime } from '../ui/time.ts';
import { EventEditor } from './event-editor.tsx';

export function EventsPage() {
  const { t, v } = useI18n();
  const b = useBuilding();
  const now = useNow();
  const list = useAsync(() => listEvents(b.id), [b.id]);
  useSubscription(() => subscribeRegistrations(b.id, list.reload), [b.id]);
  const ed = useEditing<StaffEvent>();
  const del = useConfirmDelete({
    remove: (e: StaffEvent) => deleteEvent(e.id),
    name: (e) => e.title,
    onDeleted: list.reload,
  });
  const [showPast, setShowPast] = useState(false);
  const canWrite = allowed('content');
  const canCheckIn = allowed('checkin');
  return (
    <>
      <ListHeader title={t('nav.events')} newLabel={t('event.new')} onNew={canWrite && ed.create}>
        <label class="check">
          <input
            type="checkbox"
            checked={showPast}
            onChange={(e) => setShowPast(e.currentTarget.checked)}
          />
          {t('event.past')}
        </label>
      </ListHeader>
      <EditSplit
        of={ed}
        newTitle={t('event.new')}
        title={(e) => e.title}
        editor={(e) => <EventEditor event={e} onSaved={() => (ed.close(), list.reload())} />}
      >
        <Loaded state={list}>
          {(events) => (
            <DataTable
              label={t('nav.events')}
              empty={t('form.empty')}
              columns={[
                t('event.title'),
                t('event.start'),
                t('event.capacity'),
                t('event.registrationCloses'),
              ]}
              rows={events
                .filter((e) => showPast || Date.parse(e.end) > now.getTime())
                .sort((a, b2) => a.start.localeCompare(b2.start))}
              rowKey={(e) => e.id}
              selected={ed.isOpen}
              cells={(e) => (
                <>
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
                      <div class="muted" data-testid="captain-seats">
                        {e.captainSeatsReleased
                          ? t('event.captainSeatsReleased', { n: e.captainSeats })
                          : t('event.captainSeatsHeld', {
                              n: e.captainSeats,
                              held: e.captainSeatsHeld,
                              at: fmtDateTime(e.captainSeatsReleaseAt, b.timezone),
                            })}
                      </div>
                    )}
                  </td>
                  <td class="small">{fmtDateTime(e.registrationCloses, b.timezone)}</td>
                </>
              )}
              actions={(e) => (
                <>
                  {canCheckIn && (
                    <Link to={`/events/${e.id}/checkin`} class="button small">
                      {t('event.checkin')}
                    </Link>
                  )}
                  <EditDeleteButtons
                    canWrite={canWrite}
                    onEdit={() => ed.edit(e)}
                    onDelete={() => del.ask(e)}
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
