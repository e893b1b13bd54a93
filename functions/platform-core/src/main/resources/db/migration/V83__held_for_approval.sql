-- Approvals in the worker (issue 14): a bot turn the location's policy says needs a person is stored as
-- usual, but its replies and CRM actions wait as 'awaiting_approval' (no sweep or retry sends them) until
-- the approval workflow's answer releases them ('pending') or drops them ('cancelled', the lead gets the
-- safe fallback instead).
ALTER TABLE messages DROP CONSTRAINT messages_status_check;
ALTER TABLE messages ADD CONSTRAINT messages_status_check
    CHECK (status IN ('received', 'pending', 'sent', 'cancelled', 'awaiting_approval'));
ALTER TABLE crm_actions DROP CONSTRAINT crm_actions_status_check;
ALTER TABLE crm_actions ADD CONSTRAINT crm_actions_status_check
    CHECK (status IN ('pending', 'done', 'cancelled', 'awaiting_approval'));

-- One held turn: the outbox id its items carry, and where its approval stands. action_id names the
-- approval workflow's execution and comes back in its approval.decided message.
CREATE TABLE held_actions (
    action_id    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    location_id  text        NOT NULL,
    contact_id   text        NOT NULL,
    outbox_id    text        NOT NULL,
    kind         text        NOT NULL,
    summary      text        NOT NULL,    -- what the person reads: the held replies and actions
    rules        jsonb       NOT NULL,
    status       text        NOT NULL DEFAULT 'awaiting_approval'
                             CHECK (status IN ('awaiting_approval', 'released', 'fell_back', 'dropped')),
    created_at   timestamptz NOT NULL,
    started_at   timestamptz,             -- the approval workflow was started (null: the start is still owed)
    decided_at   timestamptz,
    decision     text,                    -- approved, rejected, expired
    UNIQUE (location_id, outbox_id)
);
CREATE INDEX held_actions_contact_idx ON held_actions (location_id, contact_id);
CREATE INDEX messages_held_idx ON messages (location_id, webhook_id) WHERE status = 'awaiting_approval';
CREATE INDEX crm_actions_held_idx ON crm_actions (location_id, webhook_id) WHERE status = 'awaiting_approval';
