-- Approvals (functions/agent-inbox): what a location lets the bot do alone, and what waits for a person.
CREATE TABLE approval_policies (
    location_id                text PRIMARY KEY,
    price_opinion              boolean       NOT NULL DEFAULT true,   -- a price opinion or home-value figure
    listing_appointment_above  numeric(14, 2),                        -- a listing appointment above this property value; null: never
    reengage_more_than         integer,                               -- re-engaging more than this many cold leads at once; null: never
    guard_flagged_reply        boolean       NOT NULL DEFAULT true,   -- an LLM reply the guard flagged
    first_time_action          boolean       NOT NULL DEFAULT false   -- anything the bot never did for this contact
);

-- One action waiting for (or decided by) a person; the task token is the approval workflow's.
CREATE TABLE approvals (
    approval_id      uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    location_id      text        NOT NULL,
    contact_id       text,                    -- null for an action on many leads (a re-engagement)
    action_kind      text        NOT NULL,
    summary          text        NOT NULL,    -- what the bot wants to do, as the person reads it
    rules            jsonb       NOT NULL,    -- which policy rules asked for a person
    assignee         text,                    -- GHL user id it was reassigned to; null: the location's team leads
    task_token       text        NOT NULL,
    token_digest     text        NOT NULL UNIQUE,
    status           text        NOT NULL DEFAULT 'pending'
                                 CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
    decided_by       text,
    decision_reason  text,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    decided_at       timestamptz
);
CREATE INDEX approvals_pending_idx ON approvals (location_id) WHERE status = 'pending';
