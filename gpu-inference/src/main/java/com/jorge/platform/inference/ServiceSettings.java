package com.jorge.platform.inference;

import com.jorge.platform.inference.batching.BatchingPolicy;
import com.jorge.platform.inference.metrics.EmfMetricsPublisher;
import com.jorge.platform.inference.model.OnnxSessionFactory;
import com.jorge.platform.inference.model.SentenceEmbeddingModel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service's settings, all from environment variables (documented in gpu-inference/README.md).
 * Batching settings take a model prefix ({@code LEAD_SCORE_MAX_BATCH_SIZE}) over the global one
 * ({@code MAX_BATCH_SIZE}) over the built-in default.
 *
 * @param registry      s3://bucket/prefix, or a folder; null serves the embedding model only
 * @param s3Endpoint    endpoint override for S3 (S3Mock, MinIO); null for AWS
 */
public record ServiceSettings(String bindAddress, int port, int ioThreads, int maxRequestBytes,
                            OnnxSessionFactory.Preference device, int cudaDevice,
                            String registry, String s3Endpoint, String awsRegion, List<String> models,
                            List<String> optionalModels, Duration registryPoll, boolean embedding,
                            Map<String, String> env) {

    public ServiceSettings {
        models = List.copyOf(models);
        optionalModels = List.copyOf(optionalModels);
        for (String model : optionalModels) {
            if (models.contains(model)) {
                throw new IllegalArgumentException("OPTIONAL_MODELS: " + model + " is also in MODELS; a model is one or the other");
            }
        }
    }

    public static ServiceSettings fromEnv(Map<String, String> env) {
        return new ServiceSettings(
                env.getOrDefault("BIND_ADDRESS", "0.0.0.0"),
                integer(env, "PORT", 8080),
                integer(env, "IO_THREADS", Math.max(1, Runtime.getRuntime().availableProcessors())),
                integer(env, "MAX_REQUEST_BYTES", 8 << 20),
                OnnxSessionFactory.Preference.parse(env.getOrDefault("INFERENCE_DEVICE", "auto")),
                integer(env, "CUDA_DEVICE_ID", 0),
                blankToNull(env.get("MODEL_REGISTRY")),
                blankToNull(env.get("S3_ENDPOINT")),
                blankToNull(env.get("AWS_REGION")),
                requiredModels(env),
                names(env.getOrDefault("OPTIONAL_MODELS", "")),
                Duration.ofSeconds(integer(env, "REGISTRY_POLL_SECONDS", 10)),
                bool(env, "EMBEDDING_MODEL", true),
                Map.copyOf(env));
    }

    /**
     * Built-in defaults: small rows batch wide with a short wait; sentences batch 32 with a longer one.
     * One ONNX Runtime thread per run for both: a pool of all cores per run spent 1.7 times the CPU
     * per query (threads waiting on each other inside every operator). The embedding model, where the
     * model is the cost, gets one batch worker per core (at most 4) instead, so batches run side by side.
     */
    public BatchingPolicy batching(String model) {
        int cores = Runtime.getRuntime().availableProcessors();
        BatchingPolicy base = model.equals(SentenceEmbeddingModel.NAME)
                ? new BatchingPolicy(true, 32, 2_000, 1_024, Math.max(1, Math.min(4, cores)), 1)
                : new BatchingPolicy(true, 64, 200, 4_096, 1, 1);
        String p = model.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
        return new BatchingPolicy(
                bool(env, p + "DYNAMIC_BATCHING", bool(env, "DYNAMIC_BATCHING", base.dynamicBatching())),
                integer(env, p + "MAX_BATCH_SIZE", integer(env, "MAX_BATCH_SIZE", base.maxBatchSize())),
                integer(env, p + "MAX_QUEUE_DELAY_US", integer(env, "MAX_QUEUE_DELAY_US", (int) base.maxQueueDelayMicros())),
                integer(env, p + "MAX_QUEUE_SIZE", integer(env, "MAX_QUEUE_SIZE", base.maxQueueSize())),
                integer(env, p + "INSTANCES", integer(env, "INSTANCES", base.instances())),
                integer(env, p + "INTRA_OP_THREADS", integer(env, "INTRA_OP_THREADS", base.intraOpThreads())));
    }

    /** ORT_SPIN_WAIT: let ONNX Runtime's intra-op threads spin-wait (its own default); off shares the cores better. */
    public boolean spinWait() {
        return bool(env, "ORT_SPIN_WAIT", false);
    }

    /** CloudWatch EMF: namespace and Service dimension as infra-cdk's InferenceStack reads them, a line set a minute. */
    public EmfMetricsPublisher.Settings emf() {
        int flushSeconds = integer(env, "EMF_FLUSH_SECONDS", 60);
        if (flushSeconds < 0) {
            throw new IllegalArgumentException("EMF_FLUSH_SECONDS must not be negative, was " + flushSeconds);
        }
        return new EmfMetricsPublisher.Settings(
                env.getOrDefault("EMF_NAMESPACE", "JorgePlatform").strip(),
                env.getOrDefault("EMF_SERVICE", "gpu-inference").strip(),
                Duration.ofSeconds(flushSeconds),
                Duration.ofMillis(integer(env, "EMF_QUEUE_SAMPLE_MILLIS", 1_000)));
    }

    private static int integer(Map<String, String> env, String key, int fallback) {
        String v = blankToNull(env.get(key));
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, was '" + v + "'");
        }
    }

    private static boolean bool(Map<String, String> env, String key, boolean fallback) {
        String v = blankToNull(env.get(key));
        if (v == null) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, was '" + v + "'");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** MODELS, else {@code lead-score} unless OPTIONAL_MODELS lists it (an unset MODELS never contradicts it). */
    private static List<String> requiredModels(Map<String, String> env) {
        if (env.containsKey("MODELS")) {
            return names(env.get("MODELS"));
        }
        return names(env.getOrDefault("OPTIONAL_MODELS", "")).contains("lead-score") ? List.of() : List.of("lead-score");
    }

    private static List<String> names(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }
}
