package com.jorge.platform.perf.faults;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.local.LocalFifoQueue;
import com.jorge.platform.local.WorkerFailureReasons;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.worker.lambda.BotWorkerHandler;
import com.jorge.platform.worker.lambda.WorkerFunction;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The bot worker as a process of its own, started (and SIGKILLed) by {@link WorkerChild}: the same
 * handler Lambda runs, fed by {@link SqsEventSource} from the harness's SQS endpoint, plus the outbox's
 * and due replies' schedule. Settings come from the environment (the local runtime's, plus
 * {@code LEAD_EVENTS_QUEUE_URL}, {@code SQS_ENDPOINT}, {@code WORKER_CLOCK_OFFSET_MILLIS},
 * {@code WORKER_READY_FILE} (created once it polls) and {@code WORKER_FAILURES_FILE} (one
 * {@code messageId<TAB>reason} line per failed receive).
 */
public final class WorkerProcess {

    private WorkerProcess() {}

    public static void main(String[] args) throws Exception {
        PlatformConfig config = PlatformConfig.fromEnvironment();
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(Long.parseLong(config.get("WORKER_CLOCK_OFFSET_MILLIS", "0"))));
        RecordedMetrics metrics = new RecordedMetrics();
        WorkerFunction worker = WorkerFunction.fromConfig(config, WorkerFunction.jorgeBots(Map.of()), metrics, clock);
        BotWorkerHandler handler = new BotWorkerHandler(worker.messages(), metrics);
        WorkerFailureReasons reasons = WorkerFailureReasons.shared();
        Path failures = Path.of(config.require("WORKER_FAILURES_FILE"));

        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        schedule.scheduleWithFixedDelay(() -> { // EventBridge rule due-replies; the outbox's retries ride along
            try {
                worker.delivery().deliverDueDeferred(200);
                worker.redelivery().run(200);
            } catch (RuntimeException e) {
                // the next run tries again, as the next scheduled invocation would
            }
        }, 2, 2, TimeUnit.SECONDS);

        SqsClient sqs = SplitPlatform.sqsClient(config.require("SQS_ENDPOINT"));
        SqsEventSource source = new SqsEventSource(sqs, config.require("LEAD_EVENTS_QUEUE_URL"),
                event -> handler.handleRequest(event, null), messageId -> {
                    String why = reasons.take(messageId);
                    append(failures, messageId + "\t" + (why == null ? LocalFifoQueue.NOT_PROCESSED : why) + "\n");
                });
        source.start(config.getInt("WORKER_CONCURRENCY", 8));
        Runtime.getRuntime().addShutdownHook(new Thread(source::close)); // SIGTERM at the end of a scenario
        Files.writeString(Path.of(config.require("WORKER_READY_FILE")), Long.toString(ProcessHandle.current().pid()));
        Thread.currentThread().join(); // until the harness stops or kills it
    }

    private static synchronized void append(Path file, String line) {
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
