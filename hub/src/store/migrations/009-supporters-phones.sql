-- "Me too" counts per supporter, not per place: the hash of the phone's lobby_visitor cookie,
-- one support per ticket each (null for kiosks and for supporters merged in from a duplicate).
ALTER TABLE feedback_supporters ADD COLUMN visitor_hash TEXT;
CREATE UNIQUE INDEX feedback_supporters_one_per_visitor
  ON feedback_supporters(feedback_id, visitor_hash) WHERE visitor_hash IS NOT NULL;
CREATE INDEX feedback_supporters_visitor ON feedback_supporters(visitor_hash)
  WHERE visitor_hash IS NOT NULL;

-- Phone numbers are stored in E.164 from now on: hub/src/store/phone-migration.ts rewrites
-- the rows written before, in this migration's transaction.
