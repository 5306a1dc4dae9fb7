-- Citizens' photos (pilot 12.5, hardening 18.2-18.4) are personal data kept with their
-- ticket, not signage media: re-encoded on upload (no EXIF, no GPS) and stored under
-- DATA_DIR/feedback-photos/{id}.jpg, where /media never serves them. `id` is random, so only
-- the phone that uploaded a photo can attach it; feedback.photo names it once attached.
CREATE TABLE feedback_photos (
  id TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX feedback_photos_created ON feedback_photos(created_at);
-- Who uses a photo, for attaching it once and for the orphan clean-up.
CREATE INDEX feedback_photo ON feedback(photo) WHERE photo IS NOT NULL;

-- When retention blanked a ticket's texts and personal data (hardening 18.3): the counters
-- keep its category, place, dates and steps.
ALTER TABLE feedback ADD COLUMN purged_at TEXT;
