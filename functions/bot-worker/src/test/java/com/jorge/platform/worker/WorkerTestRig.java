package com.jorge.platform.worker;

import com.jorge.platform.worker.lambda.WorkerFunction;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** The worker wired from configuration against a fresh schema, real Redis and the fake GHL API. */
public final class WorkerTestRig implements AutoCloseable {

    public final TestPostgres.Schema schema = TestPostgres.migratedSchema("worker");
    public final FakeGhlServer ghl = FakeGhlServer.start(0);
    public final RecordedMetrics metrics = new RecordedMetrics();
    public final MutableClock clock;
    public final WorkerFunction worker;

    public WorkerTestRig(ConversationPolicy policy, MutableClock clock, String redisUrl) {
        this(BotSuite.of(policy), clock, redisUrl, Map.of());
    }

    public WorkerTestRig(BotSuite bots, MutableClock clock, String redisUrl) {
        this(bots, clock, redisUrl, Map.of());
    }

    public WorkerTestRig(BotSuite bots, MutableClock clock, String redisUrl, Map<String, String> moreEnv) {
        this.clock = clock;
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", schema.jdbcUrl());
        env.put("DATABASE_USER", schema.user());
        env.put("DATABASE_PASSWORD", schema.password());
        if (redisUrl != null) env.put("REDIS_URL", redisUrl);
        env.put("REDIS_NAMESPACE", TestRedis.namespace("worker"));
        env.put("GHL_API_BASE_URL", ghl.baseUrl().toString());
        env.put("GHL_API_TOKEN", "pit-test-token");
        env.put("GHL_API_TIMEOUT_SECONDS", "2");
        env.put("GHL_PIPELINE_ID", "pipe-1");
        env.put("GHL_PIPELINE_STAGES", "Hot Lead=stage-hot,Qualifying=stage-q");
        env.put("GHL_HANDOFF_USER_ID", "agent-1");
        env.put("BOT_HUMAN_PAUSE_MINUTES", "30");
        // a first calendar read may take seconds on a loaded build machine; the wait itself has its own test
        env.put("BOOKING_SLOTS_WAIT_MILLIS", "10000");
        env.putAll(moreEnv);
        this.worker = WorkerFunction.fromConfig(PlatformConfig.of(env), bots, metrics, clock);
    }

    public long count(String sql) throws Exception {
        try (Connection c = schema.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Changes rows behind the worker's back, as a crash between two of its commits would leave them. */
    public void execute(String sql) throws Exception {
        try (Connection c = schema.connect(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    public String text(String sql) throws Exception {
        try (Connection c = schema.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public void close() {
        worker.close();
        ghl.close();
        schema.close();
    }
}
