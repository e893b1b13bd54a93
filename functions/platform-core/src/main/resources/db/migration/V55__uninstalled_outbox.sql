-- An uninstalled Marketplace app cancels what its location still had waiting to go to GHL (replies and CRM
-- actions): a reinstall may come weeks later, and a stale reply must not go out then. The rows stay (the
-- text is the lead's history, kept per retention); only their status says they will never be sent.
ALTER TABLE messages DROP CONSTRAINT messages_status_check;
ALTER TABLE messages ADD CONSTRAINT messages_status_check CHECK (status IN ('received', 'pending', 'sent', 'cancelled'));
ALTER TABLE crm_actions DROP CONSTRAINT crm_actions_status_check;
ALTER TABLE crm_actions ADD CONSTRAINT crm_actions_status_check CHECK (status IN ('pending', 'done', 'cancelled'));
