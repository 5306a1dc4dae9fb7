-- District (issue 13): the buildings a staff account is scoped to. An account with no
-- row here is district-wide. RESTRICT, not CASCADE, on the building: deleting a building
-- must never leave a scoped account with no rows, which would make it district-wide.
CREATE TABLE staff_buildings (
  user_id INTEGER NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE RESTRICT,
  PRIMARY KEY (user_id, building_id)
);
CREATE INDEX staff_buildings_building ON staff_buildings(building_id);
