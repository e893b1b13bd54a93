-- Which feature set a lead_outcomes row's attributes are keyed by (the models' FeatureSet versions):
-- 'conversation-features/1' for the outcomes the bot worker records when a GHL opportunity is won or
-- lost, 'lead-features/1' (bank-marketing keys) for rows loaded by hand before this column existed.
-- models/train.sh --source aurora trains on one feature set at a time.
ALTER TABLE lead_outcomes ADD COLUMN feature_set text NOT NULL DEFAULT 'lead-features/1';
ALTER TABLE lead_outcomes ALTER COLUMN feature_set DROP DEFAULT;
-- the deal that decided the outcome, to trace a training row back to the CRM
ALTER TABLE lead_outcomes ADD COLUMN opportunity_id text;
