-- audit_log becomes an append-only, hash-chained log per location (issue 14). No writer changes:
-- a BEFORE INSERT trigger numbers each location's entries (seq 1, 2, ...) and chains them:
--   hash = sha256(prev_hash || '\n' || canonical entry), prev_hash of seq 1 = 64 zeros.
-- The canonical entry is every field length-prefixed in UTF-8 octets (NULL as '-'), so no value can
-- pose as another; AuditEntry.canonical() in Java builds the same bytes and the verifier
-- (AuditChainVerifier) recomputes the chain from the table or from its S3 export.
-- UPDATE, DELETE and TRUNCATE are refused by triggers; in Aurora the application role should also hold
-- only INSERT and SELECT on audit_log (see platform-core's README), the owner role none of the writers use.

ALTER TABLE audit_log ADD COLUMN seq bigint;
ALTER TABLE audit_log ADD COLUMN prev_hash text;
ALTER TABLE audit_log ADD COLUMN hash text;
ALTER TABLE audit_log ADD COLUMN reason text;    -- why, in the actor's words or a code
ALTER TABLE audit_log ADD COLUMN actor_id text;  -- who exactly: the user or agent id when a person acted

CREATE FUNCTION audit_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL THEN '-' ELSE octet_length(v)::text || ':' || v END
$$;

CREATE FUNCTION audit_entry_hash(prev_hash text, location_id text, seq bigint, contact_id text, actor text,
                                 actor_id text, action text, reason text, detail jsonb, at timestamptz)
    RETURNS text LANGUAGE sql IMMUTABLE SET search_path FROM CURRENT AS $$
    SELECT encode(sha256(convert_to(prev_hash || E'\n' || 'v1'
        || audit_field(location_id) || audit_field(seq::text) || audit_field(contact_id)
        || audit_field(actor) || audit_field(actor_id) || audit_field(action) || audit_field(reason)
        || audit_field(detail::text)
        || audit_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')), 'UTF8')), 'hex')
$$;

-- Chain what is already there, per location in insertion order.
DO $$
DECLARE
    r record;
    loc text := NULL;
    n bigint;
    prev text;
BEGIN
    FOR r IN SELECT * FROM audit_log ORDER BY location_id, id LOOP
        IF loc IS DISTINCT FROM r.location_id THEN
            loc := r.location_id; n := 0; prev := repeat('0', 64);
        END IF;
        n := n + 1;
        UPDATE audit_log SET seq = n, prev_hash = prev,
               hash = audit_entry_hash(prev, r.location_id, n, r.contact_id, r.actor, r.actor_id, r.action,
                                       r.reason, r.detail, r.at)
         WHERE location_id = r.location_id AND id = r.id
        RETURNING hash INTO prev;
    END LOOP;
END
$$;

ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX audit_log_seq_idx ON audit_log (location_id, seq);

-- One writer per location at a time (a transaction-scoped advisory lock, released at commit), so two
-- writers never chain onto the same predecessor. Runs in READ COMMITTED: the lookup after the lock
-- sees the entry the previous holder committed.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    last_seq bigint;
    last_hash text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('audit_log:' || NEW.location_id, 0));
    SELECT seq, hash INTO last_seq, last_hash FROM audit_log
     WHERE location_id = NEW.location_id ORDER BY seq DESC LIMIT 1;
    NEW.at := coalesce(NEW.at, now());
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.hash := audit_entry_hash(NEW.prev_hash, NEW.location_id, NEW.seq, NEW.contact_id, NEW.actor, NEW.actor_id,
                                 NEW.action, NEW.reason, NEW.detail, NEW.at);
    RETURN NEW;
END
$$;

CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();

-- TRUNCATE triggers are per table: on the parent and on each partition.
DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
              WHERE i.inhparent = 'audit_log'::regclass
             UNION ALL SELECT 'audit_log' LOOP
        EXECUTE format('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
                       'EXECUTE FUNCTION audit_log_refuse()', t);
    END LOOP;
END
$$;
