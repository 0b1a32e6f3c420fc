-- Purposes count their changes: an edit must name the version it was based on (optimistic concurrency).
ALTER TABLE purpose ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
