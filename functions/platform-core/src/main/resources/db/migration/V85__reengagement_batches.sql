-- Bulk re-engagement of cold leads (issue 14): a team lead or an admin picks a location's cold leads in the
-- inbox; the batch is checked once against the location's approval policy (reengage_more_than). At or below N
-- each lead is queued at once; above N the batch waits here as one held item for one approval (kind
-- 'reengagement', the approval workflow named ap-<batch_id>), and its leads are queued only when it is approved.
CREATE TABLE reengagement_batches (
    batch_id      uuid        PRIMARY KEY,
    location_id   text        NOT NULL,
    requested_by  text        NOT NULL,   -- the Cognito sub of the person who asked
    criteria      jsonb       NOT NULL,   -- stages, temperatures, quietDays, limit: how the leads were picked
    lead_count    integer     NOT NULL CHECK (lead_count > 0),
    rules         jsonb       NOT NULL DEFAULT '[]',   -- the approval rules the batch met (empty: it went at once)
    status        text        NOT NULL CHECK (status IN ('queued', 'awaiting_approval', 'approved', 'rejected', 'expired')),
    created_at    timestamptz NOT NULL,
    decided_at    timestamptz,
    decided_by    text                    -- location (a person of the location), team_lead (escalated), or null
);
CREATE INDEX reengagement_batches_location_idx ON reengagement_batches (location_id, created_at);

-- One row per lead of a batch: pending until the worker handled its queued message once (sent, held by quiet
-- hours, or skipped and why); cancelled when the batch was rejected or expired. The worker claims the row in the
-- transaction that writes the text, so a message delivered twice sends once.
CREATE TABLE reengagement_leads (
    batch_id     uuid        NOT NULL REFERENCES reengagement_batches (batch_id) ON DELETE CASCADE,
    location_id  text        NOT NULL,
    contact_id   text        NOT NULL,
    status       text        NOT NULL DEFAULT 'pending'
                             CHECK (status IN ('pending', 'sent', 'held', 'skipped', 'cancelled')),
    reason       text,                   -- why it was skipped or cancelled (a code, never the lead's data)
    handled_at   timestamptz,
    PRIMARY KEY (batch_id, contact_id)
);
CREATE INDEX reengagement_leads_contact_idx ON reengagement_leads (location_id, contact_id);
