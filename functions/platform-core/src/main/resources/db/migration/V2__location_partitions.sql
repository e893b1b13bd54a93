-- Eight hash partitions per partitioned table. Hash (not list) partitioning: new GHL sub-accounts
-- need no DDL, and equality on location_id still prunes to one partition.
DO $$
DECLARE
    t text;
    i int;
BEGIN
    FOREACH t IN ARRAY ARRAY['contacts', 'conversations', 'messages', 'lead_scores', 'opportunities',
                             'appointments', 'webhook_events', 'crm_actions', 'audit_log']
    LOOP
        FOR i IN 0..7 LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES WITH (MODULUS 8, REMAINDER %s)',
                           t || '_p' || i, t, i);
        END LOOP;
    END LOOP;
END
$$;
