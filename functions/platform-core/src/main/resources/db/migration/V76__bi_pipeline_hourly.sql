-- The open pipeline of each location once an hour (functions/bi-aggregator README "Pipeline hourly"):
-- written by every λ bi-aggregator run (the hour's row holds the latest run's value), read by the
-- alert-evaluator's PipelineValueDrop business alert (hour over hour) and the business dashboard.
-- 24 rows a day per location; the aggregator keeps BI_LOOKBACK_DAYS of them.
CREATE TABLE bi_pipeline_hourly (
    location_id  text           NOT NULL,
    hour         timestamptz    NOT NULL,   -- the hour's start (UTC)
    open_count   integer        NOT NULL,
    open_value   numeric(16, 2) NOT NULL,
    taken_at     timestamptz    NOT NULL,   -- the run that wrote the value
    PRIMARY KEY (location_id, hour)
);
