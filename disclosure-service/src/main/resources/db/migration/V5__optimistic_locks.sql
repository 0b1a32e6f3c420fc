-- Optimistic locks: a change to a recipient or a notice updates the row only at the version it read, so of two
-- officers changing the same one at once only the first succeeds and the other is told to read it again.
ALTER TABLE recipient ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE recipient_notice ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
