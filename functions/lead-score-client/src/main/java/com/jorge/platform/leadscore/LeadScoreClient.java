package com.jorge.platform.leadscore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.models.features.FeatureSet;
import com.jorge.platform.models.features.InvalidLeadAttributeException;
import com.jorge.platform.models.features.LeadAttributes;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Scores a lead on the inference tier (KServe v2 over HTTP) and never makes the bot wait on a sick
 * tier: each attempt has a deadline (50 ms by default), a failed attempt is retried once, a circuit
 * breaker stops calling a tier that keeps failing, and whenever the tier does not answer the same
 * ONNX model scores the lead in-process on the CPU. Without a tier configured every lead is scored
 * in-process. {@link ScorePath} says which path answered. The row is encoded with the feature set the
 * in-process model was trained on; the tier serves the same model name. Thread-safe; create one per
 * process and reuse it.
 */
public final class LeadScoreClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeadScoreClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A reply from the tier that is an answer we cannot use; {@code retryable} for 5xx. */
    static final class TierFailure extends Exception {
        final boolean retryable;

        TierFailure(String message, boolean retryable) {
            super(message, null, false, false);
            this.retryable = retryable;
        }
    }

    private final LeadScoreClientSettings config;
    private final InProcessLeadScorer fallback;
    private final ScoreMetrics metrics;
    private final CircuitBreaker breaker;
    /** Null without a tier. */
    private final HttpClient http;
    private final URI inferUri;

    /**
     * @param fallback the in-process model: the same model the tier serves as {@code config.model()}
     * @throws IllegalArgumentException when the fallback is another model than the one the tier is asked for
     */
    public LeadScoreClient(LeadScoreClientSettings config, InProcessLeadScorer fallback, ScoreMetrics metrics) {
        this.config = Objects.requireNonNull(config, "config");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        if (!config.model().equals(fallback.modelName())) {
            throw new IllegalArgumentException("config.model '" + config.model() + "' but the fallback is model '"
                    + fallback.modelName() + "': the tier and the fallback must score with the same model");
        }
        this.breaker = CircuitBreaker.of("lead-score-tier", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.breakerWindow())
                .minimumNumberOfCalls(Math.min(config.breakerWindow(), 10))
                .failureRateThreshold(config.breakerFailureRate())
                .waitDurationInOpenState(config.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(3)
                .recordException(e -> true)
                .build());
        if (config.hasTier()) {
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(config.attemptTimeout()).build();
            String base = config.endpoint().toString().replaceAll("/+$", "");
            this.inferUri = URI.create(base + "/v2/models/" + config.model() + "/infer");
        } else {
            this.http = null;
            this.inferUri = null;
        }
    }

    /** With the model bundled in this jar as the fallback and counters only. */
    public static LeadScoreClient create(LeadScoreClientSettings config) {
        return new LeadScoreClient(config, InProcessLeadScorer.bundled(InProcessLeadScorer.BUNDLED_VERSION),
                new ScoreMetrics((path, nanos) -> { }));
    }

    /** {@link #fromConfig(PlatformConfig, S3Client, ScoreMetrics.Sink)} with counters only. */
    public static Optional<LeadScoreClient> fromConfig(PlatformConfig config, S3Client s3) {
        return fromConfig(config, s3, (path, nanos) -> { });
    }

    /**
     * The client for the live model named by the settings ({@link LeadScoreSettings}), for a function's
     * cold start: the live version is loaded from the registry as the in-process model, and the tier at
     * {@code LEAD_SCORE_ENDPOINT} (if set) is asked for the same name.
     *
     * @param s3   reads the registry; may be null when {@code MODEL_BUCKET} is unset
     * @param sink receives which path answered each score
     * @return empty when {@code MODEL_BUCKET} is unset or the model has no {@code live.json} (none is live yet)
     * @throws IllegalArgumentException naming the setting whose value is malformed
     * @throws ModelRegistryException   naming the S3 object, when the live version cannot be loaded
     */
    public static Optional<LeadScoreClient> fromConfig(PlatformConfig config, S3Client s3, ScoreMetrics.Sink sink) {
        Objects.requireNonNull(sink, "sink");
        Optional<LeadScoreSettings> parsed = LeadScoreSettings.fromConfig(config);
        if (parsed.isEmpty()) {
            log.info("{} is not set: no lead-score model", LeadScoreSettings.BUCKET);
            return Optional.empty();
        }
        if (s3 == null) {
            throw new IllegalArgumentException("s3: " + LeadScoreSettings.BUCKET + " is set, so an S3Client is needed");
        }
        return live(parsed.get(), s3, sink);
    }

    /** The client for the version live now in the registry {@code s} names; empty while none is live. */
    static Optional<LeadScoreClient> live(LeadScoreSettings s, S3Client s3, ScoreMetrics.Sink sink) {
        Optional<InProcessLeadScorer> live = new LiveModelLoader(s3, s.bucket(), s.prefix()).load(s.model());
        if (live.isEmpty()) {
            return Optional.empty();
        }
        try {
            LeadScoreClient client = new LeadScoreClient(s.clientSettings(), live.get(), new ScoreMetrics(sink));
            String where = s.endpoint() == null ? "in this process only (" + LeadScoreSettings.ENDPOINT + " unset)"
                    : "on the tier, with the in-process fallback";
            log.info("lead score: {} {} {}", s.model(), live.get().version(), where);
            return Optional.of(client);
        } catch (RuntimeException e) {
            live.get().close();
            throw e;
        }
    }

    public ScoreMetrics metrics() {
        return metrics;
    }

    /** "CLOSED", "OPEN" or "HALF_OPEN". */
    public String breakerState() {
        return breaker.getState().name();
    }

    /** The schema {@link #score(Map)} takes: the in-process model's, which the tier's model shares. */
    public FeatureSet featureSet() {
        return fallback.featureSet();
    }

    /** The model's name, on the tier and in the registry. */
    public String modelName() {
        return fallback.modelName();
    }

    /** The in-process model's version: the registry's live version when the client was made. */
    public String fallbackVersion() {
        return fallback.version();
    }

    /**
     * A lead is hot when its probability is at least this: the in-process version's {@code hot_threshold}.
     * During a canary the tier may answer with another version ({@link LeadScore#modelVersion()}).
     */
    public double hotThreshold() {
        return fallback.hotThreshold();
    }

    /** Share of converting leads in the model's test split, to read a probability against; NaN when not recorded. */
    public double baseRate() {
        return fallback.baseRate();
    }

    /**
     * Scores raw attributes (keys of {@link #featureSet()}).
     *
     * @throws InvalidLeadAttributeException naming the attribute, before the tier is called
     */
    public LeadScore score(Map<String, ?> attributes) {
        long start = System.nanoTime();
        return score(fallback.featureSet().encode(attributes), start);
    }

    /**
     * Scores typed bank-marketing attributes.
     *
     * @throws IllegalStateException when the model is trained on another feature set
     */
    public LeadScore score(LeadAttributes lead) {
        long start = System.nanoTime();
        return score(fallback.encode(lead), start);
    }

    private LeadScore score(float[] row, long start) {
        if (inferUri == null) {
            return fallback(row, ScorePath.IN_PROCESS, start);
        }
        String body = requestBody(row);
        LeadScore score = null;
        for (int attempt = 1; attempt <= (config.retry() ? 2 : 1) && score == null; attempt++) {
            if (!breaker.tryAcquirePermission()) {
                return fallback(row, attempt == 1 ? ScorePath.FALLBACK_CIRCUIT_OPEN : ScorePath.FALLBACK_AFTER_ERROR, start);
            }
            long callStart = System.nanoTime();
            try {
                score = remote(body, attempt == 1 ? ScorePath.REMOTE : ScorePath.REMOTE_AFTER_RETRY);
                breaker.onSuccess(System.nanoTime() - callStart, TimeUnit.NANOSECONDS);
            } catch (TierFailure e) {
                breaker.onError(System.nanoTime() - callStart, TimeUnit.NANOSECONDS, e);
                log.debug("lead-score tier attempt {} failed: {}", attempt, e.getMessage());
                if (!e.retryable) {
                    break;
                }
            }
        }
        if (score == null) {
            return fallback(row, ScorePath.FALLBACK_AFTER_ERROR, start);
        }
        metrics.answered(score.path(), System.nanoTime() - start);
        return score;
    }

    private LeadScore fallback(float[] row, ScorePath path, long start) {
        LeadScore score = new LeadScore(fallback.scoreRows(row, 1)[0], fallback.version(), path);
        metrics.answered(path, System.nanoTime() - start);
        return score;
    }

    private LeadScore remote(String body, ScorePath path) throws TierFailure {
        HttpRequest request = HttpRequest.newBuilder(inferUri)
                .timeout(config.attemptTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = call.get(config.attemptTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new TierFailure("no answer within " + config.attemptTimeout().toMillis() + " ms", true);
        } catch (ExecutionException e) {
            throw new TierFailure("call failed: " + e.getCause(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TierFailure("interrupted", false);
        }
        int status = response.statusCode();
        if (status != 200) {
            // 5xx may pass; 429 means the tier is saturated and a retry would add to it; 4xx will not change
            throw new TierFailure("HTTP " + status + ": " + abbreviate(response.body()), status >= 500);
        }
        try {
            JsonNode root = JSON.readTree(response.body());
            for (JsonNode output : root.path("outputs")) {
                if (output.path("name").asText().equals(InProcessLeadScorer.OUTPUT)) {
                    double p = output.path("data").path(0).asDouble(Double.NaN);
                    if (!(p >= 0 && p <= 1)) {
                        throw new TierFailure("probability out of range: " + p, false);
                    }
                    String version = root.path("model_version").asText("");
                    if (version.isBlank()) {
                        throw new TierFailure("the reply names no model_version", false);
                    }
                    return new LeadScore(p, version, path);
                }
            }
            throw new TierFailure("no '" + InProcessLeadScorer.OUTPUT + "' output in the reply", false);
        } catch (IOException e) {
            throw new TierFailure("reply is not JSON: " + e.getMessage(), false);
        }
    }

    /** NaN (unknown) goes out as the bare literal the tier reads; Float.toString writes exactly that. */
    static String requestBody(float[] row) {
        StringBuilder sb = new StringBuilder(64 + row.length * 8);
        sb.append("{\"inputs\":[{\"name\":\"").append(InProcessLeadScorer.INPUT).append("\",\"shape\":[1,")
                .append(row.length).append("],\"datatype\":\"FP32\",\"data\":[");
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Float.toString(row[i]));
        }
        return sb.append("]}],\"outputs\":[{\"name\":\"").append(InProcessLeadScorer.OUTPUT).append("\"}]}").toString();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
        fallback.close();
    }
}
