-- Devices on MQTT: credentials, placement revisions, presence, proof of play, the
-- published snapshots and the emergency alert.

-- Mosquitto's own hash of the device token ($7$, PBKDF2-SHA512), made when the token
-- is handed out, so the hub can write an external broker's password file without
-- keeping the token.
ALTER TABLE devices ADD COLUMN mqtt_hash TEXT;
-- Revision of the device's retained config; grows with every placement change.
ALTER TABLE devices ADD COLUMN config_rev INTEGER NOT NULL DEFAULT 0;
-- The alert revision the screen last said it renders (from its state report).
ALTER TABLE devices ADD COLUMN alert_rev INTEGER;
ALTER TABLE devices ADD COLUMN state_at TEXT;
CREATE INDEX devices_building ON devices(building_id);

-- The last snapshot published on each content topic of each building. `rev` grows with
-- every change and survives restarts; `data` is the JSON the topic carries (NULL when
-- the topic is cleared). No foreign key: a deleted and re-created building keeps
-- counting up, so screens never see a rev go backwards.
CREATE TABLE snapshots (
  building_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  rev INTEGER NOT NULL,
  at TEXT NOT NULL,
  data TEXT,
  PRIMARY KEY (building_id, topic)
);

-- At most one emergency alert per building.
CREATE TABLE alerts (
  building_id TEXT PRIMARY KEY REFERENCES buildings(id) ON DELETE CASCADE,
  level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'emergency')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  since TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Online/offline transitions, as the devices' availability reports tell them.
CREATE TABLE device_presence (
  id INTEGER PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  online INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX device_presence_device ON device_presence(device_id, id);

-- Proof of play. The device makes `play_id`; a report sent twice counts once.
CREATE TABLE plays (
  id INTEGER PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  play_id TEXT NOT NULL,
  building_id TEXT NOT NULL,
  slide TEXT NOT NULL,
  playlist_id INTEGER,
  start_at TEXT NOT NULL,
  duration REAL NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (device_id, play_id)
);
CREATE INDEX plays_building_start ON plays(building_id, start_at);
