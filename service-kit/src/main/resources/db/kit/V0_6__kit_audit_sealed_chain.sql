-- The audit chain no longer serialises audited writes (docs/decisions/0015). Transactions append entries without a
-- lock, each recording its transaction's id; a sealer chains, in short transactions of its own, the entries of
-- every transaction that has ended (older than its snapshot's oldest running one), in transaction-id then entry-id
-- order, into audit_seal. The hash is computed as before, so the links made inside the writers' transactions until
-- now are copied into audit_seal as they are and the chain carries on.

-- Entries written from now on: their transaction's id, and no link of their own (audit_seal holds it). Entries
-- chained before keep their hashes and have no transaction id.
ALTER TABLE audit_entry ADD COLUMN xact_id xid8;
ALTER TABLE audit_entry ALTER COLUMN xact_id SET DEFAULT pg_current_xact_id();
ALTER TABLE audit_entry ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN hash DROP NOT NULL;
-- The sealer looks for entries after the chain's last link in this order (a row comparison on both columns).
CREATE INDEX audit_entry_seal_order ON audit_entry (xact_id, id);

-- The chain: one link per sealed entry, positions 1, 2, 3... Append-only like the entries.
CREATE TABLE audit_seal (
    position   BIGINT       PRIMARY KEY,
    entry_id   BIGINT       NOT NULL UNIQUE,
    prev_hash  VARCHAR(64)  NOT NULL,
    hash       VARCHAR(64)  NOT NULL,
    sealed_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
INSERT INTO audit_seal (position, entry_id, prev_hash, hash)
SELECT row_number() OVER (ORDER BY id), id, prev_hash, hash FROM audit_entry;

CREATE FUNCTION audit_seal_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_seal is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_seal_is_append_only();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_seal_is_append_only();

-- As for audit_entry (V0_2): the service role may add to and read the chain, nothing more.
DO $$
DECLARE
    app_role CONSTANT text := '${app_role}';
BEGIN
    IF app_role = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT ON audit_seal TO %I', app_role);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_seal FROM %I', app_role);
END
$$;
