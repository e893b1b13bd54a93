-- Agent coaching (functions/bi-aggregator README "Coaching") follows every hand-off to the lead's next
-- appointment and won deal: both are read per lead.
CREATE INDEX appointments_contact_idx ON appointments (location_id, contact_id, created_at);
CREATE INDEX bi_deal_outcomes_contact_idx ON bi_deal_outcomes (location_id, contact_id);
