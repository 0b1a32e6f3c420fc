-- The service runs as its own role (${app_role}); this migration, like every other, runs as the schema's owner.
-- The service role may read and write every table, but may only add to and read the audit log: no UPDATE, DELETE
-- or TRUNCATE, and as it owns nothing it cannot switch the append-only trigger off either.
--
-- Kit migrations may run after a service's own (out-of-order, on an existing database), so this grants on every
-- table that exists now and sets default privileges for the tables later migrations create.
-- Where no separate owner is configured (both roles are the same), there is nothing to grant.

-- TRUNCATE fires no row trigger; refuse it too, whoever asks.
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();

DO $$
DECLARE
    app_role CONSTANT text := '${app_role}';
BEGIN
    IF app_role = current_user THEN
        RAISE NOTICE 'The service runs as the schema owner %: the audit log is not protected from it', app_role;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), app_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                   current_schema(), app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I',
                   current_schema(), app_role);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM %I', app_role);
    -- Migration history is the owner's business.
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I FROM %I', '${flyway:table}', app_role);
END
$$;
