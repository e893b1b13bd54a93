package com.jorge.platform.local;

import com.jorge.platform.ghl.events.GhlEventParser;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.ghlfake.WebhookSigner;
import com.jorge.platform.intake.ReplayGuard;
import com.jorge.platform.intake.SignatureVerifier;
import com.jorge.platform.intake.WebhookIntake;
import com.jorge.platform.intake.WebhookIntakeHandler;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.queue.LeadEventQueue;
import com.jorge.platform.queue.QueuedLeadEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11, finding 7: the local gateway answers every request the way API Gateway would, over real HTTP. */
class LocalHttpGatewayTest {

    private static final WebhookSigner SIGNER = WebhookSigner.generate();
    private static final List<QueuedLeadEvent> queued = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean queueDown = new AtomicBoolean();
    private static FakeGhlServer ghl;
    private static LocalHttpGateway gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        LocalHttpGateway.tuneJdkServer();
        ghl = FakeGhlServer.start(0);
        RecordedMetrics metrics = new RecordedMetrics();
        LeadEventQueue queue = event -> {
            if (queueDown.get()) throw new IllegalStateException("queue down");
            queued.add(event);
        };
        WebhookIntake intake = new WebhookIntake(new SignatureVerifier(SIGNER.rsaPublicKey(), null),
                new GhlEventParser(PlatformJson.mapper()), new ReplayGuard(null, null, Clock.systemUTC(), Duration.ofMinutes(5)),
                queue, metrics, Clock.systemUTC());
        gateway = new LocalHttpGateway(0, new WebhookIntakeHandler(intake, metrics), null, SIGNER, ghl);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        ghl.close();
    }

    @BeforeEach
    void reset() {
        queued.clear();
        queueDown.set(false);
    }

    @Test
    void theWebhookPathIsMatchedExactly() throws Exception {
        String body = GhlWebhooks.inboundSms("loc1", "c1", "hello", Instant.now());
        for (String path : List.of("/webhooks/ghlx", "/webhooks/ghl/", "/webhooks/ghl/extra", "/webhooks/ghl.json")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("X-WH-Signature", SIGNER.rsaSignature(body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(r.statusCode()).as(path).isEqualTo(404);
        }
        assertThat(queued).isEmpty();
        HttpResponse<String> exact = send(HttpRequest.newBuilder(uri("/webhooks/ghl?source=ghl"))
                .header("X-WH-Signature", SIGNER.rsaSignature(body)).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(exact.statusCode()).isEqualTo(200);
        assertThat(queued).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"})
    void otherMethodsAre405WithAllow(String method) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/webhooks/ghl"))
                .method(method, HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void aFiveMegabyteBodyIs413WithAnAnswerFixedLengthOrChunked() throws Exception {
        byte[] huge = ("{\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> fixed = send(HttpRequest.newBuilder(uri("/webhooks/ghl"))
                .header("X-WH-Signature", "c2ln").POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
        assertThat(fixed.statusCode()).isEqualTo(413);
        assertThat(fixed.body()).contains("too_large");
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/webhooks/ghl")).header("X-WH-Signature", "c2ln")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        // the connection is still usable after a refused body
        String body = GhlWebhooks.inboundSms("loc1", "c2", "hello", Instant.now());
        assertThat(send(HttpRequest.newBuilder(uri("/webhooks/ghl")).header("X-WH-Signature", SIGNER.rsaSignature(body))
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode()).isEqualTo(200);
        assertThat(queued).hasSize(1);
    }

    @Test
    void aFiveMegabyteBodySentInFullGetsItsAnswerNotAReset() throws Exception {
        // as curl does it: the whole body goes out before the answer is read, and a failed send is the end
        // (curl: "Send failure: Connection reset by peer", no answer shown). A server that closes with the
        // body unread resets the connection under the sender.
        for (int attempt = 0; attempt < 3; attempt++) {
            var sendFailure = new java.util.concurrent.atomic.AtomicReference<Exception>();
            try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
                socket.setSoTimeout(10_000);
                int length = 5 * 1024 * 1024;
                OutputStream out = socket.getOutputStream();
                out.write(("POST /webhooks/ghl HTTP/1.1\r\nHost: 127.0.0.1\r\nX-WH-Signature: c2ln\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                Thread writer = Thread.ofVirtual().start(() -> {
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    try {
                        for (int sent = 0; sent < length; sent += chunk.length) out.write(chunk);
                        out.flush();
                    } catch (Exception e) {
                        sendFailure.set(e);
                    }
                });
                writer.join();
                assertThat(sendFailure.get()).as("the upload was cut off").isNull();
                assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 413");
            }
        }
    }

    @Test
    void aOneMegabyteHeaderIs431NotASilentClose() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/ghl HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "p".repeat(1024 * 1024)
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 431");
        }
        HttpResponse<String> large = send(HttpRequest.newBuilder(uri("/health")).header("X-Padding", "p".repeat(11 * 1024)).GET());
        assertThat(large.statusCode()).isEqualTo(431);
        assertThat(send(HttpRequest.newBuilder(uri("/health")).header("X-Padding", "p".repeat(8 * 1024)).GET()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aQueueFailureReachesGhlAs429WithRetryAfter() throws Exception {
        queueDown.set(true);
        String body = GhlWebhooks.inboundSms("loc1", "c3", "hello", Instant.now());
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/webhooks/ghl"))
                .header("X-WH-Signature", SIGNER.rsaSignature(body)).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).contains(Long.toString(WebhookIntake.RETRY_AFTER.toSeconds()));
        assertThat(r.headers().allValues("Content-Type")).containsExactly("application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    private static String statusLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) line.append((char) c);
        return line.toString().trim();
    }
}
