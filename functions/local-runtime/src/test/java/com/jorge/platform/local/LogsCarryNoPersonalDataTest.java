package com.jorge.platform.local;

import com.jorge.platform.audit.ChainVerdict;
import com.jorge.platform.audit.archive.AuditVerification;
import com.jorge.platform.bots.simulator.Persona;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.contactdata.ContactDataFunction;
import com.jorge.platform.contactdata.Requester;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.bots.simulator.Personas;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.lambda.WorkerFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promise, checked on a full run: every persona, the demo, a contact with a full profile
 * and texts full of personal data, and hostile payloads, through the local runtime; every log line the
 * functions wrote (in the JSON layout Lambda uses) is scanned for the phones, e-mails, names and message
 * texts that went in. None may appear. The run ends with a GDPR export and erasure of the full profile,
 * and every location's audit chain must verify.
 */
class LogsCarryNoPersonalDataTest {

    private static final String EMAIL = "ana.ruiz.pii@example.com";
    private static final String LAST_NAME = "Quintanilla";
    private static final String OWN_PHONE = "+15125550188";
    private static final String TEXT_WITH_PII = "You can reach me at 512-555-0177 or ana.ruiz.pii@example.com, "
            + "my place is 4410 Quintanilla Ridge Dr";
    private static CapturedLogs logs;
    private static TestPostgres.Schema schema;
    private static LocalPlatform platform;
    private static Map<String, String> env;

    @BeforeAll
    static void startAndCapture() throws Exception {
        logs = new CapturedLogs("pii-scan");

        schema = TestPostgres.migratedSchema("piiscan");
        env = Map.of("DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(),
                "REDIS_URL", TestRedis.standaloneUrl(), "REDIS_NAMESPACE", TestRedis.namespace("piiscan"),
                "CONTACT_ERASE_SETTLE_MS", "50");
        platform = LocalPlatform.start(env,
                0, WorkerFunction.jorgeBots(Map.of()), Clock.offset(Clock.systemUTC(),
                        Duration.between(Instant.now(), Instant.parse("2026-11-23T18:00:00Z"))));
    }

    @AfterAll
    static void stop() {
        logs.close();
        platform.close();
        schema.close();
    }

    @Test
    void aFullRunLogsNoPhoneEmailNameOrMessageText() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (Persona persona : Personas.all()) {
            new DemoConversations(platform, quiet, "loc-pii").play(persona);
        }
        DemoConversations.playDemo(platform, quiet);
        Instant now = Instant.now();
        post(GhlWebhooks.contactCreate("loc-pii", "c-full", "Anabel", LAST_NAME, OWN_PHONE, EMAIL, now));
        post(GhlWebhooks.inboundSms("loc-pii", "c-full", TEXT_WITH_PII, now));
        post(GhlWebhooks.inboundSms("loc-pii", "c-full", "STOP texting me Anabel here", now));
        // hostile payloads: refused at intake, and their PII must not reach the log either
        post(GhlWebhooks.inboundSms("loc-pii", "c-hostile", "call 512-555-0166 \u0000 now", now));
        post(GhlWebhooks.contactCreate("loc-pii", "c-hostile2", "Anabel\u0000", LAST_NAME, OWN_PHONE, EMAIL, now));
        post("{\"type\":\"InboundMessage\",\"body\":\"my email is " + EMAIL + "\",");  // not even JSON
        assertThat(platform.queue().awaitIdle(Duration.ofSeconds(60))).isTrue();
        // the GDPR export and erasure of the full profile log nothing of it either
        ContactDataFunction.Parts gdpr = ContactDataFunction.fromConfig(PlatformConfig.of(env));
        Requester admin = new Requester(AuditLog.Actor.HUMAN, "admin-1", "data subject request");
        assertThat(gdpr.export().export(new LeadRef("loc-pii", "c-full"), admin).toString()).contains(EMAIL);
        assertThat(gdpr.erasure().erase(new LeadRef("loc-pii", "c-full"), admin).tombstoneSeq()).isPositive();
        // and every location's audit chain, written by the real writers under the whole run, verifies
        try (Database db = Database.open(Database.Settings.fromConfig(PlatformConfig.of(env)))) {
            List<AuditVerification.Finding> chains = new AuditVerification(new Transactor(db.dataSource()), null).verify(List.of());
            assertThat(chains).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(f -> assertThat(f.verdict()).isInstanceOf(ChainVerdict.Intact.class));
        }

        List<String> forbidden = new ArrayList<>(List.of(EMAIL, LAST_NAME, "Anabel", "512-555-0177", "5125550177",
                "5125550188", "512-555-0166", "5125550166", "Quintanilla Ridge", "reach me at"));
        for (Persona persona : Personas.all()) {
            forbidden.add(persona.phone());
            forbidden.add(persona.phone().replaceAll("[^0-9]", ""));
            forbidden.add(persona.phone().replaceAll("[^0-9]", "").substring(1));
            persona.messages().stream().filter(m -> m.length() >= 15).forEach(forbidden::add);
        }
        List<Pattern> names = Personas.all().stream()
                .map(p -> Pattern.compile("\\b" + Pattern.quote(p.firstName()) + "\\b")).toList();

        List<String> lines = new ArrayList<>(logs.lines());
        assertThat(lines).as("the run logged nothing: the scan would prove nothing").hasSizeGreaterThan(100);
        for (String line : lines) {
            for (String value : forbidden) {
                assertThat(line).as("a log line carries personal data").doesNotContain(value);
            }
            for (Pattern name : names) {
                assertThat(name.matcher(line).find()).as("a lead's name in: " + line).isFalse();
            }
        }
    }

    private static void post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(platform.webhookUrl())
                .header("X-WH-Signature", platform.signer().rsaSignature(body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
    }
}
