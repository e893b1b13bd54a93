package com.jorge.platform.ghlfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault switch and the Conversations listing, over real HTTP as the GHL client and the harness use them. */
class FakeGhlFaultSwitchTest {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeGhlServer fake = FakeGhlServer.start(0);

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aStatusFaultAnswersItWithRetryAfterOnlyOnItsRoutesAndTakesNoEffect() throws Exception {
        fake.faults().inject(new GhlFault.Status(429, Duration.ofSeconds(7)), null, List.of("POST /conversations/messages"));

        HttpResponse<String> limited = sendSms("c-1", "hello");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(put("/contacts/c-1").statusCode()).isEqualTo(200);
        assertThat(fake.smsTo("c-1")).isEmpty();
        assertThat(fake.sentMessages()).isEmpty();

        fake.faults().clear();
        assertThat(sendSms("c-1", "hello").statusCode()).isEqualTo(200);
        assertThat(fake.smsTo("c-1")).containsExactly("hello");
    }

    @Test
    void aFaultWithADurationEndsByItself() throws Exception {
        // long enough that a first request on a loaded machine still meets the fault (300 ms flaked in a CI run)
        long injected = System.nanoTime();
        fake.faults().inject(new GhlFault.Status(503, null), Duration.ofMillis(1_500), List.of());
        assertThat(sendSms("c-2", "one").statusCode()).isEqualTo(503);
        int status;
        do {
            Thread.sleep(100);
            status = sendSms("c-2", "two").statusCode();
        } while (status == 503 && System.nanoTime() - injected < Duration.ofSeconds(10).toNanos());
        assertThat(status).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - injected)).isGreaterThanOrEqualTo(Duration.ofMillis(1_500));
        assertThat(fake.faults().active()).isEmpty();
    }

    @Test
    void processedThen502RecordsTheSendAndListsItInTheConversation() throws Exception {
        fake.faults().inject(new GhlFault.ProcessedThen502());
        assertThat(sendSms("c-3", "did it go?").statusCode()).isEqualTo(502);
        fake.faults().clear();

        assertThat(fake.smsTo("c-3")).containsExactly("did it go?");
        JsonNode search = get("/conversations/search?locationId=loc-1&contactId=c-3");
        assertThat(search.path("total").asInt()).isEqualTo(1);
        String conversationId = search.path("conversations").get(0).path("id").asText();
        JsonNode messages = get("/conversations/" + conversationId + "/messages");
        assertThat(messages.path("messages")).hasSize(1);
        assertThat(messages.path("messages").get(0).path("body").asText()).isEqualTo("did it go?");
        assertThat(messages.path("messages").get(0).path("id").asText()).isEqualTo(fake.sentMessages().getFirst().id());
        assertThat(get("/conversations/search?contactId=someone-else").path("total").asInt()).isZero();
    }

    @Test
    void aConversationsMessagesArePagedNewestFirst() throws Exception {
        for (int i = 1; i <= 3; i++) sendSms("c-4", "m" + i);
        String conversationId = get("/conversations/search?contactId=c-4").path("conversations").get(0).path("id").asText();

        JsonNode first = get("/conversations/" + conversationId + "/messages?limit=2");
        assertThat(first.path("messages").findValuesAsText("body")).containsExactly("m3", "m2");
        assertThat(first.path("nextPage").asBoolean()).isTrue();
        JsonNode second = get("/conversations/" + conversationId + "/messages?limit=2&lastMessageId=" + first.path("lastMessageId").asText());
        assertThat(second.path("messages").findValuesAsText("body")).containsExactly("m1");
        assertThat(second.path("nextPage").asBoolean()).isFalse();
    }

    @Test
    void latencyDelaysTheAnswerAndTheCallStillTakesEffect() throws Exception {
        fake.faults().inject(new GhlFault.Latency(Duration.ofMillis(400)));
        long start = System.nanoTime();
        assertThat(sendSms("c-5", "slow").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(fake.smsTo("c-5")).containsExactly("slow");
    }

    @Test
    void aTimeoutLeavesTheClientWithoutAnAnswerAndTheCallWithoutEffect() {
        fake.faults().inject(new GhlFault.Timeout(Duration.ofSeconds(5)));
        HttpRequest request = smsRequest("c-6", "lost?").timeout(Duration.ofMillis(500)).build();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        fake.faults().clear();
        assertThat(fake.smsTo("c-6")).isEmpty();
    }

    @Test
    void theControlEndpointSwitchesFaultsOnListsThemAndClearsThem() throws Exception {
        HttpResponse<String> on = control("POST", """
                {"fault":"status","status":500,"seconds":60,"routes":["/conversations/messages"]}""");
        assertThat(on.statusCode()).isEqualTo(200);
        JsonNode listed = json.readTree(control("GET", null).body()).path("faults");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("status").asInt()).isEqualTo(500);
        assertThat(listed.get(0).path("secondsLeft").asDouble()).isBetween(1.0, 60.0);
        assertThat(sendSms("c-7", "x").statusCode()).isEqualTo(500);

        assertThat(control("DELETE", null).statusCode()).isEqualTo(200);
        assertThat(sendSms("c-7", "x").statusCode()).isEqualTo(200);
        assertThat(fake.calls()).noneMatch(c -> c.path().startsWith("/_fake"));
    }

    @Test
    void theControlEndpointNamesTheFieldItCannotUse() throws Exception {
        HttpResponse<String> bad = control("POST", "{\"fault\":\"status\",\"status\":200}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("status must be 4xx or 5xx");
        HttpResponse<String> unknown = control("POST", "{\"fault\":\"melt\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("fault:");
        assertThat(fake.faults().active()).isEmpty();
    }

    private HttpRequest.Builder smsRequest(String contactId, String text) {
        String body = json.createObjectNode().put("type", "SMS").put("contactId", contactId).put("message", text).toString();
        return HttpRequest.newBuilder(fake.baseUrl().resolve("/conversations/messages"))
                .header("Authorization", "Bearer t").header("Version", "2021-04-15")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> sendSms(String contactId, String text) throws IOException, InterruptedException {
        return http.send(smsRequest(contactId, text).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(fake.baseUrl().resolve(path)).header("Authorization", "Bearer t")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(fake.baseUrl().resolve(pathAndQuery))
                .header("Authorization", "Bearer t").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<String> control(String method, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(fake.baseUrl().resolve(FaultControl.PATH))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
