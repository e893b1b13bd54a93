package com.jorge.platform.perf.faults;

import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.WebhookSigner;
import com.jorge.platform.local.LocalFifoQueue;
import com.jorge.platform.local.LocalPlatform;
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

    private InProcessPlatform(LocalPlatform platform) {
        this.platform = platform;
    }

    static InProcessPlatform start(Map<String, String> env, Clock workerClock) throws IOException {
        return new InProcessPlatform(LocalPlatform.start(env, 0, WorkerFunction.jorgeBots(Map.of()), workerClock));
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
        return platform.metrics().snapshot();
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
