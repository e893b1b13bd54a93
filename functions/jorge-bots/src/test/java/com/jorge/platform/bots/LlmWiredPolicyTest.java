package com.jorge.platform.bots;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.jorge.platform.understanding.Intent.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy built from plain settings with a Bedrock model configured: its replies come from the
 * Converse API (here a local server), and an opt-out confirmation too is worded by the policy's plan.
 */
class LlmWiredPolicyTest {

    HttpServer server;
    final AtomicInteger calls = new AtomicInteger();
    volatile String answer = "Hi Maria! So glad you reached out. What's prompting the move?";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            ObjectMapper json = new ObjectMapper();
            ObjectNode response = json.createObjectNode();
            ObjectNode message = response.putObject("output").putObject("message");
            message.put("role", "assistant");
            message.putArray("content").addObject().put("text", answer);
            response.put("stopReason", "end_turn");
            response.putObject("usage").put("inputTokens", 1).put("outputTokens", 1).put("totalTokens", 2);
            response.putObject("metrics").put("latencyMs", 1);
            byte[] body = json.writeValueAsBytes(response);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        // the default credentials chain reads these; nothing leaves the machine
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void withAModelConfiguredTheCheckedLlmWordingGoesOutAndABadOneFallsBackToTheTemplate() {
        BotSettings config = BotSettings.fromSettings(Map.of(
                "JORGE_BOTS_BEDROCK_MODEL_ID", "anthropic.claude-3-5-haiku-20241022-v1:0",
                "JORGE_BOTS_BEDROCK_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort(),
                "JORGE_BOTS_BEDROCK_DEADLINE_MS", "10000")); // generous: the SDK's first call warms up here, on a busy machine too
        ScriptedUnderstander understander = new ScriptedUnderstander();
        understander.when("hi").intent(GREETING);
        understander.when("ok").intent(AFFIRMATIVE);
        JorgeConversationPolicy policy = JorgeConversationPolicy.create(config, understander);

        Conversation c = new Conversation(policy, BotType.SELLER, "llm-1", JorgeConversationPolicyTest.CHICAGO,
                JorgeConversationPolicyTest.AFTERNOON);
        BotTurn first = c.say("hi");
        assertThat(first.replies()).containsExactly(answer);
        assertThat(calls.get()).isEqualTo(1);

        answer = "Homes on your street sold for $612,000 last month! What's prompting the move?";
        BotTurn second = c.say("ok");
        assertThat(second.replies()).singleElement().asString().doesNotContain("612");
        assertThat(calls.get()).isEqualTo(2);
    }
}
