-- Playlists and the schedule rules that choose them (issue 4). Slides, groups and
-- weekdays are JSON arrays; times of day are 'HH:MM' local to the building; dates are
-- local 'YYYY-MM-DD'.

CREATE TABLE playlists (
  id INTEGER PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  slides TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX playlists_building ON playlists(building_id);

-- Deleting a playlist that rules still use is refused by the service; the cascade is
-- there so that deleting a whole building goes through.
CREATE TABLE schedule_rules (
  id INTEGER PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
  playlist_id INTEGER NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
  groups TEXT NOT NULL DEFAULT '[]',
  weekdays TEXT NOT NULL DEFAULT '[1,2,3,4,5,6,7]',
  from_time TEXT NOT NULL DEFAULT '00:00',
  to_time TEXT NOT NULL DEFAULT '00:00',
  date_from TEXT,
  date_to TEXT,
  priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 100),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX schedule_rules_building ON schedule_rules(building_id);
CREATE INDEX schedule_rules_playlist ON schedule_rules(playlist_id);

-- At most one default playlist per building: what plays when no rule matches.
CREATE TABLE playlist_defaults (
  building_id TEXT PRIMARY KEY REFERENCES buildings(id) ON DELETE CASCADE,
  playlist_id INTEGER NOT NULL REFERENCES playlists(id) ON DELETE CASCADE
);
