-- The agents' inbox (functions/agent-inbox). Who may act for which location comes from here, not
-- from the token: the token (Cognito) says who the caller is and their role; an admin removing a row
-- takes the location away at once, without waiting for a token to expire.
CREATE TABLE inbox_members (
    user_sub           text        NOT NULL,   -- the Cognito user's sub
    location_id        text        NOT NULL,
    ghl_user_id        text        NOT NULL,   -- the same person as a GHL user (offers are addressed to it)
    notify_contact_id  text,                   -- a GHL contact that is this person: where offers are texted or emailed
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_sub, location_id)
);
CREATE UNIQUE INDEX inbox_members_ghl_user_idx ON inbox_members (location_id, ghl_user_id);

-- How a location's people hear of an offer or an approval waiting for them: through GHL, by SMS or email.
CREATE TABLE inbox_location_settings (
    location_id     text PRIMARY KEY,
    notify_channel  text NOT NULL DEFAULT 'sms' CHECK (notify_channel IN ('sms', 'email', 'off'))
);

-- One row per offer the hot-lead-handoff workflow made (one per agent tried, then the team lead).
-- The task token is the workflow's: only this service answers it, never a person.
CREATE TABLE handoff_offers (
    offer_id        uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    location_id     text        NOT NULL,
    contact_id      text        NOT NULL,
    agent_id        text        NOT NULL,   -- GHL user id the workflow offered the lead to
    kind            text        NOT NULL CHECK (kind IN ('offer', 'escalation')),
    reason          text        NOT NULL,
    task_token      text        NOT NULL,
    token_digest    text        NOT NULL UNIQUE,   -- SNS redelivers: one offer per token
    status          text        NOT NULL DEFAULT 'pending'
                                CHECK (status IN ('pending', 'accepted', 'declined', 'expired')),
    decided_by      text,                   -- Cognito sub of the person who answered
    decline_reason  text,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    decided_at      timestamptz,
    notified_at     timestamptz
);
CREATE INDEX handoff_offers_pending_idx ON handoff_offers (location_id, agent_id) WHERE status = 'pending';
CREATE INDEX handoff_offers_contact_idx ON handoff_offers (location_id, contact_id);
