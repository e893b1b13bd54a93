-- Jorge Platform core schema. Large tables are hash-partitioned on location_id (the GHL sub-account):
-- a location-scoped query touches one partition, and the same key shards Aurora Limitless for the
-- largest tenants. Primary keys therefore lead with location_id.

CREATE TABLE locations (
    location_id  text PRIMARY KEY,
    name         text,
    time_zone    text,        -- IANA zone; unknown until ops or GHL tells us
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE contacts (
    location_id  text        NOT NULL,
    contact_id   text        NOT NULL,
    first_name   text,
    last_name    text,
    phone        text,
    email        text,
    tags         text[]      NOT NULL DEFAULT '{}',
    dnd          boolean     NOT NULL DEFAULT false,
    time_zone    text,
    deleted_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, contact_id)
) PARTITION BY HASH (location_id);

-- One row per lead: what the bot remembers between messages (also cached in Redis).
CREATE TABLE conversations (
    location_id          text        NOT NULL,
    contact_id           text        NOT NULL,
    bot_type             text        NOT NULL,
    stage                text        NOT NULL,
    language             text        NOT NULL,
    facts                jsonb       NOT NULL DEFAULT '{}',
    turns                integer     NOT NULL DEFAULT 0,
    temperature          text        NOT NULL,
    temperature_reasons  jsonb       NOT NULL DEFAULT '[]',
    opted_out            boolean     NOT NULL DEFAULT false,
    paused_until         timestamptz,
    last_inbound_at      timestamptz,
    last_reply_at        timestamptz,
    version              bigint      NOT NULL DEFAULT 0,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, contact_id)
) PARTITION BY HASH (location_id);

-- Every inbound and outbound message. Outbound rows are the reply outbox: written 'pending' in the
-- same transaction as the bot's decision, marked 'sent' once GHL accepted them.
CREATE TABLE messages (
    location_id     text        NOT NULL,
    id              bigserial,
    contact_id      text        NOT NULL,
    direction       text        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    author          text        NOT NULL CHECK (author IN ('lead', 'bot', 'human')),
    body            text        NOT NULL,
    channel         text,
    ghl_message_id  text,
    webhook_id      text,
    status          text        NOT NULL CHECK (status IN ('received', 'pending', 'sent')),
    not_before      timestamptz,  -- a reply held back by the lead's quiet hours
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    PRIMARY KEY (location_id, id)
) PARTITION BY HASH (location_id);
CREATE INDEX messages_contact_idx ON messages (location_id, contact_id, id);
CREATE INDEX messages_ghl_id_idx ON messages (location_id, ghl_message_id) WHERE ghl_message_id IS NOT NULL;
CREATE INDEX messages_pending_idx ON messages (location_id, webhook_id) WHERE status = 'pending';
CREATE INDEX messages_deferred_idx ON messages (not_before) WHERE status = 'pending' AND not_before IS NOT NULL;

CREATE TABLE lead_scores (
    location_id    text        NOT NULL,
    contact_id     text        NOT NULL,
    scored_at      timestamptz NOT NULL,
    score          double precision,
    temperature    text        NOT NULL,
    reasons        jsonb       NOT NULL DEFAULT '[]',
    model_version  text        NOT NULL,
    PRIMARY KEY (location_id, contact_id, scored_at)
) PARTITION BY HASH (location_id);

CREATE TABLE opportunities (
    location_id        text        NOT NULL,
    opportunity_id     text        NOT NULL,
    contact_id         text        NOT NULL,
    pipeline_id        text,
    pipeline_stage_id  text,
    status             text,
    monetary_value     numeric(14, 2),
    name               text,
    assigned_to        text,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, opportunity_id)
) PARTITION BY HASH (location_id);
CREATE INDEX opportunities_contact_idx ON opportunities (location_id, contact_id);

CREATE TABLE appointments (
    location_id     text        NOT NULL,
    appointment_id  text        NOT NULL,
    contact_id      text        NOT NULL,
    calendar_id     text,
    status          text,
    title           text,
    starts_at       timestamptz,
    ends_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, appointment_id)
) PARTITION BY HASH (location_id);

-- Every webhook the worker took from the queue: the idempotency record. status 'decided' means the
-- bot's decision is stored and its replies/actions may still be in flight; 'done' means finished.
CREATE TABLE webhook_events (
    location_id   text        NOT NULL,
    webhook_id    text        NOT NULL,
    event_type    text        NOT NULL,
    contact_id    text        NOT NULL,
    payload       jsonb       NOT NULL,
    status        text        NOT NULL CHECK (status IN ('decided', 'done')),
    received_at   timestamptz NOT NULL,
    processed_at  timestamptz,
    PRIMARY KEY (location_id, webhook_id)
) PARTITION BY HASH (location_id);

-- CRM changes the bot asked for (tags, fields, opportunity moves, DND, hand-off): an outbox like messages.
CREATE TABLE crm_actions (
    location_id  text        NOT NULL,
    id           bigserial,
    contact_id   text        NOT NULL,
    webhook_id   text        NOT NULL,
    action_type  text        NOT NULL,
    action       jsonb       NOT NULL,
    status       text        NOT NULL CHECK (status IN ('pending', 'done')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    done_at      timestamptz,
    PRIMARY KEY (location_id, id)
) PARTITION BY HASH (location_id);
CREATE INDEX crm_actions_pending_idx ON crm_actions (location_id, webhook_id) WHERE status = 'pending';

CREATE TABLE audit_log (
    location_id  text        NOT NULL,
    id           bigserial,
    contact_id   text,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    detail       jsonb       NOT NULL DEFAULT '{}',
    at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, id)
) PARTITION BY HASH (location_id);
CREATE INDEX audit_log_contact_idx ON audit_log (location_id, contact_id, at);
