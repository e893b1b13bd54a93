-- A decided event whose outbox could not be delivered (GHL down, rate-limited, timing out) waits here for
-- the outbox's own retry schedule instead of the queue's receive count: the queue message is acknowledged
-- once the decision is committed, so a long GHL outage never strands decided replies in the DLQ.
ALTER TABLE webhook_events
    ADD COLUMN delivery_attempts  int         NOT NULL DEFAULT 0,
    ADD COLUMN next_delivery_at   timestamptz,
    ADD COLUMN last_delivery_error text;

-- the retry run: due deliveries, oldest first
CREATE INDEX webhook_events_redelivery_idx ON webhook_events (next_delivery_at)
    WHERE status = 'decided' AND next_delivery_at IS NOT NULL;
-- a lead's waiting deliveries, so a new reply never overtakes an older one still waiting
CREATE INDEX webhook_events_waiting_idx ON webhook_events (location_id, contact_id)
    WHERE status = 'decided' AND next_delivery_at IS NOT NULL;

-- when a reply's send last failed with an unknown outcome (a timeout or a 5xx after the request was
-- written): before it is sent again, GHL's record of the conversation since then is checked for it
ALTER TABLE messages ADD COLUMN unconfirmed_send_at timestamptz;
