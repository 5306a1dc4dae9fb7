import { join } from 'node:path';
import { alertStore } from './alerts.ts';
import { auditStore } from './audit.ts';
import { buildingStore } from './buildings.ts';
import { contactStore } from './contacts.ts';
import { openDb, type Db } from './db.ts';
import { deviceStore } from './devices.ts';
import { eventStore } from './events.ts';
import { feedbackStore } from './feedback.ts';
import { feedbackPhotoStore } from './feedback-photos.ts';
import { groupCommit } from './group-commit.ts';
import { holidayStore } from './holidays.ts';
import { jobStore } from './jobs.ts';
import { mediaStore } from './media.ts';
import { noticeStore } from './notices.ts';
import { playStore } from './plays.ts';
import { snapshotStore } from './snapshots.ts';
import { playlistStore } from './playlists.ts';
import { registrationStore } from './registrations.ts';
import { reportStore } from './reports.ts';
import { screenHealthStore } from './screen-health.ts';
import { staffStore } from './staff.ts';

// The one place that knows every table; services reach SQL only through these.
export function openStore(dataDir: string) {
  const db = openDb(join(dataDir, 'lobby.db'));
  return storeOver(db);
}

export function storeOver(db: Db) {
  return {
    db,
    // Runs fn in one write transaction; IMMEDIATE so concurrent writers queue instead of failing.
    tx: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    // Like tx, but shares the commit with other writes of the same event-loop turn
    // (group-commit.ts); for the public intake paths where bursts are expected.
    grouped: groupCommit(db),
    buildings: buildingStore(db),
    contacts: contactStore(db),
    notices: noticeStore(db),
    playlists: playlistStore(db),
    events: eventStore(db),
    registrations: registrationStore(db),
    feedback: feedbackStore(db),
    feedbackPhotos: feedbackPhotoStore(db),
    staff: staffStore(db),
    audit: auditStore(db),
    holidays: holidayStore(db),
    jobs: jobStore(db),
    media: mediaStore(db),
    reports: reportStore(db),
    devices: deviceStore(db),
    snapshots: snapshotStore(db),
    alerts: alertStore(db),
    plays: playStore(db),
    screenHealth: screenHealthStore(db),
    // Empties the WAL into the database file and truncates it, so no older copy of a page
    // (with data since blanked) stays on disk; skipped quietly while a reader holds it.
    checkpoint: () => db.pragma('wal_checkpoint(TRUNCATE)'),
    close: () => db.close(),
  };
}
export type Store = ReturnType<typeof storeOver>;
