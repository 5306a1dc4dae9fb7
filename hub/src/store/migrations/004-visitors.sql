-- Visitors (issue 5): what registration and the feedback loop keep beyond 001.

-- The captain whose code took the seat: one live registration per captain code and event.
ALTER TABLE registrations ADD COLUMN captain_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL;
-- Registered by staff at the door rather than by the person.
ALTER TABLE registrations ADD COLUMN walk_in INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX registrations_one_per_captain ON registrations(event_id, captain_id)
  WHERE status <> 'cancelled' AND captain_id IS NOT NULL;

-- Deadline in working days on the building's calendar, set on intake and on every reopening.
ALTER TABLE feedback ADD COLUMN due_at TEXT;
-- How often the requester said "not fixed".
ALTER TABLE feedback ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0;
-- The kiosk a ticket was filed at, if any.
ALTER TABLE feedback ADD COLUMN device_id TEXT;
CREATE INDEX feedback_building_created ON feedback(building_id, created_at);
CREATE INDEX feedback_resolved ON feedback(status, resolved_at);

-- Who took each step: the requester, a staff member (actor_id and actor) or the hub itself.
ALTER TABLE feedback_steps ADD COLUMN actor_kind TEXT NOT NULL DEFAULT 'staff'
  CHECK (actor_kind IN ('requester', 'staff', 'system'));
ALTER TABLE feedback_steps ADD COLUMN actor TEXT;

-- People who said "me too", each with a private link of their own. When a ticket is merged
-- into another, its requester and supporters are copied here for the survivor (via_id).
CREATE TABLE feedback_supporters (
  id INTEGER PRIMARY KEY,
  feedback_id INTEGER NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
  secret_hash TEXT NOT NULL,
  contact_phone TEXT,
  via_id INTEGER REFERENCES feedback(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX feedback_supporters_secret ON feedback_supporters(feedback_id, secret_hash);
