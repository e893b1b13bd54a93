package com.jorge.platform.perf.bi;

import com.jorge.platform.bi.BiAggregator;
import com.jorge.platform.bi.BiReport;
import com.jorge.platform.bi.BiReportReader;
import com.jorge.platform.bi.BiSettings;
import com.jorge.platform.bi.RunSummary;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.storage.Database;
import com.jorge.platform.testkit.TestPostgres;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How long the aggregator takes on a realistic volume (perf/bi-aggregator/run.sh): LOCATIONS
 * locations x LEADS leads spread over 30 days, each lead writing MESSAGES texts the bot answers, with
 * qualification, hand-offs, follow-ups, deals and appointments in proportion; the bot's turns and follow-ups carry
 * LLM tokens, and one lead in 7 (not now) and one in 11 (price too high) raises an objection. Seeded in bulk with SQL
 * (the repositories would take minutes), in a schema of its own that is dropped afterwards.
 */
public final class BiLoadRun {

    public static void main(String[] args) throws Exception {
        int locations = Integer.parseInt(System.getProperty("locations", "4"));
        int leads = Integer.parseInt(System.getProperty("leads", "5000"));
        int messages = Integer.parseInt(System.getProperty("messages", "6"));
        try (TestPostgres.Schema schema = TestPostgres.newSchema("bi_load");
             Database database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(),
                     schema.password(), 4)).migrate()) {
            DataSource ds = database.dataSource();
            long t = System.nanoTime();
            for (int l = 0; l < locations; l++) seed(ds, "loc-" + l, leads, messages);
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("ANALYZE"); // as autovacuum would have, on tables that grew over months
                c.commit();
            }
            System.out.printf("seeded %d locations x %d leads x %d texts (+ replies) in %d ms (%s)%n", locations, leads,
                    messages, ms(t), TestPostgres.server().origin());

            BiSettings settings = BiSettings.defaults();
            BiAggregator aggregator = new BiAggregator(ds, settings, new RecordedMetrics(), Clock.systemUTC());
            report("first run (reads the 35-day lookback)", aggregator);
            report("re-run, nothing new", aggregator);
            addTexts(ds, "loc-0", 200);
            report("run after 200 new texts in one location", aggregator);

            BiReportReader reader = new BiReportReader(ds, settings);
            LocalDate today = LocalDate.now(ZoneId.of("America/Chicago"));
            for (int i = 0; i < 3; i++) reader.report("loc-0", today.minusDays(30), today); // warm-up
            t = System.nanoTime();
            BiReport r = reader.report("loc-0", today.minusDays(30), today);
            System.out.printf("report over 31 days: %d ms (new leads %d, responses %d, p50 %d ms, p95 %d ms)%n", ms(t),
                    r.funnel().newLeads(), r.bots().responsesMeasured(), r.bots().responseP50Ms(), r.bots().responseP95Ms());
            System.out.printf("  of which objections: %s; LLM tokens %d in / %d out%n", r.objections().stream()
                    .map(o -> o.objection() + " " + o.leads() + " leads, " + o.wroteAgain() + " wrote again").toList(),
                    r.botKpis().llmInputTokens(), r.botKpis().llmOutputTokens());
        }
    }

    private static void report(String what, BiAggregator aggregator) {
        RunSummary s = aggregator.run(Duration.ofMinutes(10));
        System.out.printf("%-45s %6d ms  leads refreshed %6d  days recomputed %4d  failed %d  pending %d%n", what,
                s.durationMs(), s.leadsRefreshed(), s.daysRecomputed(), s.daysFailed(), s.daysPending());
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void seed(DataSource ds, String location, int leads, int texts) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("SET LOCAL synchronous_commit = off");
            exec(c, "INSERT INTO locations (location_id, time_zone) VALUES (?, 'America/Chicago')", location);
            // lead n starts at a random moment of the last 30 days
            exec(c, """
                    CREATE TEMP TABLE seed_leads ON COMMIT DROP AS
                    SELECT n, 'c-' || n AS contact_id, now() - random() * interval '30 days' AS t0 FROM generate_series(1, ?) n""",
                    leads);
            exec(c, """
                    INSERT INTO contacts (location_id, contact_id) SELECT ?, contact_id FROM seed_leads""", location);
            exec(c, """
                    INSERT INTO conversations (location_id, contact_id, bot_type, stage, language, temperature, updated_at)
                    SELECT ?, contact_id, CASE WHEN n % 2 = 0 THEN 'SELLER' ELSE 'BUYER' END, 'qualifying', 'en', 'COLD', t0
                    FROM seed_leads""", location);
            exec(c, """
                    INSERT INTO messages (location_id, contact_id, direction, author, body, channel, webhook_id, status, created_at)
                    SELECT ?, contact_id, 'inbound', 'lead', 'hi', CASE WHEN n % 5 = 0 THEN 'FB' ELSE 'SMS' END,
                           'wh-' || n || '-' || k, 'received', t0 + k * interval '10 minutes'
                    FROM seed_leads, generate_series(1, ?) k""", location, texts);
            exec(c, """
                    INSERT INTO messages (location_id, contact_id, direction, author, body, channel, webhook_id, status,
                                          created_at, sent_at)
                    SELECT ?, contact_id, 'outbound', 'bot', 'reply', 'SMS', 'wh-' || n || '-' || k, 'sent',
                           t0 + k * interval '10 minutes', t0 + k * interval '10 minutes' + (300 + random() * 2700) * interval '1 ms'
                    FROM seed_leads, generate_series(1, ?) k""", location, texts);
            exec(c, """
                    INSERT INTO audit_log (location_id, contact_id, actor, action, detail, at)
                    SELECT ?, contact_id, 'bot', 'replied', jsonb_build_object('stage', 'qualifying', 'temperature',
                           CASE WHEN n % 10 = 0 AND k = 3 THEN 'HOT' WHEN n % 10 < 4 AND k >= 2 THEN 'WARM' ELSE 'COLD' END,
                           'llmInputTokens', 900 + n % 200, 'llmOutputTokens', 40 + n % 30,
                           'objection', CASE WHEN k = 1 AND n % 7 = 0 THEN 'not_now' WHEN k = 2 AND n % 11 = 0 THEN 'price_too_high' ELSE '' END),
                           t0 + k * interval '10 minutes'
                    FROM seed_leads, generate_series(1, ?) k""", location, texts);
            exec(c, """
                    INSERT INTO audit_log (location_id, contact_id, actor, action, detail, at)
                    SELECT ?, contact_id, 'bot', 'follow_up', '{"llmInputTokens": 700, "llmOutputTokens": 35}', t0 + interval '1 day'
                    FROM seed_leads WHERE n % 3 = 0""",
                    location);
            exec(c, """
                    INSERT INTO crm_actions (location_id, contact_id, webhook_id, action_type, action, status, created_at)
                    SELECT ?, contact_id, 'wh-' || n || '-3', 'HandOff', '{"reason":"hot"}', 'done', t0 + interval '30 minutes'
                    FROM seed_leads WHERE n % 10 = 0""", location);
            exec(c, """
                    INSERT INTO audit_log (location_id, contact_id, actor, action, detail, at)
                    SELECT ?, contact_id, 'human', 'handoff_accepted', jsonb_build_object('agentId', 'agent-' || (n % 7)),
                           t0 + interval '40 minutes'
                    FROM seed_leads WHERE n % 10 = 0""", location);
            exec(c, """
                    INSERT INTO webhook_events (location_id, webhook_id, event_type, contact_id, payload, status, received_at)
                    SELECT ?, 'wh-cc-' || n, 'ContactCreate', contact_id,
                           jsonb_build_object('type', 'ContactCreate', 'source', (ARRAY['zillow', 'website', 'facebook', 'referral'])[1 + n % 4],
                                              'attributionSource', jsonb_build_object('campaign', CASE WHEN n % 3 = 0 THEN 'spring' END)),
                           'done', t0
                    FROM seed_leads""", location);
            exec(c, """
                    INSERT INTO messages (location_id, contact_id, direction, author, body, channel, status, created_at, sent_at)
                    SELECT ?, contact_id, 'outbound', 'human', 'agent', 'SMS', 'sent', at, at
                    FROM (SELECT contact_id, t0 + interval '30 minutes' + random() * interval '2 hours' AS at
                          FROM seed_leads WHERE n % 20 = 0) h""", location);
            exec(c, """
                    INSERT INTO opportunities (location_id, opportunity_id, contact_id, pipeline_id, pipeline_stage_id, status,
                                               monetary_value, assigned_to, updated_at)
                    SELECT ?, 'o-' || n, contact_id, 'pipe', 'stage-' || (n % 5),
                           CASE WHEN n % 20 = 0 THEN 'won' WHEN n % 20 = 1 THEN 'lost' ELSE 'open' END,
                           round((100000 + random() * 900000)::numeric, 2), 'agent-' || (n % 7), t0 + interval '2 hours'
                    FROM seed_leads""", location);
            exec(c, """
                    INSERT INTO appointments (location_id, appointment_id, contact_id, status, created_at)
                    SELECT ?, 'a-' || n, contact_id, 'confirmed', t0 + interval '1 hour' FROM seed_leads WHERE n % 10 = 1""",
                    location);
            c.commit();
        }
    }

    private static void addTexts(DataSource ds, String location, int count) throws Exception {
        try (Connection c = ds.getConnection()) {
            exec(c, """
                    INSERT INTO messages (location_id, contact_id, direction, author, body, channel, webhook_id, status, created_at)
                    SELECT ?, 'c-' || n, 'inbound', 'lead', 'back again', 'SMS', 'wh-new-' || n, 'received', now()
                    FROM generate_series(1, ?) n""", location, count);
            c.commit();
        }
    }

    private static void exec(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.execute();
        }
    }
}
