-- Bot KPIs and cost (functions/bi-aggregator README "Bot KPIs"): more per-day figures of bi_daily_activity.

-- SMS segments of a text as carriers bill them, the rule of jorge-bots' SmsSegments (BotKpiTest checks
-- it on the boundary cases): GSM-7 when every character is in the GSM 03.38 alphabet (extension characters take two
-- septets; 160 alone, 153 per part), else UCS-2 (UTF-16 units; 70 alone, 67 per part). One expression
-- with regular expressions, so the planner inlines it (a translate() or sub-select version was 40-80x slower).
CREATE FUNCTION bi_sms_segments(body text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN body = '' THEN 0
        WHEN body ~ '^[]@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&''()*+,./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~|€\f-]*$'
            THEN CASE WHEN char_length(body) + regexp_count(body, '[]^{}\\[~|€\f]') <= 160 THEN 1
                      ELSE (char_length(body) + regexp_count(body, '[]^{}\\[~|€\f]') + 152) / 153 END
        ELSE CASE WHEN char_length(body) + regexp_count(body, '[\U00010000-\U0010FFFF]') <= 70 THEN 1
                  ELSE (char_length(body) + regexp_count(body, '[\U00010000-\U0010FFFF]') + 66) / 67 END
    END
$$;

ALTER TABLE bi_daily_activity
    ADD COLUMN bot_conversations          integer   NOT NULL DEFAULT 0,   -- bot messages sent > 24 h after the lead's previous one
    ADD COLUMN sms_segments               integer   NOT NULL DEFAULT 0,   -- lead SMS received and bot SMS sent on the day
    ADD COLUMN llm_input_tokens           bigint    NOT NULL DEFAULT 0,   -- audit 'replied' detail llmInputTokens
    ADD COLUMN llm_output_tokens          bigint    NOT NULL DEFAULT 0,
    ADD COLUMN bot_booked                 integer   NOT NULL DEFAULT 0,   -- appointments made while only the bot talked to the lead
    ADD COLUMN handoff_accept_samples_ms  integer[] NOT NULL DEFAULT '{}'; -- hand-off -> an agent accepted it
