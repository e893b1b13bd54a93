package com.jorge.platform.bots.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.jorge.platform.conversation.LlmUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Bedrock Runtime client against a local server that speaks the Converse API's JSON
 * (POST /model/{modelId}/converse), so the request the SDK builds and the response it parses are real.
 */
class BedrockReplyWriterTest {

    static final String MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
    static final ObjectMapper JSON = new ObjectMapper();

    HttpServer server;
    volatile String answer = "Hi Maria! What's got you thinking about selling?";
    volatile int status = 200;
    volatile long delayMillis = 0;
    volatile int inputTokens = 120;
    volatile int outputTokens = 20;
    volatile boolean withUsage = true;
    final List<String> paths = new CopyOnWriteArrayList<>();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    final TemplateReplyWriter templates = new TemplateReplyWriter(ReplyTemplates.load());
    BedrockReplyWriter writer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(JSON.readTree(exchange.getRequestBody()));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body;
            if (status == 200) {
                ObjectNode response = JSON.createObjectNode();
                ObjectNode message = response.putObject("output").putObject("message");
                message.put("role", "assistant");
                message.putArray("content").addObject().put("text", answer);
                response.put("stopReason", "end_turn");
                if (withUsage) {
                    response.putObject("usage").put("inputTokens", inputTokens).put("outputTokens", outputTokens)
                            .put("totalTokens", inputTokens + outputTokens);
                }
                response.putObject("metrics").put("latencyMs", 300);
                body = JSON.writeValueAsBytes(response);
            } else {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "ThrottlingException");
                body = "{\"message\":\"Too many requests\"}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        BedrockRuntimeClient client = BedrockReplyWriter.configure(BedrockRuntimeClient.builder()
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIDTEST", "test-secret"))),
                endpoint, BedrockReplyWriter.DEFAULT_DEADLINE).build();
        writer = new BedrockReplyWriter(client, MODEL, BedrockReplyWriter.DEFAULT_DEADLINE, templates);
        // the SDK's first call loads and initialises a lot (about a second here); a Lambda pays it at cold start
        writer.writeReply(plan("en", "ack"));
        paths.clear();
        requests.clear();
        authorizations.clear();
    }

    @AfterEach
    void stop() {
        writer.close();
        server.stop(0);
    }

    ReplyPlan plan(String language, String... keys) {
        return new ReplyPlan(language, Tone.FRIENDLY, java.util.Arrays.stream(keys).map(ReplyPart::required).toList(),
                Map.of("name", "Maria", "agent", "Jorge", "team", "Jorge's team"), "lead-1#0",
                "thinking of selling my house");
    }

    @Test
    void aCheckedLlmReplyIsSentAndTheRequestCarriesWhatThePolicyDecided() {
        ReplyPlan plan = plan("en", "greet", "ask.seller.motivation");

        WrittenReply reply = writer.writeReply(plan);

        assertThat(reply.fromLlm()).isTrue();
        assertThat(reply.text()).isEqualTo(answer);
        assertThat(paths).singleElement().asString().startsWith("/model/").endsWith("/converse").contains("claude");
        assertThat(authorizations.getFirst()).startsWith("AWS4-HMAC-SHA256").contains("/us-east-1/bedrock/");
        JsonNode request = requests.getFirst();
        assertThat(request.at("/system/0/text").asText()).contains("Never add facts");
        String instruction = request.at("/messages/0/content/0/text").asText();
        assertThat(request.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(instruction).contains("English").contains(templates.write(plan)).contains("thinking of selling");
        assertThat(request.at("/inferenceConfig/maxTokens").asInt()).isPositive();
        assertThat(reply.usage()).isEqualTo(new LlmUsage(120, 20, false)); // Bedrock's own count
    }

    @Test
    void theTokensAreBedrocksCountOfEachCallEvenWhenTheGuardRejectsItsText() {
        inputTokens = 97;
        outputTokens = 31;
        assertThat(writer.writeReply(plan("en", "ask.seller.motivation")).usage()).isEqualTo(new LlmUsage(97, 31, false));

        answer = "Homes near you sell for about $450,000. What price do you want?";
        WrittenReply rejected = writer.writeReply(plan("en", "ask.seller.price"));
        assertThat(rejected.fromLlm()).isFalse();
        assertThat(rejected.usage()).isEqualTo(new LlmUsage(97, 31, false)); // billed all the same
    }

    @Test
    void anAnswerWithoutAUsageFieldIsEstimatedFromTheTextsAndSaysSo() {
        withUsage = false;
        WrittenReply reply = writer.writeReply(plan("en", "ask.seller.motivation"));
        JsonNode request = requests.getFirst();
        String prompt = request.at("/system/0/text").asText() + request.at("/messages/0/content/0/text").asText();
        assertThat(reply.usage()).isEqualTo(new LlmUsage((prompt.length() + 3) / 4, (answer.length() + 3) / 4, true));
    }

    @Test
    void spanishPlansAskForSpanishInTheRightRegister() {
        answer = "¡Hola Maria! ¿Qué te motiva a vender?";
        WrittenReply reply = writer.writeReply(plan("es", "greet", "ask.seller.motivation"));
        assertThat(reply.fromLlm()).isTrue();
        assertThat(requests.getFirst().at("/messages/0/content/0/text").asText()).contains("Spanish").contains("tú");
    }

    @Test
    void pastTheDeadlineTheTemplateGoesOutInTime() {
        delayMillis = 3_000;
        ReplyPlan plan = plan("en", "ask.seller.timeline");

        long start = System.nanoTime();
        WrittenReply reply = writer.writeReply(plan);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(reply.fromLlm()).isFalse();
        assertThat(reply.text()).isEqualTo(templates.write(plan));
        assertThat(reply.fallbackReason()).contains("deadline");
        assertThat(tookMillis).isLessThan(1_500); // 700 ms deadline plus scheduling slack on a busy machine
        // Bedrock finishes and bills the abandoned call: estimated from the prompt sent and the template's length
        JsonNode request = requests.getFirst();
        String prompt = request.at("/system/0/text").asText() + request.at("/messages/0/content/0/text").asText();
        assertThat(reply.usage()).isEqualTo(new LlmUsage((prompt.length() + 3) / 4, (reply.text().length() + 3) / 4, true));
    }

    @Test
    void anInventedNumberALinkOrAnOverlongTextIsReplacedByTheTemplate() {
        ReplyPlan plan = plan("en", "ask.seller.price");
        for (String bad : List.of(
                "Homes near you sell for about $450,000. What price do you want?",
                "Rates are 6.5% today! What price do you have in mind?",
                "See comps at https://example.com/comps first. What price?",
                "Check www.jorge-homes.biz. What price?",
                "x".repeat(400),
                "   ")) {
            answer = bad;
            WrittenReply reply = writer.writeReply(plan);
            assertThat(reply.fromLlm()).as(bad).isFalse();
            assertThat(reply.text()).isEqualTo(templates.write(plan));
            assertThat(reply.fallbackReason()).startsWith("rejected");
        }
    }

    @Test
    void aServiceErrorFallsBackToTheTemplate() {
        status = 429;
        WrittenReply reply = writer.writeReply(plan("en", "ask.buyer.area"));
        assertThat(reply.fromLlm()).isFalse();
        assertThat(reply.fallbackReason()).contains("call failed");
        assertThat(reply.usage()).isEqualTo(LlmUsage.NONE); // an error answer is not billed
        assertThat(paths).hasSize(1); // no retries inside the deadline
    }

    @Test
    void anEmptyPlanCallsNothing() {
        WrittenReply reply = writer.writeReply(new ReplyPlan("en", Tone.FRIENDLY, List.of(), Map.of(), "s", ""));
        assertThat(reply.text()).isEmpty();
        assertThat(reply.usage()).isEqualTo(LlmUsage.NONE);
        assertThat(paths).isEmpty();
    }

    @Test
    void numbersThePolicySuppliedMaySurvive() {
        assertThat(ReplyGuard.reject("Sure, we can look at 3 bedrooms near 78704.", "3 bedrooms 78704")).isEmpty();
        assertThat(ReplyGuard.reject("Sure, we can look at 4 bedrooms.", "3 bedrooms")).isPresent();
    }

    @Test
    void deadlineMustBePositive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new BedrockReplyWriter(BedrockRuntimeClient.builder().region(Region.US_EAST_1)
                                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                                .build(), MODEL, Duration.ZERO, templates))
                .hasMessageContaining("deadline");
    }
}
