-- Approvals reach a person through GHL like offers do (issue 14): once per request, on the location's
-- channel (inbox_location_settings.notify_channel), to the GHL user the location names for approvals, else
-- to the team lead the approval workflow names; an escalation goes to the person it is escalated to.
ALTER TABLE approvals ADD COLUMN notified_at timestamptz;
ALTER TABLE inbox_location_settings ADD COLUMN approvals_user_id text;  -- GHL user id; null: the workflow's team lead
