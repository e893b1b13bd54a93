package com.jorge.platform.bots.reply;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

import com.jorge.platform.conversation.LlmUsage;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Words the policy's plan with Claude on Amazon Bedrock (Converse API). The policy has already
 * decided what to say: the model gets the template's wording and may only say the same thing more
 * naturally. A hard deadline (default 700 ms) bounds the wait; past it, on any error, or when the
 * text fails {@link ReplyGuard}, the template reply goes out instead.
 *
 * <p>Each reply carries the tokens the call cost: Bedrock's own count ({@code usage} of the Converse answer)
 * whenever an answer came, even one the guard rejected; for a call abandoned at the deadline (Bedrock finishes and
 * bills it all the same) an estimate from the prompt's and the template's length ({@link LlmUsage#estimate}, flagged
 * {@code estimated}); none for a call that failed (an error answer is not billed).
 */
public final class BedrockReplyWriter implements ReplyWriter, AutoCloseable {

    public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(700);

    private static final Logger LOG = LoggerFactory.getLogger(BedrockReplyWriter.class);
    private static final String SYSTEM_PROMPT = """
            You write one SMS for a real-estate team's assistant. You are told exactly what to say; \
            say that and nothing more, naturally and briefly, in the language and tone given. \
            Never add facts, prices, rates, dates, numbers, links, promises or questions of your own. \
            Answer with the SMS text only, no quotes, no explanation.""";

    private final BedrockRuntimeClient client;
    private final String modelId;
    private final Duration deadline;
    private final TemplateReplyWriter templates;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public BedrockReplyWriter(BedrockRuntimeClient client, String modelId, Duration deadline,
                              TemplateReplyWriter templates) {
        this.client = Objects.requireNonNull(client, "client");
        this.modelId = requireText(modelId, "modelId");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, got " + deadline);
        }
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /** A client with the default AWS credentials chain; {@code endpoint} may be null (the regional endpoint). */
    public static BedrockRuntimeClient client(String region, URI endpoint, Duration deadline) {
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .region(Region.of(requireText(region, "region")))
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        return configure(builder, endpoint, deadline).build();
    }

    /**
     * Settings every Bedrock client of this writer needs: no retries (the deadline leaves no room),
     * and a call timeout a little past the deadline so an abandoned call frees its thread.
     */
    public static BedrockRuntimeClientBuilder configure(BedrockRuntimeClientBuilder builder, URI endpoint,
                                                        Duration deadline) {
        Duration callTimeout = deadline.plus(deadline);
        builder.httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(callTimeout)
                        .socketTimeout(callTimeout)
                        .build())
                .overrideConfiguration(c -> c.apiCallTimeout(callTimeout)
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    @Override
    public String write(ReplyPlan plan) {
        return writeReply(plan).text();
    }

    @Override
    public WrittenReply writeReply(ReplyPlan plan) {
        if (plan.isEmpty()) {
            return new WrittenReply("", false, null, LlmUsage.NONE);
        }
        String template = templates.write(plan);
        String instruction = instruction(plan, template);
        Future<Answer> call = calls.submit(() -> converse(instruction));
        Answer answer;
        try {
            answer = call.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            LlmUsage billed = new LlmUsage(LlmUsage.estimate(SYSTEM_PROMPT + instruction), LlmUsage.estimate(template), true);
            return fallback(template, "deadline of " + deadline.toMillis() + " ms passed", billed);
        } catch (ExecutionException e) {
            return fallback(template, "call failed: " + e.getCause().getClass().getSimpleName(), LlmUsage.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return fallback(template, "interrupted", LlmUsage.NONE);
        }
        String text = stripQuotes(answer.text().strip());
        Optional<String> rejected = ReplyGuard.reject(text, template + " " + String.join(" ", plan.values().values()));
        return rejected.map(reason -> fallback(template, "rejected: " + reason, answer.usage()))
                .orElseGet(() -> new WrittenReply(text, true, null, answer.usage()));
    }

    /** The model's text and what the call cost. */
    private record Answer(String text, LlmUsage usage) {}

    private Answer converse(String instruction) {
        ConverseResponse response = client.converse(ConverseRequest.builder()
                .modelId(modelId)
                .system(SystemContentBlock.fromText(SYSTEM_PROMPT))
                .messages(Message.builder()
                        .role(ConversationRole.USER)
                        .content(ContentBlock.fromText(instruction))
                        .build())
                .inferenceConfig(InferenceConfiguration.builder().maxTokens(160).temperature(0.5f).build())
                .build());
        String text = response.output() == null || response.output().message() == null ? ""
                : response.output().message().content().stream()
                .map(ContentBlock::text)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse("");
        TokenUsage usage = response.usage();
        boolean counted = usage != null && usage.inputTokens() != null && usage.outputTokens() != null;
        return new Answer(text, counted ? new LlmUsage(usage.inputTokens(), usage.outputTokens(), false)
                : new LlmUsage(LlmUsage.estimate(SYSTEM_PROMPT + instruction), LlmUsage.estimate(text), true));
    }

    /** The user turn: what to say, in which language and tone, and how long it may be. */
    static String instruction(ReplyPlan plan, String template) {
        boolean spanish = plan.language().equals("es");
        String language = spanish ? "Spanish" : "English";
        String register = spanish
                ? (plan.tone() == Tone.PROFESSIONAL ? "professional, addressing the lead as usted" : "friendly, addressing the lead as tú")
                : plan.tone().id();
        int limit = SmsSegments.capacity(SmsSegments.isGsm7(template), TemplateReplyWriter.MAX_SEGMENTS);
        return "Language: " + language + ". Tone: " + register + ".\n"
                + "The lead wrote: \"" + plan.leadMessage().replace('"', '\'') + "\"\n"
                + "Say this, in at most " + limit + " characters: \"" + template + "\"";
    }

    private static String stripQuotes(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    private static WrittenReply fallback(String template, String reason, LlmUsage usage) {
        LOG.info("LLM reply not used, template sent instead: {}", reason);
        return new WrittenReply(template, false, reason, usage);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public void close() {
        calls.shutdownNow();
        client.close();
    }
}
