-- Optimistic lock of a legal hold: releasing it updates the row only if nobody changed it since it was read, so
-- two officers releasing the same hold at once cannot both succeed.
ALTER TABLE legal_hold ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- At most one purge run is RUNNING at a time: a run holds the purge lock for as long as it runs. A run left
-- RUNNING by an instance that died before this version cannot be running any more.
UPDATE purge_run SET status = 'FAILED', finished_at = now() WHERE status = 'RUNNING';
CREATE UNIQUE INDEX purge_run_one_running ON purge_run ((true)) WHERE status = 'RUNNING';
