-- Screen health in the console: how long a screen may be offline before it is flagged, per
-- building (no row: the default of shared/schemas/screen-health.ts).
CREATE TABLE screen_health_settings (
  building_id TEXT PRIMARY KEY REFERENCES buildings(id) ON DELETE CASCADE,
  offline_after_minutes INTEGER NOT NULL CHECK (offline_after_minutes BETWEEN 1 AND 10080)
);

-- The uptime history reads each screen's changes in a window of days.
CREATE INDEX device_presence_device_at ON device_presence(device_id, at);
