-- The GHL Marketplace app's installations: one row per sub-account (location) the bots may act for, and
-- one per agency (company) that installed the app for its locations. Tokens are sealed by the
-- application (AES-256-GCM under a data key that KMS wraps in AWS, a local key on a laptop): a row, a
-- backup or a query log never holds a usable token. Small tables (one row per installation), so they
-- are not partitioned.
CREATE TABLE ghl_installations (
    resource_id        text        PRIMARY KEY,           -- the locationId, or the companyId of an agency install
    user_type          text        NOT NULL CHECK (user_type IN ('Location', 'Company')),
    company_id         text,                              -- the agency a location token is minted from, if any
    status             text        NOT NULL CHECK (status IN ('active', 'broken', 'uninstalled')),
    data_key           bytea,                             -- the data key, wrapped (KMS ciphertext, or sealed by the local key)
    access_token       bytea,                             -- sealed; NULL once uninstalled
    refresh_token      bytea,                             -- sealed; NULL for a location token minted from an agency's
    access_expires_at  timestamptz,
    scope              text,
    installed_at       timestamptz NOT NULL DEFAULT now(),
    refreshed_at       timestamptz,
    broken_at          timestamptz,
    broken_reason      text,
    uninstalled_at     timestamptz,
    CHECK (status <> 'active' OR (data_key IS NOT NULL AND access_token IS NOT NULL AND access_expires_at IS NOT NULL))
);

-- the agency's locations, for an agency uninstall and for ops
CREATE INDEX ghl_installations_company_idx ON ghl_installations (company_id) WHERE company_id IS NOT NULL;
