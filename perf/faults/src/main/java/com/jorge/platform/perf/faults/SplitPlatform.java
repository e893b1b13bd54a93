package com.jorge.platform.perf.faults;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.WebhookSigner;
import com.jorge.platform.intake.IntakeFunction;
import com.jorge.platform.intake.WebhookIntakeHandler;
import com.jorge.platform.local.LocalHttpGateway;
import com.jorge.platform.local.LocalPlatform;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.queue.SqsLeadEventQueue;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform split as in AWS, so the worker can be killed without losing the queue: the harness's
 * process holds the fake GHL API, an SQS endpoint (ElasticMQ, a FIFO queue with a DLQ after 5 receives)
 * and intake behind the local gateway, sending with the real SDK client; the worker runs in a child
 * process ({@link WorkerChild}) that long-polls the queue as Lambda's event source mapping would.
 */
final class SplitPlatform implements PlatformUnderTest {

    /**
     * A killed worker's batch reappears after this. Shorter than AWS's (six times the worker's timeout) but
     * longer than a cold worker's first batch on loaded cores: at 10 s a slow batch reappeared to another
     * receiver while its reply was being sent, and GHL got it twice.
     */
    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_RECEIVES = 5;

    private final SQSRestServer sqsServer;
    private final SqsClient sqs;
    private final SqsClient intakeSqs;
    private final String queueUrl;
    private final String dlqUrl;
    private final FakeGhlServer ghl;
    private final WebhookSigner signer;
    private final LocalHttpGateway gateway;
    private final WorkerChild worker;
    private final Path failuresFile;

    private SplitPlatform(SQSRestServer sqsServer, SqsClient sqs, SqsClient intakeSqs, String queueUrl, String dlqUrl,
                          FakeGhlServer ghl, WebhookSigner signer, LocalHttpGateway gateway, WorkerChild worker, Path failuresFile) {
        this.sqsServer = sqsServer;
        this.sqs = sqs;
        this.intakeSqs = intakeSqs;
        this.queueUrl = queueUrl;
        this.dlqUrl = dlqUrl;
        this.ghl = ghl;
        this.signer = signer;
        this.gateway = gateway;
        this.worker = worker;
        this.failuresFile = failuresFile;
    }

    /** The SDK client the harness and the worker use on the local endpoint. */
    static SqsClient sqsClient(String endpoint) {
        return SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** {@code env} as for the local runtime; the worker's clock runs {@code workerClockOffset} ahead. */
    static SplitPlatform start(Map<String, String> env, Duration workerClockOffset, Path dir, String runId)
            throws IOException, InterruptedException {
        LocalHttpGateway.tuneJdkServer();
        int port = OwnRedis.freePort();
        SQSRestServer sqsServer = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
        sqsServer.waitUntilStarted();
        String endpoint = "http://127.0.0.1:" + port;
        SqsClient sqs = sqsClient(endpoint);
        String dlqUrl = sqs.createQueue(r -> r.queueName("lead-events-dlq-" + runId + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = sqs.createQueue(r -> r.queueName("lead-events-" + runId + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(VISIBILITY_TIMEOUT.toSeconds()),
                QueueAttributeName.REDRIVE_POLICY,
                "{\"maxReceiveCount\":\"" + MAX_RECEIVES + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}"))).queueUrl();

        warmUp(sqs, runId);

        FakeGhlServer ghl = FakeGhlServer.start(0);
        WebhookSigner signer = WebhookSigner.generate();
        Map<String, String> config = new HashMap<>(env);
        int concurrency = Integer.parseInt(config.getOrDefault("WORKER_CONCURRENCY", "8"));
        config.putIfAbsent("DATABASE_POOL_SIZE", Integer.toString(concurrency + 2));
        config.put("GHL_API_BASE_URL", ghl.baseUrl().toString());
        config.putIfAbsent("GHL_API_TOKEN", "local-dev-token");
        config.putIfAbsent("GHL_PIPELINE_ID", "local-pipeline");
        config.putIfAbsent("GHL_PIPELINE_STAGES", LocalPlatform.LOCAL_PIPELINE_STAGES);
        config.putIfAbsent("GHL_HANDOFF_USER_ID", "agent-jorge");
        config.put("GHL_WEBHOOK_RSA_PUBLIC_KEY", signer.rsaPublicKeyPem());
        config.put("GHL_WEBHOOK_ED25519_PUBLIC_KEY", signer.ed25519PublicKeyPem());
        config.put("LEAD_EVENTS_QUEUE_URL", queueUrl);

        // intake as in AWS: its own SQS client (deadlines and retries as deployed) on the local endpoint
        SqsClient intakeSqs = IntakeFunction.queueClient().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        RecordedMetrics intakeMetrics = new RecordedMetrics();
        WebhookIntakeHandler intake = new WebhookIntakeHandler(IntakeFunction.fromConfig(PlatformConfig.of(config),
                new SqsLeadEventQueue(intakeSqs, queueUrl), intakeMetrics), intakeMetrics);
        LocalHttpGateway gateway = new LocalHttpGateway(0, intake, null, signer, ghl);

        Path failures = dir.resolve("worker-" + runId + "-failures.tsv");
        Files.deleteIfExists(failures);
        config.put("SQS_ENDPOINT", endpoint);
        config.put("WORKER_CLOCK_OFFSET_MILLIS", Long.toString(workerClockOffset.toMillis()));
        config.put("WORKER_FAILURES_FILE", failures.toString());
        WorkerChild worker = new WorkerChild(Map.copyOf(config), dir, "worker-" + runId);
        SplitPlatform platform = new SplitPlatform(sqsServer, sqs, intakeSqs, queueUrl, dlqUrl, ghl, signer, gateway, worker, failures);
        try {
            worker.start();
        } catch (IOException | RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    /**
     * Sends, receives and deletes a few hundred messages on a scratch FIFO queue: the harness's warm-up
     * scenario runs in process, so without this the endpoint's first seconds under load (a cold JIT on
     * shared cores) would be measured as slow intake acknowledgements.
     */
    private static void warmUp(SqsClient sqs, String runId) {
        String url = sqs.createQueue(r -> r.queueName("warm-up-" + runId + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
        for (int i = 0; i < 300; i++) {
            String body = "warm-up " + i;
            sqs.sendMessage(r -> r.queueUrl(url).messageGroupId("g" + body.length() % 7).messageBody(body));
        }
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            for (Message m : batch) sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
        } while (!batch.isEmpty());
        sqs.deleteQueue(r -> r.queueUrl(url));
    }

    /**
     * SIGKILLs the worker process as it works, once it holds a batch: that batch is neither finished nor
     * deleted. Returns how many messages were in flight (received, not deleted) just before.
     */
    long killWorker() throws InterruptedException {
        // mid-batch: a worker that keeps up holds a batch only now and then, so wait (up to 3 s) for one
        long deadline = System.nanoTime() + 3_000_000_000L;
        long inFlight = attribute(queueUrl, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
        while (inFlight == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
            inFlight = attribute(queueUrl, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
        }
        long pid = worker.pid();
        worker.kill();
        System.out.printf("  worker pid %d SIGKILLed with %d messages in flight%n", pid, inFlight);
        return inFlight;
    }

    void restartWorker() throws IOException, InterruptedException {
        long began = System.nanoTime();
        worker.start();
        System.out.printf("  worker restarted as pid %d, polling after %.1f s%n", worker.pid(), (System.nanoTime() - began) / 1e9);
    }

    /** After a scenario, whatever its fault did: the worker is running. */
    void ensureWorker() throws IOException, InterruptedException {
        if (!worker.alive()) restartWorker();
    }

    private long attribute(String url, QueueAttributeName name) {
        return Long.parseLong(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(name)).attributes().get(name));
    }

    @Override
    public URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + gateway.port() + "/webhooks/ghl");
    }

    @Override
    public WebhookSigner signer() {
        return signer;
    }

    @Override
    public FakeGhlServer ghl() {
        return ghl;
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of();
    }

    @Override
    public long backlog() {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return a.values().stream().mapToLong(Long::parseLong).sum();
    }

    @Override
    public int deadLetterCount() {
        return (int) attribute(dlqUrl, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    }

    @Override
    public Duration deadLetterWithin() {
        return VISIBILITY_TIMEOUT.multipliedBy(MAX_RECEIVES);
    }

    /** Takes the whole DLQ (once, after the load: a FIFO queue hides a group's later messages until the first are deleted). */
    @Override
    public Map<String, String> deadLetters() {
        Map<String, String> reasons = new HashMap<>();
        try {
            if (Files.exists(failuresFile)) {
                for (String line : Files.readAllLines(failuresFile)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) reasons.put(line.substring(0, tab), line.substring(tab + 1)); // the last failure wins
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) return out;
            for (Message m : batch) {
                out.put(PlatformUnderTest.key(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
                        m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)),
                        reasons.getOrDefault(m.messageId(), "no failure recorded for message " + m.messageId()));
                sqs.deleteMessage(r -> r.queueUrl(dlqUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    @Override
    public void close() {
        worker.close();
        gateway.close();
        ghl.close();
        intakeSqs.close();
        sqs.close();
        sqsServer.stopAndWait();
    }
}
