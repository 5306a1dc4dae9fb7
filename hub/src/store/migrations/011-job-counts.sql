-- A job's outcome is counts the console words in the reader's language; the message column
-- keeps only a failure's reason. Messages of earlier successful runs were English log lines.
ALTER TABLE jobs ADD COLUMN last_counts TEXT;
ALTER TABLE job_runs ADD COLUMN counts TEXT;
UPDATE jobs SET last_message = NULL WHERE last_status = 'ok';
UPDATE job_runs SET message = NULL WHERE status = 'ok';
