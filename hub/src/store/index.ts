import { join } from 'node:path';
import { auditStore } from './audit.ts';
import { buildingStore } from './buildings.ts';
import { contactStore } from './contacts.ts';
import { openDb, type Db } from './db.ts';
import { eventStore } from './events.ts';
import { noticeStore } from './notices.ts';
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
    buildings: buildingStore(db),
    contacts: contactStore(db),
    notices: noticeStore(db),
    events: eventStore(db),
    staff: staffStore(db),
    audit: auditStore(db),
    close: () => db.close(),
  };
}
export type Store = ReturnType<typeof storeOver>;
