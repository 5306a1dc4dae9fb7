-- Times are ISO 8601 UTC text; lists are JSON arrays.

CREATE TABLE buildings (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_en TEXT,
  timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
  address TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE floors (
  building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  label TEXT NOT NULL,
  companies TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (building_id, number)
);

CREATE TABLE banks (
  id INTEGER PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
  floor INTEGER NOT NULL,
  name TEXT NOT NULL,
  grp TEXT NOT NULL,
  UNIQUE (building_id, floor, name)
);

CREATE TABLE places (
  id INTEGER PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
  floor INTEGER,
  bank_id INTEGER REFERENCES banks(id) ON DELETE SET NULL,
  name TEXT NOT NULL
);

CREATE TABLE qr_codes (
  code TEXT PRIMARY KEY,
  place_id INTEGER NOT NULL REFERENCES places(id) ON DELETE CASCADE,
  intent TEXT NOT NULL CHECK (intent IN ('feedback', 'contact', 'event', 'home')),
  target_id INTEGER,
  scans INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX qr_codes_place ON qr_codes(place_id);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  floors TEXT NOT NULL DEFAULT '[]',
  company TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL,
  wechat TEXT,
  photo TEXT,
  hours TEXT NOT NULL DEFAULT '',
  captain_code TEXT UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX contacts_building ON contacts(building_id);

CREATE TABLE notices (
  id INTEGER PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  category TEXT NOT NULL,
  priority TEXT NOT NULL,
  valid_from TEXT,
  valid_to TEXT,
  floors TEXT NOT NULL DEFAULT '[]',
  groups TEXT NOT NULL DEFAULT '[]',
  image TEXT,
  link TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX notices_building ON notices(building_id, valid_to);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  place TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  start_at TEXT NOT NULL,
  end_at TEXT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  registration_opens TEXT,
  registration_closes TEXT,
  captain_seats INTEGER NOT NULL DEFAULT 0,
  captain_window_opens TEXT,
  captain_seats_release_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX events_building_start ON events(building_id, start_at);

CREATE TABLE registrations (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  ticket TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  company TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL,
  floor INTEGER,
  is_captain INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  created_at TEXT NOT NULL,
  cancelled_at TEXT,
  reconfirmed_at TEXT,
  checked_in_at TEXT
);
-- One live registration per phone per event; a cancelled one may register again.
CREATE UNIQUE INDEX registrations_one_per_phone ON registrations(event_id, phone) WHERE status <> 'cancelled';
CREATE INDEX registrations_event_status ON registrations(event_id, status, id);

CREATE TABLE feedback (
  id INTEGER PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
  ticket TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  place_id INTEGER REFERENCES places(id) ON DELETE SET NULL,
  category TEXT NOT NULL,
  text TEXT NOT NULL,
  contact_name TEXT,
  contact_phone TEXT,
  photo TEXT,
  status TEXT NOT NULL,
  assignee TEXT,
  duplicate_of INTEGER REFERENCES feedback(id),
  supporters INTEGER NOT NULL DEFAULT 1,
  rating INTEGER CHECK (rating BETWEEN 1 AND 5),
  replied INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  resolved_at TEXT,
  closed_at TEXT
);
CREATE INDEX feedback_building_status ON feedback(building_id, status);
CREATE INDEX feedback_place ON feedback(place_id, category, status);

CREATE TABLE feedback_steps (
  id INTEGER PRIMARY KEY,
  feedback_id INTEGER NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_id INTEGER,
  note TEXT,
  reply TEXT
);
CREATE INDEX feedback_steps_feedback ON feedback_steps(feedback_id, id);

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'signage')),
  code TEXT,
  code_expires_at TEXT,
  token_hash TEXT,
  token_collected INTEGER NOT NULL DEFAULT 0,
  building_id TEXT REFERENCES buildings(id) ON DELETE SET NULL,
  floor INTEGER,
  bank_id INTEGER REFERENCES banks(id) ON DELETE SET NULL,
  grp TEXT,
  name TEXT NOT NULL DEFAULT '',
  orientation TEXT NOT NULL DEFAULT 'landscape',
  locale TEXT NOT NULL DEFAULT 'zh-CN',
  paired_at TEXT,
  revoked_at TEXT,
  online INTEGER NOT NULL DEFAULT 0,
  last_seen_at TEXT,
  state TEXT,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX devices_pending_code ON devices(code) WHERE code IS NOT NULL;

CREATE TABLE staff_users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'handler', 'viewer')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
