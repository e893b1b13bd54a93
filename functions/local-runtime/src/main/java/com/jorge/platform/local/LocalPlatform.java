package com.jorge.platform.local;

import com.jorge.platform.queue.LeadEventQueue;
import com.jorge.platform.bi.BiAggregator;
import com.jorge.platform.bi.BiReportReader;
import com.jorge.platform.bi.page.ReportPage;
import com.jorge.platform.bi.BiSettings;
import com.jorge.platform.cachewarmer.CacheWarmer;
import com.jorge.platform.cachewarmer.CacheWarmerFunction;
import com.jorge.platform.cachewarmer.CacheWarmerSettings;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.ghl.oauth.GhlOAuthSettings;
import com.jorge.platform.ghl.oauth.LocalDataKeys;
import com.jorge.platform.ghlfake.FakeGhlOAuth;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.WebhookSigner;
import com.jorge.platform.intake.IntakeFunction;
import com.jorge.platform.intake.WebhookIntakeHandler;
import com.jorge.platform.install.MarketplaceInstallFunction;
import com.jorge.platform.install.MarketplaceInstallHandler;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.worker.lambda.BotWorkerHandler;
import com.jorge.platform.worker.lambda.WorkerFunction;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole platform on one machine, hosting the same function code as AWS: an HTTP endpoint in front
 * of the intake handler, an in-process SQS FIFO queue in front of the worker handler, the EventBridge
 * schedules, PostgreSQL, Redis and a fake GHL API that records what the bots sent.
 */
public final class LocalPlatform implements AutoCloseable {

    /** The fake GHL pipeline: the stage names the bots use, with made-up ids. */
    public static final String LOCAL_PIPELINE_STAGES = "Qualifying=stage-qualifying,Warm Lead=stage-warm,"
            + "Hot Lead=stage-hot,Appointment Requested=stage-appointment,Nurture=stage-nurture,Closed=stage-closed";
    /** The fake GHL's calendars the bots book on locally (any id is a calendar there). */
    public static final String LOCAL_BOOKING_CALENDARS = "call=local-cal-call,showing=local-cal-showing,listing=local-cal-listing";

    /** The local queue's dead-letter threshold and redelivery delay, as lead-events.fifo's (shortened). */
    public static final int MAX_RECEIVES = 5;
    public static final Duration REDELIVERY_DELAY = Duration.ofMillis(500);

    private final LocalServices services;
    private final FakeGhlServer ghl;
    private final WebhookSigner signer;
    private final RecordedMetrics metrics;
    private final WorkerFunction worker;
    private final FollowUpSweep followUps;
    private final LocalFifoQueue queue;
    /** The EventBridge rules the local scheduler can run (setting {@code LOCAL_SCHEDULES}: a comma-separated subset). */
    public static final List<String> ALL_SCHEDULES = List.of("due-replies", "follow-ups", "cache-warmer", "bi-aggregator");

    private final LocalScheduler scheduler;
    private final LocalHttpGateway gateway;
    private final String databaseOrigin;
    private final String redisUrl;
    private final LocalMarketplace marketplace;
    private final LocalInbox inbox;
    private final LocalApprovalWorkflow approvals;

    private LocalPlatform(LocalServices services, FakeGhlServer ghl, WebhookSigner signer, RecordedMetrics metrics,
                          WorkerFunction worker, FollowUpSweep followUps, LocalFifoQueue queue, LocalScheduler scheduler,
                          LocalHttpGateway gateway, String databaseOrigin, String redisUrl, boolean marketplaceApp, LocalInbox inbox,
                          LocalApprovalWorkflow approvals) {
        this.inbox = inbox;
        this.approvals = approvals;
        this.services = services;
        this.ghl = ghl;
        this.signer = signer;
        this.metrics = metrics;
        this.worker = worker;
        this.followUps = followUps;
        this.queue = queue;
        this.scheduler = scheduler;
        this.gateway = gateway;
        this.databaseOrigin = databaseOrigin;
        this.redisUrl = redisUrl;
        this.marketplace = marketplaceApp ? new LocalMarketplace(URI.create("http://127.0.0.1:" + gateway.port() + "/"), ghl, signer) : null;
    }

    /**
     * Starts everything. {@code env} is read through {@link PlatformConfig} like the Lambda environment
     * (DATABASE_URL, REDIS_URL, ...); the runtime adds the values of what it started (its database, Redis,
     * the fake GHL API, the signer's keys) before the functions read it. Port 0 picks a free port.
     */
    public static LocalPlatform start(Map<String, String> env, int port, BotSuite bots) throws IOException {
        return start(env, port, bots, Clock.systemUTC());
    }

    /** {@code workerClock} is the bots' and worker's clock (quiet hours, pauses); intake always checks real time. */
    public static LocalPlatform start(Map<String, String> env, int port, BotSuite bots, Clock workerClock)
            throws IOException {
        LocalHttpGateway.tuneJdkServer(); // before the first JDK HTTP server (the fake GHL API) starts
        LocalServices services = new LocalServices();
        LocalApprovalWorkflow approvals = null;
        try {
            PlatformConfig given = PlatformConfig.of(env);
            LocalServices.Database db = services.database(given.get("DATABASE_URL").orElse(null),
                    given.get("DATABASE_USER").orElse(null), given.get("DATABASE_PASSWORD").orElse(null));
            String redisUrl = services.redis(given.get("REDIS_URL").orElse(null));
            FakeGhlServer ghl = FakeGhlServer.start(0);
            WebhookSigner signer = WebhookSigner.generate();
            RecordedMetrics metrics = new RecordedMetrics();

            Map<String, String> config = new HashMap<>(env);
            int concurrency = given.getInt("WORKER_CONCURRENCY", 8);
            // the worker's batches plus the scheduled jobs, so no batch waits for a connection
            config.putIfAbsent("DATABASE_POOL_SIZE", Integer.toString(concurrency + 2));
            config.put("DATABASE_URL", db.url());
            if (db.user() != null) config.put("DATABASE_USER", db.user());
            if (db.password() != null) config.put("DATABASE_PASSWORD", db.password());
            if (redisUrl != null) config.put("REDIS_URL", redisUrl);
            config.putIfAbsent("GHL_API_BASE_URL", ghl.baseUrl().toString());
            boolean marketplaceApp = GhlOAuthSettings.configured(given);
            if (marketplaceApp) { // a Marketplace app against the fake's token endpoints: every location installs first
                config.putIfAbsent("GHL_OAUTH_CLIENT_SECRET", FakeGhlOAuth.CLIENT_SECRET);
                config.putIfAbsent("GHL_TOKEN_LOCAL_KEY", LocalDataKeys.newKeyBase64());
            } else {
                config.putIfAbsent("GHL_API_TOKEN", "local-dev-token");
            }
            config.putIfAbsent("GHL_PIPELINE_ID", "local-pipeline");
            config.putIfAbsent("GHL_PIPELINE_STAGES", LOCAL_PIPELINE_STAGES);
            config.putIfAbsent("GHL_HANDOFF_USER_ID", "agent-jorge");
            config.putIfAbsent("BOOKING_CALENDARS", LOCAL_BOOKING_CALENDARS);
            config.putIfAbsent("GHL_WEBHOOK_RSA_PUBLIC_KEY", signer.rsaPublicKeyPem());
            config.putIfAbsent("GHL_WEBHOOK_ED25519_PUBLIC_KEY", signer.ed25519PublicKeyPem());
            // the approval workflow (LOCAL_APPROVALS, default true with the inbox, which answers it): the worker
            // holds what a location's policy names and starts it with its real Step Functions client, as in AWS
            boolean inboxOn = given.getBoolean("LOCAL_INBOX", true);
            if (inboxOn && given.getBoolean("LOCAL_APPROVALS", true)) {
                approvals = new LocalApprovalWorkflow(LocalApprovalWorkflow.Settings.fromConfig(given), Clock.systemUTC());
                config.put("APPROVAL_STATE_MACHINE_ARN", LocalApprovalWorkflow.STATE_MACHINE_ARN);
                config.put("STEP_FUNCTIONS_ENDPOINT", approvals.endpoint().toString());
                config.putIfAbsent("HANDOFF_TEAM_LEAD_ID", LocalInbox.TEAM_LEAD_GHL_USER);
                signRequestsLocally();
            }
            PlatformConfig platformConfig = PlatformConfig.of(config);

            // lead-events.fifo: the worker (an approved re-engagement batch) and the inbox (a batch) queue onto it too;
            // the queue needs the worker's handler, so they get it through a reference set just below
            AtomicReference<LeadEventQueue> leadEvents = new AtomicReference<>();
            LeadEventQueue toQueue = event -> leadEvents.get().send(event);
            WorkerFunction worker = WorkerFunction.fromConfig(platformConfig, bots, metrics, workerClock, toQueue);
            BotWorkerHandler workerHandler = new BotWorkerHandler(worker.messages(), metrics);
            LocalFifoQueue queue = new LocalFifoQueue(event -> workerHandler.handleRequest(event, null), concurrency,
                    MAX_RECEIVES, REDELIVERY_DELAY, Clock.systemUTC(), WorkerFailureReasons.shared()::take);
            leadEvents.set(queue);
            WebhookIntakeHandler intake = new WebhookIntakeHandler(IntakeFunction.fromConfig(platformConfig, queue, metrics), metrics);
            LocalScheduler scheduler = new LocalScheduler();
            // which EventBridge rules run here (all by default); a benchmark of the webhook path leaves out the
            // ones that run in their own Lambda in AWS, so they do not take this machine's cores from the path
            Set<String> schedules = Set.of(given.get("LOCAL_SCHEDULES", String.join(",", ALL_SCHEDULES)).split("\\s*,\\s*"));
            // EventBridge rule due-replies, rate(1 minute) in AWS
            if (schedules.contains("due-replies")) {
                scheduler.every("due-replies", Duration.ofSeconds(2),
                        () -> {
                            worker.delivery().deliverDueDeferred(200);
                            worker.redelivery().run(200); // the outbox's retry schedule rides along, as in AWS
                        });
            }
            // standing in for the lead-nurture workflow, which keeps the schedule in AWS
            FollowUpSweep followUps = new FollowUpSweep(worker, workerClock);
            if (schedules.contains("follow-ups")) scheduler.every("follow-ups", Duration.ofMinutes(1), () -> followUps.run(500));
            if (worker.redis() != null && schedules.contains("cache-warmer")) { // EventBridge rule cache-warmer, rate(15 minutes) in AWS
                CacheWarmer warmer = CacheWarmerFunction.warmer(worker.database().dataSource(), worker.redis(),
                        CacheWarmerSettings.fromConfig(platformConfig), metrics, workerClock);
                scheduler.every("cache-warmer", Duration.ofMinutes(1), warmer::run);
            }
            if (schedules.contains("bi-aggregator")) { // EventBridge rule bi-aggregator, rate(5 minutes) in AWS
                BiAggregator bi = new BiAggregator(worker.database().dataSource(), BiSettings.fromConfig(platformConfig), metrics,
                        workerClock);
                scheduler.every("bi-aggregator", Duration.ofMinutes(1), bi::run);
            }
            // the app's URLs limited as in AWS (Redis buckets: per address, and per location for INSTALL / UNINSTALL)
            var appEventLimits = marketplaceApp ? MarketplaceInstallFunction.appEventLimits(platformConfig) : null;
            MarketplaceInstallHandler install = marketplaceApp ? new MarketplaceInstallHandler(
                    MarketplaceInstallFunction.fromConfig(platformConfig, worker.database().dataSource(), metrics, appEventLimits), intake,
                    MarketplaceInstallFunction.callbackLimits(platformConfig), appEventLimits, metrics) : null;
            // the agents' inbox (LOCAL_INBOX, default true): its page and API under /inbox, a local Cognito for sign-in
            LocalInbox inbox = inboxOn ? LocalInbox.start(config, DemoConversations.DEMO_LOCATIONS, metrics,
                    approvals == null ? null : approvals.endpoint(), queue) : null;
            if (approvals != null) approvals.connect(queue, inbox::agentNotification);
            LocalHttpGateway gateway;
            try {
                gateway = new LocalHttpGateway(port, intake, install, signer, ghl, inbox == null ? null : inbox::handle);
            } catch (IOException | RuntimeException e) {
                if (inbox != null) inbox.close();
                throw e;
            }
            // the BI report page (in AWS: the bi-api behind a JWT), a demo location's month to date by default
            BiReportReader reports = new BiReportReader(worker.database().dataSource(), BiSettings.fromConfig(platformConfig), workerClock);
            gateway.page("/report", query -> {
                String location = query.getOrDefault("locationId", "loc-demo-north");
                java.time.LocalDate today = java.time.LocalDate.ofInstant(workerClock.instant(), reports.zone(location));
                return ReportPage.render(reports.report(location, today.withDayOfMonth(1), today), workerClock.instant());
            });
            return new LocalPlatform(services, ghl, signer, metrics, worker, followUps, queue, scheduler, gateway, db.origin(),
                    redisUrl, marketplaceApp, inbox, approvals);
        } catch (IOException | RuntimeException e) {
            if (approvals != null) approvals.close();
            services.close();
            throw e;
        }
    }

    /**
     * The worker's Step Functions client signs its calls with the default credential chain, as in Lambda; on
     * a laptop without AWS credentials it gets throw-away ones (the local workflow checks no signature).
     */
    private static void signRequestsLocally() {
        if (System.getProperty("aws.accessKeyId") == null && System.getenv("AWS_ACCESS_KEY_ID") == null) {
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
        if (System.getProperty("aws.region") == null && System.getenv("AWS_REGION") == null) {
            System.setProperty("aws.region", "us-east-1");
        }
    }

    public URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + gateway.port() + "/webhooks/ghl");
    }

    public int port() {
        return gateway.port();
    }

    /** GHL's side of the Marketplace app (installs, uninstalls); empty when the platform runs on a private-integration token. */
    public java.util.Optional<LocalMarketplace> marketplace() {
        return java.util.Optional.ofNullable(marketplace);
    }

    /** The agents' inbox under {@code /inbox}; empty with {@code LOCAL_INBOX=false}. */
    java.util.Optional<LocalInbox> inbox() {
        return java.util.Optional.ofNullable(inbox);
    }

    public FakeGhlServer ghl() {
        return ghl;
    }

    public WebhookSigner signer() {
        return signer;
    }

    public RecordedMetrics metrics() {
        return metrics;
    }

    public LocalFifoQueue queue() {
        return queue;
    }

    public WorkerFunction worker() {
        return worker;
    }

    /** The follow-up schedule standing in for the lead-nurture workflow. */
    public FollowUpSweep followUps() {
        return followUps;
    }

    void describe(PrintStream out) {
        out.println("Jorge Platform, local runtime");
        out.println("  webhook endpoint  " + webhookUrl());
        out.println("  PostgreSQL        " + databaseOrigin);
        out.println("  Redis             " + (redisUrl == null ? "none (running on PostgreSQL alone)" : redisUrl.replaceAll("//[^@]*@", "//***@")));
        out.println("  fake GHL API      " + ghl.baseUrl());
        if (marketplace != null) {
            out.println("  Marketplace app   GET /oauth/callback, POST /webhooks/ghl/app (tokens from the fake's /oauth/token)");
        }
        if (inbox != null) {
            out.println("  agents' inbox     http://127.0.0.1:" + gateway.port() + LocalInbox.PATH + "/  (sign in as " + LocalInbox.TEAM_LEAD
                    + ", password " + inbox.password() + "; the GDPR routes as " + LocalInbox.ADMIN + ", password "
                    + inbox.adminPassword() + ")");
        }
        if (approvals != null) {
            out.println("  approval workflow " + approvals.endpoint() + "  (jorge-approval, in process)");
        }
        out.println("  logs (JSON)       " + System.getProperty("jorge.local.logFile", ".local-runtime/platform.log"));
    }

    @Override
    public void close() {
        gateway.close();
        if (inbox != null) inbox.close();
        if (approvals != null) approvals.close();
        scheduler.close();
        queue.close();
        worker.close();
        ghl.close();
        services.close();
    }

    public static void main(String[] args) throws Exception {
        boolean keepRunning = false;
        int port = 8080;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keep-running" -> keepRunning = true;
                case "--port" -> port = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: LocalPlatform [--keep-running] [--port 8080]");
                    System.exit(2);
                }
            }
        }
        // before any logger exists: the functions' JSON logs go to a file, the terminal shows the demo
        System.setProperty("log4j2.configurationFile", "log4j2-local.xml");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of(".local-runtime"));

        LocalPlatform platform;
        try {
            Map<String, String> env = new HashMap<>(System.getenv());
            // the demo is a Marketplace app: it installs two locations through the OAuth flow first
            env.putIfAbsent("GHL_OAUTH_CLIENT_ID", FakeGhlOAuth.CLIENT_ID);
            platform = start(env, port, WorkerFunction.jorgeBots(PlatformConfig.fromEnvironment(),
                    new RecordedMetrics()));
        } catch (java.net.BindException e) {
            System.err.println("Port " + port + " is in use: stop what holds it or pass --port <free port>.");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
        platform.describe(System.out);
        boolean ok = DemoConversations.playDemo(platform, System.out);
        if (!keepRunning) {
            platform.close();
            System.exit(ok ? 0 : 1);
        }
        System.out.println();
        System.out.println("Still running (Ctrl-C to stop). Sign a body with /dev/sign and post it, for example:");
        System.out.println("  BODY='{\"type\":\"InboundMessage\",\"locationId\":\"loc-demo-north\",\"webhookId\":\"'$(uuidgen)'\",\"timestamp\":\"'$(date -u +%FT%TZ)'\",\"contactId\":\"c-curl\",\"body\":\"I want to sell my house\",\"messageType\":\"SMS\"}'");
        System.out.println("  curl -i " + platform.webhookUrl() + " -H \"X-WH-Signature: $(curl -s localhost:" + platform.port()
                + "/dev/sign --data-binary \"$BODY\")\" --data-binary \"$BODY\"");
        System.out.println("  curl -s localhost:" + platform.port() + "/dev/ghl-calls");
        Thread.currentThread().join();
    }
}
