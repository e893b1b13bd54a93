package com.jorge.platform.perf.faults;

import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.WebhookSigner;
import com.jorge.platform.local.LocalFifoQueue;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.local.LocalPlatform;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.worker.lambda.WorkerFunction;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The local runtime in the harness's process: intake, the in-process SQS FIFO queue and the worker. */
final class InProcessPlatform implements PlatformUnderTest {

    private final LocalPlatform platform;
    /** The bots' own counters ({@code LeadScores[path]}); null when they score with the rules only. */
    private final RecordedMetrics botMetrics;

    private InProcessPlatform(LocalPlatform platform, RecordedMetrics botMetrics) {
        this.platform = platform;
        this.botMetrics = botMetrics;
    }

    /** The bots score with the rule-based estimate. */
    static InProcessPlatform start(Map<String, String> env, Clock workerClock) throws IOException {
        return new InProcessPlatform(LocalPlatform.start(env, 0, WorkerFunction.jorgeBots(Map.of()), workerClock), null);
    }

    /**
     * The bots follow the live lead-score model as in AWS: {@code MODEL_BUCKET}, {@code S3_ENDPOINT},
     * {@code LEAD_SCORE_ENDPOINT} in {@code env} (WorkerFunction.jorgeBots). Their {@code LeadScores} counters
     * join the platform's in {@link #counters()}.
     */
    static InProcessPlatform startFollowingModel(Map<String, String> env, Clock workerClock) throws IOException {
        RecordedMetrics botMetrics = new RecordedMetrics();
        return new InProcessPlatform(LocalPlatform.start(env, 0, WorkerFunction.jorgeBots(PlatformConfig.of(env), botMetrics),
                workerClock), botMetrics);
    }

    @Override
    public URI webhookUrl() {
        return platform.webhookUrl();
    }

    @Override
    public WebhookSigner signer() {
        return platform.signer();
    }

    @Override
    public FakeGhlServer ghl() {
        return platform.ghl();
    }

    @Override
    public Map<String, Long> counters() {
        if (botMetrics == null) return platform.metrics().snapshot();
        Map<String, Long> all = new java.util.HashMap<>(platform.metrics().snapshot());
        botMetrics.snapshot().forEach((k, v) -> all.merge(k, v, Long::sum));
        return all;
    }

    @Override
    public long backlog() {
        return platform.queue().depth();
    }

    @Override
    public int deadLetterCount() {
        return platform.queue().deadLetters().size();
    }

    @Override
    public Duration deadLetterWithin() {
        return LocalPlatform.REDELIVERY_DELAY.multipliedBy(LocalPlatform.MAX_RECEIVES);
    }

    @Override
    public Map<String, String> deadLetters() {
        Map<String, String> out = new LinkedHashMap<>();
        for (LocalFifoQueue.DeadLetter d : platform.queue().deadLetters()) {
            out.put(PlatformUnderTest.key(d.event().groupId(), d.event().deduplicationId()), d.reason());
        }
        return out;
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return platform.queue().awaitIdle(timeout);
    }

    @Override
    public void close() {
        platform.close();
    }
}
