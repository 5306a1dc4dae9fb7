-- Notice approval (Rise Vision, Broadsign): a building may require an admin's approval before
-- an editor's notice reaches its screens. Off by default; every notice written before this
-- counts as approved, so nothing on a screen changes.
ALTER TABLE buildings ADD COLUMN notice_approval INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notices ADD COLUMN review TEXT NOT NULL DEFAULT 'approved'
  CHECK (review IN ('draft', 'pending', 'approved', 'rejected'));
ALTER TABLE notices ADD COLUMN review_reason TEXT;
ALTER TABLE notices ADD COLUMN reviewed_by TEXT;
ALTER TABLE notices ADD COLUMN reviewed_at TEXT;
