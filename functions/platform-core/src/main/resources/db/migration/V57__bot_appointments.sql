-- Appointments the bots booked on the team's GHL calendars, one row per outbox action that booked, moved
-- or cancelled one: the action id is the idempotency key (a redelivered action finds its row and neither
-- books again nor texts again), and GHL's AppointmentCreate/Update webhooks for these ids are recognised
-- as ours. Small (a row per booking), so not partitioned.
CREATE TABLE bot_appointments (
    location_id     text        NOT NULL,
    action_id       bigint      NOT NULL,              -- crm_actions.id of the BookAppointment/CancelAppointment
    contact_id      text        NOT NULL,
    appointment_id  text,                              -- GHL's id; NULL when the slot was taken
    calendar_id     text,
    purpose         text        NOT NULL CHECK (purpose IN ('LISTING', 'SHOWING', 'CALL')),
    start_time      timestamptz,
    status          text        NOT NULL CHECK (status IN ('booked', 'moved', 'taken', 'cancelled')),
    reply_id        bigint,                            -- messages.id of the confirmation (or taken) text
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, action_id)
);

-- the lead's current appointment
CREATE INDEX bot_appointments_lead_idx ON bot_appointments (location_id, contact_id, created_at DESC);
-- recognising GHL's webhooks for our appointments
CREATE INDEX bot_appointments_ghl_idx ON bot_appointments (location_id, appointment_id) WHERE appointment_id IS NOT NULL;
