import { toE164 } from '#shared/phone-number';
import type { Db } from './db.ts';

// Every stored phone number in E.164 (shared/phone-number.ts), so that numbers written
// before in another spelling compare equal to new ones. A number that is no valid number
// stays as it was; so does a registration whose new spelling would meet another live one
// at the same event (two spellings of one phone registered twice: staff see both).
const COLUMNS = [
  ['registrations', 'phone'],
  ['feedback', 'contact_phone'],
  ['feedback_supporters', 'contact_phone'],
  ['contacts', 'phone'],
] as const;

export function phonesToE164(db: Db): number {
  let changed = 0;
  for (const [table, column] of COLUMNS) {
    const rows = db
      .prepare<[], { id: number; phone: string }>(
        `SELECT id, ${column} AS phone FROM ${table} WHERE ${column} IS NOT NULL
           AND ${column} NOT LIKE 'purged:%'`,
      )
      .all();
    const update = db.prepare(`UPDATE OR IGNORE ${table} SET ${column} = ? WHERE id = ?`);
    for (const r of rows) {
      const e164 = toE164(r.phone);
      if (e164 && e164 !== r.phone) changed += update.run(e164, r.id).changes;
    }
  }
  return changed;
}
