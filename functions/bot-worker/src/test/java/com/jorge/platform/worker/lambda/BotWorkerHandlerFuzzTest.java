package com.jorge.platform.worker.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.WorkerTestRig;
import com.jorge.platform.worker.policy.StarterQualificationPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile SQS records at the worker's handler, each batch with one well-formed message of another lead: not
 * JSON, deep nesting, huge strings, Unicode tricks, unknown event types, ids of the wrong type, garbage message
 * attributes. The handler never throws (a throw would fail the whole batch), no bad record is reported as a batch
 * item failure (none can ever be read, so each is dropped with its reason), the good message of the batch is answered, the hostile records' lead is texted
 * nothing and nothing is written for it. Prints how many cases ran ({@code -Djqwik.tries.default=5000}: a big run).
 */
class BotWorkerHandlerFuzzTest {

    private static final AtomicLong CASES = new AtomicLong();
    private static final String CONTACT = "@CONTACT@";
    private static final List<String> TRICKS = List.of("\u202Egnp.exe", "a\u200Bb\u200D", "nul\u0000byte", "lone\uD800",
            "\uDC00tail", "' OR 1=1 --", "\"; DROP TABLE messages; --", "${jndi:ldap://x/a}", "{{7*7}}", "#{7*7}",
            "<script>alert(1)</script>", "%s%n%x", "\r\nSet-Cookie: x=1", "", " ", "null", "[]", "{}", "1e309");
    private static MutableClock clock;
    private static WorkerTestRig rig;
    private static BotWorkerHandler handler;

    @BeforeContainer
    static void start() {
        clock = new MutableClock(Instant.now());
        rig = new WorkerTestRig(new StarterQualificationPolicy(), clock, TestRedis.standaloneUrl());
        handler = new BotWorkerHandler(rig.worker.messages(), rig.metrics);
    }

    @AfterContainer
    static void stop() {
        System.out.println("worker fuzz cases run: " + CASES.get());
        rig.close();
    }

    @Property
    void hostileRecordsNeverSinkTheBatchTextTheirLeadOrWriteForIt(@ForAll("hostileBatches") List<List<String>> hostile)
            throws Exception {
        long n = CASES.incrementAndGet();
        String target = "fz-" + n;
        String control = "ok-" + n;
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < hostile.size(); i++) {
            String id = "h" + n + "-" + i;
            ids.add(id);
            records.add(message(id, "loc1:" + target, hostile.get(i).get(0).replace(CONTACT, target), hostile.get(i).get(1)));
        }
        records.add(records.size() / 2, message("c" + n, "loc1:" + control,
                GhlWebhooks.inboundSms("loc1", control, "I want to sell my house", clock.instant()), null));
        SQSEvent event = new SQSEvent();
        event.setRecords(records);

        SQSBatchResponse response = handler.handleRequest(event, null);

        List<String> failed = response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
        assertThat(ids).containsAll(failed);
        assertThat(failed).as("no receive would ever read them: acknowledged and dropped, not retried into the DLQ").isEmpty();
        assertThat(rig.ghl.smsTo(control)).as("the batch's good message is answered").hasSize(1);
        assertThat(rig.ghl.smsTo(target)).as("no text to the hostile records' lead").isEmpty();
        assertThat(rig.count("SELECT count(*) FROM messages WHERE contact_id = '" + target + "'")).isZero();
        assertThat(rig.count("SELECT count(*) FROM conversations WHERE contact_id = '" + target + "'")).isZero();
    }

    @Provide
    Arbitrary<List<List<String>>> hostileBatches() {
        Arbitrary<String> receivedAt = Arbitraries.oneOf(Arbitraries.of("abc", "-1", "1e309", "99999999999999999999", ""),
                hostile()).injectNull(0.5);
        Arbitrary<List<String>> record = Combinators.combine(bodies(), receivedAt).as((b, r) -> java.util.Arrays.asList(b, r));
        return record.list().ofMinSize(1).ofMaxSize(5);
    }

    /** Bodies no verified GHL webhook ever is: so none of them may make the bot text anyone. */
    private static Arbitrary<String> bodies() {
        Arbitrary<String> value = Arbitraries.oneOf(hostile().map(BotWorkerHandlerFuzzTest::quote),
                Arbitraries.of("42", "-1", "true", "null", "[]", "{}", "1e309", "[\"a\",1]", "{\"$ne\":null}"));
        Arbitrary<String> deep = Arbitraries.integers().between(100, 20_000).map(k -> "[".repeat(k) + "]".repeat(k));
        // an event type GHL never sends, everything else well formed for the lead
        Arbitrary<String> unknownType = hostile().filter(t -> !t.isBlank()).map(t -> "{\"type\":" + quote("X-" + t)
                + ",\"locationId\":\"loc1\",\"contactId\":\"" + CONTACT + "\",\"body\":\"selling\",\"messageType\":\"SMS\","
                + "\"timestamp\":\"" + Instant.now() + "\"}");
        // an inbound message whose contactId or locationId is not a string
        Arbitrary<String> wrongIds = Combinators.combine(Arbitraries.of("contactId", "locationId"),
                Arbitraries.of("42", "true", "[]", "{}", "[\"" + CONTACT + "\"]", "{\"id\":\"" + CONTACT + "\"}")).as((field, v) ->
                "{\"type\":\"InboundMessage\",\"locationId\":" + (field.equals("locationId") ? v : "\"loc1\"") + ",\"contactId\":"
                        + (field.equals("contactId") ? v : "\"" + CONTACT + "\"") + ",\"body\":\"selling\",\"messageType\":\"SMS\","
                        + "\"timestamp\":\"" + Instant.now() + "\"}");
        Arbitrary<String> object = Combinators.combine(Arbitraries.of("type", "locationId", "contactId", "body", "__proto__"), value)
                .as((k, v) -> "{\"" + k + "\":" + v + "}");
        return Arbitraries.oneOf(hostile(), deep, unknownType, wrongIds, object, Arbitraries.just("not json {"));
    }

    private static Arbitrary<String> hostile() {
        return Arbitraries.oneOf(Arbitraries.of(TRICKS), Arbitraries.strings().all().ofMaxLength(64),
                Arbitraries.integers().between(10_000, 300_000).map("x"::repeat),
                Combinators.combine(Arbitraries.of(TRICKS), Arbitraries.strings().alpha().ofMaxLength(8)).as(String::concat));
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') out.append('\\').append(ch);
            else if (ch < 0x20 || Character.isSurrogate(ch)) out.append(String.format("\\u%04x", (int) ch));
            else out.append(ch);
        }
        return out.append('"').toString();
    }

    private static SQSEvent.SQSMessage message(String id, String group, String body, String receivedAtMillis) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        m.setAttributes(Map.of("MessageGroupId", group));
        SQSEvent.MessageAttribute receivedAt = new SQSEvent.MessageAttribute();
        receivedAt.setDataType("Number");
        receivedAt.setStringValue(receivedAtMillis == null ? Long.toString(System.currentTimeMillis()) : receivedAtMillis);
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        attributes.put("receivedAtMillis", receivedAt);
        m.setMessageAttributes(attributes);
        return m;
    }
}
