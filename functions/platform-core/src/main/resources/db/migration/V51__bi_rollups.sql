-- Business intelligence rollups, written by λ bi-aggregator (functions/bi-aggregator, see its README
-- for every figure's definition). Days are calendar days in the location's time zone
-- (locations.time_zone, else BI_DEFAULT_ZONE). Per-location tables are hash-partitioned on location_id
-- like the tables they are computed from (8 partitions, see V2).

-- One row per lead: the first time each milestone happened, refreshed from the source tables whenever
-- anything about the lead changes. Keeping the old value lets a run re-dirty the day a milestone left.
CREATE TABLE bi_lead_milestones (
    location_id       text        NOT NULL,
    contact_id        text        NOT NULL,
    bot_type          text        NOT NULL,   -- seller | buyer | none (the conversation's current bot)
    channel           text        NOT NULL,   -- channel of the lead's first inbound message, or 'unknown'
    first_inbound_at  timestamptz,
    first_reply_at    timestamptz,            -- first bot reply GHL accepted
    qualified_at      timestamptz,            -- first bot turn that left the lead WARM or HOT
    hot_at            timestamptz,            -- first bot turn that left the lead HOT
    handed_off_at     timestamptz,            -- first hand-off to a human agent
    opted_out_at      timestamptz,
    PRIMARY KEY (location_id, contact_id)
) PARTITION BY HASH (location_id);

-- Won and lost deals, with the moment the aggregator first saw them in that status (GHL's updated_at
-- moves with every later edit, so it cannot date the win by itself).
CREATE TABLE bi_deal_outcomes (
    location_id     text           NOT NULL,
    opportunity_id  text           NOT NULL,
    contact_id      text           NOT NULL,
    status          text           NOT NULL CHECK (status IN ('won', 'lost')),
    monetary_value  numeric(14, 2) NOT NULL,
    decided_at      timestamptz    NOT NULL,
    PRIMARY KEY (location_id, opportunity_id)
) PARTITION BY HASH (location_id);

-- Lead funnel per day, by the bot that has the lead and the channel it first wrote on.
CREATE TABLE bi_daily_funnel (
    location_id          text    NOT NULL,
    day                  date    NOT NULL,
    bot_type             text    NOT NULL,
    channel              text    NOT NULL,
    new_leads            integer NOT NULL,
    leads_answered       integer NOT NULL,
    qualified            integer NOT NULL,
    hot                  integer NOT NULL,
    handed_off           integer NOT NULL,
    appointments_booked  integer NOT NULL,
    opted_out            integer NOT NULL,
    PRIMARY KEY (location_id, day, bot_type, channel)
) PARTITION BY HASH (location_id);

-- Bot and agent activity per day. The *_samples arrays hold every measured duration (ms, sorted) so a
-- report over several days computes exact percentiles instead of averaging daily ones.
CREATE TABLE bi_daily_activity (
    location_id               text      NOT NULL,
    day                       date      NOT NULL,
    inbound_messages          integer   NOT NULL,
    bot_replies_sent          integer   NOT NULL,
    replies_held              integer   NOT NULL,
    response_samples_ms       integer[] NOT NULL,
    response_p50_ms           integer,
    response_p95_ms           integer,
    follow_ups_sent           integer   NOT NULL,
    follow_ups_answered       integer   NOT NULL,
    human_takeovers           integer   NOT NULL,
    handoffs                  integer   NOT NULL,
    handoffs_awaiting_agent   integer   NOT NULL,
    agent_reply_samples_ms    integer[] NOT NULL,
    agent_reply_p50_ms        integer,
    agent_reply_p95_ms        integer,
    pipeline_open_count       integer,         -- open deals as of the day's last run; null: no snapshot that day
    pipeline_open_value       numeric(16, 2),
    PRIMARY KEY (location_id, day)
) PARTITION BY HASH (location_id);

-- Hand-offs per agent (the GHL user the lead's opportunity is assigned to, or 'unassigned').
CREATE TABLE bi_daily_agent (
    location_id             text      NOT NULL,
    day                     date      NOT NULL,
    agent_id                text      NOT NULL,
    handoffs                integer   NOT NULL,
    agent_reply_samples_ms  integer[] NOT NULL,
    PRIMARY KEY (location_id, day, agent_id)
) PARTITION BY HASH (location_id);

-- Won and lost deals per day, by what brought and qualified the lead.
CREATE TABLE bi_daily_revenue (
    location_id  text           NOT NULL,
    day          date           NOT NULL,
    attribution  text           NOT NULL CHECK (attribution IN ('bot_qualified', 'bot_engaged', 'human_only')),
    channel      text           NOT NULL,
    won_count    integer        NOT NULL,
    won_value    numeric(16, 2) NOT NULL,
    lost_count   integer        NOT NULL,
    lost_value   numeric(16, 2) NOT NULL,
    PRIMARY KEY (location_id, day, attribution, channel)
) PARTITION BY HASH (location_id);

-- Open pipeline by stage, as of the last run on that day (a snapshot: past days are not rewritten).
CREATE TABLE bi_daily_pipeline (
    location_id        text           NOT NULL,
    day                date           NOT NULL,
    pipeline_stage_id  text           NOT NULL,
    open_count         integer        NOT NULL,
    open_value         numeric(16, 2) NOT NULL,
    PRIMARY KEY (location_id, day, pipeline_stage_id)
) PARTITION BY HASH (location_id);

-- Location-days waiting to be recomputed: the aggregator's queue, so a run that stops at its time
-- budget leaves the rest to the next run instead of forgetting it.
CREATE TABLE bi_dirty_days (
    location_id  text        NOT NULL,
    day          date        NOT NULL,
    marked_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, day)
);

-- How far each location's source changes have been read.
CREATE TABLE bi_watermarks (
    location_id      text        PRIMARY KEY,
    changes_through  timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

DO $$
DECLARE
    t text;
    i int;
BEGIN
    FOREACH t IN ARRAY ARRAY['bi_lead_milestones', 'bi_deal_outcomes', 'bi_daily_funnel', 'bi_daily_activity',
                             'bi_daily_agent', 'bi_daily_revenue', 'bi_daily_pipeline']
    LOOP
        FOR i IN 0..7 LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES WITH (MODULUS 8, REMAINDER %s)',
                           t || '_p' || i, t, i);
        END LOOP;
    END LOOP;
END
$$;

-- Change detection and day windows read the source tables by time within one location.
CREATE INDEX messages_bi_created_idx ON messages (location_id, created_at);
CREATE INDEX messages_bi_sent_idx ON messages (location_id, sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX audit_log_bi_at_idx ON audit_log (location_id, at);
CREATE INDEX crm_actions_bi_created_idx ON crm_actions (location_id, created_at);
CREATE INDEX opportunities_bi_updated_idx ON opportunities (location_id, updated_at);
CREATE INDEX appointments_bi_created_idx ON appointments (location_id, created_at);
CREATE INDEX conversations_bi_updated_idx ON conversations (location_id, updated_at);
CREATE INDEX bi_lead_milestones_inbound_idx ON bi_lead_milestones (location_id, first_inbound_at);
