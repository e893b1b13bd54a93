-- Property search's own schema, applied by ListingRepository.migrate() with its own Flyway history
-- table (search_schema_history), so it never collides with platform-core's db/migration versions.
-- In Aurora with pgvector, embedding becomes vector(384) with an HNSW index (see the README).
CREATE TABLE search_listings (
    id              BIGINT PRIMARY KEY,
    price           BIGINT       NOT NULL CHECK (price > 0),
    bedrooms        INT          NOT NULL,
    bathrooms       NUMERIC(4,2) NOT NULL,
    living_sqft     INT          NOT NULL,
    lot_sqft        INT          NOT NULL,
    floors          NUMERIC(3,1) NOT NULL,
    waterfront      BOOLEAN      NOT NULL,
    view            INT          NOT NULL,
    condition       INT          NOT NULL,
    grade           INT          NOT NULL,
    basement_sqft   INT          NOT NULL,
    year_built      INT          NOT NULL,
    year_renovated  INT          NOT NULL,
    zip             CHAR(5)      NOT NULL,
    latitude        DOUBLE PRECISION NOT NULL,
    longitude       DOUBLE PRECISION NOT NULL,
    status          TEXT         NOT NULL,
    description     TEXT         NOT NULL,
    embedding       REAL[]       NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- the filters every search applies: active listings by zip and price
CREATE INDEX search_listings_zip_price ON search_listings (zip, price) WHERE status = 'ACTIVE';
CREATE INDEX search_listings_price ON search_listings (price) WHERE status = 'ACTIVE';
