-- Multi-touch revenue attribution and commission (functions/bi-aggregator, README "Attribution" and
-- "Commission"). Both tables are written by λ bi-aggregator's change capture, per lead, incrementally.

-- Every won deal's credit, per attribution model, to each touch that came before the decision. The
-- credits of one deal and model are whole cents and add up exactly to the deal's value (largest remainder).
CREATE TABLE bi_deal_touches (
    location_id     text        NOT NULL,
    opportunity_id  text        NOT NULL,
    model           text        NOT NULL CHECK (model IN ('first_touch', 'last_touch', 'linear', 'position_based', 'time_decay')),
    touch_index     integer     NOT NULL,   -- the touch's place in the deal's journey, 0 = first
    contact_id      text        NOT NULL,
    touch_kind      text        NOT NULL CHECK (touch_kind IN ('source', 'channel', 'bot', 'agent', 'appointment')),
    touch_key       text        NOT NULL,   -- the lead source, channel, bot, agent id or calendar
    campaign        text,                   -- the lead source's campaign, when GHL sent one
    touched_at      timestamptz NOT NULL,
    decided_at      timestamptz NOT NULL,
    credit_cents    bigint      NOT NULL,
    PRIMARY KEY (location_id, opportunity_id, model, touch_index)
) PARTITION BY HASH (location_id);

-- Every pipeline stage an opportunity was seen in (from when the aggregator first saw it there): GHL
-- keeps no stage history, so stage win rates are learned from what the aggregator itself observed.
CREATE TABLE bi_opportunity_stages (
    location_id        text        NOT NULL,
    opportunity_id     text        NOT NULL,
    pipeline_stage_id  text        NOT NULL,
    first_seen_at      timestamptz NOT NULL,
    PRIMARY KEY (location_id, opportunity_id, pipeline_stage_id)
) PARTITION BY HASH (location_id);

DO $$
DECLARE
    t text;
    i int;
BEGIN
    FOREACH t IN ARRAY ARRAY['bi_deal_touches', 'bi_opportunity_stages']
    LOOP
        FOR i IN 0..7 LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES WITH (MODULUS 8, REMAINDER %s)',
                           t || '_p' || i, t, i);
        END LOOP;
    END LOOP;
END
$$;

-- the report sums a range of decided deals; the change capture reads the changed leads' rows
CREATE INDEX bi_deal_touches_decided_idx ON bi_deal_touches (location_id, decided_at);
CREATE INDEX bi_deal_touches_contact_idx ON bi_deal_touches (location_id, contact_id);
-- a lead's source (GHL's ContactCreate payload) and accepted hand-offs, read per lead
CREATE INDEX webhook_events_contact_create_idx ON webhook_events (location_id, contact_id)
    WHERE event_type = 'ContactCreate';
