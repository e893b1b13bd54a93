-- Lead outcomes for retraining the lead score on the platform's own leads (models/train.sh
-- --source aurora). One row per lead whose outcome is decided: converted (appointment kept, listing
-- signed, ...) or not (lost, opted out, gone silent past the nurture window). Owned by models/.
--
-- attributes holds the raw lead attributes keyed like com.jorge.platform.models.features.LeadAttributes
-- (age, job, marital, education, default, housing, loan, campaign, pdays, previous, emp.var.rate,
-- cons.price.idx, cons.conf.idx, euribor3m, nr.employed): the shared encoder turns them into
-- features, so a new feature needs no migration. Unknown keys are rejected at training time.
-- Hash-partitioned on location_id like the other per-lead tables (8 partitions, see V2).
CREATE TABLE lead_outcomes (
    location_id  text        NOT NULL,
    contact_id   text        NOT NULL,
    attributes   jsonb       NOT NULL CHECK (jsonb_typeof(attributes) = 'object'),
    converted    boolean     NOT NULL,
    decided_at   timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, contact_id)
) PARTITION BY HASH (location_id);

DO $$
BEGIN
    FOR i IN 0..7 LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF lead_outcomes FOR VALUES WITH (MODULUS 8, REMAINDER %s)',
                       'lead_outcomes_p' || i, i);
    END LOOP;
END
$$;

-- retraining on a recent window ("outcomes decided since ...")
CREATE INDEX lead_outcomes_decided_at ON lead_outcomes (decided_at);
