package com.jorge.platform.perf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.local.LocalPlatform;
import com.jorge.platform.perf.LoadShapes.Arrival;
import com.jorge.platform.testkit.TestPostgres;
import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one phase's arrivals as signed webhooks over HTTP to one platform, open loop (each at its due
 * time, on its own virtual thread, whatever came back before), waits until the queue is idle, then finds
 * each webhook's reply: the platform's outbox row for it (the bot's reply to that webhookId, marked sent
 * with GHL's message id) and when the fake GHL API took that message. Latency counts from the due time,
 * so a stall shows in the tail (no coordinated omission).
 */
final class PhaseRunner {

    /** One webhook ready to send: its body signed as GHL signs it. */
    record Prepared(Arrival arrival, String webhookId, String body, String signature) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalPlatform platform;
    private final TestPostgres.Schema schema;
    private final String bot;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    PhaseRunner(LocalPlatform platform, TestPostgres.Schema schema, String bot) {
        this.platform = platform;
        this.schema = schema;
        this.bot = bot;
    }

    String bot() {
        return bot;
    }

    PhaseResult run(String label, List<Arrival> arrivals, double seconds) throws Exception {
        return runSigned(label, sign(arrivals), seconds);
    }

    /**
     * Signs the bodies before the clock starts: RSA signing is GHL's work, not ours, and would take a
     * fifth of a core away from the platform under test (and fill a profile of the phase).
     */
    List<Prepared> sign(List<Arrival> arrivals) throws Exception {
        Instant stamp = Instant.now();
        List<Prepared> prepared = new ArrayList<>(arrivals.size());
        for (Arrival a : arrivals) {
            String body = GhlWebhooks.inboundSms(a.locationId(), a.contactId(), a.text(),
                    stamp.plusNanos(a.offsetNanos()).plusSeconds(5));
            prepared.add(new Prepared(a, JSON.readTree(body).path("webhookId").asText(), body, platform.signer().rsaSignature(body)));
        }
        return prepared;
    }

    PhaseResult runSigned(String label, List<Prepared> prepared, double seconds) throws Exception {
        platform.ghl().reset();
        int deadBefore = platform.queue().deadLetters().size();
        Histogram intake = new Histogram(600_000_000_000L, 3);
        Map<String, Integer> errorKinds = new ConcurrentHashMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        ResourceSampler sampler = new ResourceSampler(platform);
        long begin = System.nanoTime();
        Instant beginWall = Instant.now();
        for (Prepared p : prepared) {
            long at = begin + p.arrival().offsetNanos();
            long wait = at - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            senders.submit(() -> {
                try {
                    HttpResponse<Void> resp = http.send(HttpRequest.newBuilder(platform.webhookUrl())
                            .header("X-WH-Signature", p.signature()).POST(HttpRequest.BodyPublishers.ofString(p.body())).build(),
                            HttpResponse.BodyHandlers.discarding());
                    synchronized (intake) {
                        intake.recordValue(Math.max(0, System.nanoTime() - at));
                    }
                    if (resp.statusCode() == 200) {
                        accepted.add(p.webhookId());
                    } else {
                        errors.incrementAndGet();
                        errorKinds.merge("HTTP " + resp.statusCode(), 1, Integer::sum);
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    errorKinds.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(120, TimeUnit.SECONDS);
        boolean idle = platform.queue().awaitIdle(Duration.ofSeconds(120));
        ResourceSampler.Usage usage = sampler.usage();
        Thread.sleep(100); // the last answers of the fake reach its log

        Map<String, Instant> smsAt = new HashMap<>();
        for (FakeGhlServer.SentMessage m : platform.ghl().sentMessages()) smsAt.put(m.id(), m.at());
        Map<String, String> replyIds = new HashMap<>();
        Set<String> processed = new HashSet<>();
        readOutcomes(prepared, replyIds, processed);

        Histogram latency = new Histogram(600_000_000_000L, 3);
        int buckets = (int) Math.ceil(seconds) + 1;
        long[] worst = new long[buckets];
        long replies = 0;
        long silent = 0;
        for (Prepared p : prepared) {
            if (!accepted.contains(p.webhookId())) continue;
            String ghlId = replyIds.get(p.webhookId());
            Instant at = ghlId == null ? null : smsAt.get(ghlId);
            if (at != null) {
                long nanos = Math.max(0, Duration.between(beginWall.plusNanos(p.arrival().offsetNanos()), at).toNanos());
                latency.recordValue(nanos);
                replies++;
                int second = (int) Math.min(buckets - 1, p.arrival().offsetNanos() / 1_000_000_000L);
                worst[second] = Math.max(worst[second], nanos / 1_000_000);
            } else if (ghlId != null) {
                errors.incrementAndGet();
                errorKinds.merge(ghlId.startsWith("pending:") ? "reply still pending in the outbox"
                        : "reply marked sent, never at the fake GHL", 1, Integer::sum);
            } else if (processed.contains(p.webhookId())) {
                silent++; // processed without a reply row: the bot decided not to answer (perf/faults audits the reason)
            } else {
                errors.incrementAndGet();
                errorKinds.merge(idle ? "accepted, never processed" : "accepted, still queued after 120 s", 1, Integer::sum);
            }
        }
        int dead = platform.queue().deadLetters().size() - deadBefore;
        if (dead > 0) errorKinds.merge("dead letters", dead, Integer::sum);
        return new PhaseResult(label, bot, seconds, prepared.size(), replies, silent, errors.get(), new TreeMap<>(errorKinds),
                latency, intake, worst, ghlCallsPerWebhook(prepared.size()), usage);
    }

    /** The bot's sent replies by webhookId, and the webhooks the worker processed; pending replies count as errors. */
    private void readOutcomes(List<Prepared> prepared, Map<String, String> replyIds, Set<String> processed) throws SQLException {
        Set<String> ours = new HashSet<>();
        for (Prepared p : prepared) ours.add(p.webhookId());
        try (Connection c = schema.connect()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT webhook_id, status, ghl_message_id FROM messages WHERE author = 'bot' AND webhook_id IS NOT NULL");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (!ours.contains(id)) continue;
                    // a pending reply is neither an answer nor a decided silence: it shows as an error
                    replyIds.putIfAbsent(id, "sent".equals(rs.getString(2)) ? rs.getString(3) : "pending:" + id);
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT webhook_id FROM webhook_events"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) if (ours.contains(rs.getString(1))) processed.add(rs.getString(1));
            }
        }
    }

    /** GHL API calls per webhook sent, by method and path with ids folded: what the bots ask of GHL. */
    private Map<String, Double> ghlCallsPerWebhook(int sent) {
        Map<String, Double> out = new TreeMap<>();
        for (FakeGhlServer.Call c : platform.ghl().calls()) {
            String path = c.path().replaceAll("/[^/]*\\d[^/]*", "/{id}"); // a segment with a digit is an id
            out.merge(c.method() + " " + path, 1.0 / Math.max(1, sent), Double::sum);
        }
        return out;
    }
}
