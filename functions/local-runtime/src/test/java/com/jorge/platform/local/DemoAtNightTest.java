package com.jorge.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.lambda.WorkerFunction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./jorge local} run at night in the market's time zone: every reply waits for the lead's quiet hours,
 * and the demo must still book (the lead answers the held offer when it arrives). It once ended with the offer
 * unanswered, and the demo exited 1 for anyone who ran it before 8 in the morning in Texas.
 */
class DemoAtNightTest {

    private static TestPostgres.Schema schema;
    private static LocalPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        schema = TestPostgres.migratedSchema("demo_night");
        platform = LocalPlatform.start(Map.of(
                        "DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(),
                        "REDIS_URL", TestRedis.standaloneUrl(), "REDIS_NAMESPACE", TestRedis.namespace("demo-night")),
                // a Sunday, 03:40 in Texas: inside every lead's quiet hours
                0, WorkerFunction.jorgeBots(Map.of()), Clock.offset(Clock.systemUTC(),
                        Duration.between(Instant.now(), Instant.parse("2026-12-06T09:40:00Z"))));
    }

    @AfterAll
    static void stop() {
        platform.close();
        schema.close();
    }

    @Test
    void theDemoBooksBothLeadsWhileEveryReplyWaitsForTheMorning() throws Exception {
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        boolean ok = DemoConversations.playDemo(platform, new PrintStream(transcript, true, StandardCharsets.UTF_8));
        String text = transcript.toString(StandardCharsets.UTF_8);
        assertThat(text).as("the replies are held, not sent").contains("[held for the lead's quiet hours until");
        assertThat(text).contains("appointment booked: Call with a Jorge lead on local-cal-call",
                "appointment booked: Showing for a Jorge lead on local-cal-showing");
        assertThat(ok).as(text).isTrue();
    }
}
