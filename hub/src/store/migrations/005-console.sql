-- Console and scheduler (issue 6).

-- Exceptions to a building's Monday-to-Friday week: public holidays, and weekend days
-- worked in exchange for a longer holiday (调休). Feedback deadlines count on it.
CREATE TABLE holidays (
  building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (building_id, date)
);

-- The scheduler's jobs and how their last run went; one row per job, made on first run.
CREATE TABLE jobs (
  name TEXT PRIMARY KEY,
  last_started_at TEXT,
  last_finished_at TEXT,
  last_status TEXT CHECK (last_status IN ('running', 'ok', 'error')),
  last_message TEXT,
  last_duration_ms INTEGER,
  runs INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0
);

-- Recent runs of each job (trimmed to the last few per job), for the console's history.
CREATE TABLE job_runs (
  id INTEGER PRIMARY KEY,
  job TEXT NOT NULL,
  trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  actor TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'error')),
  message TEXT
);
CREATE INDEX job_runs_job ON job_runs(job, id);

-- Uploaded images, stored once by content hash under DATA_DIR/media/{hash}.{ext}.
CREATE TABLE media (
  hash TEXT PRIMARY KEY,
  ext TEXT NOT NULL CHECK (ext IN ('png', 'jpg', 'webp', 'gif')),
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  width INTEGER,
  height INTEGER,
  name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT
);
CREATE INDEX media_created ON media(created_at);
