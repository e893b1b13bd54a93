package com.jorge.platform.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.LeadCache;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.FollowUpPolicy;
import com.jorge.platform.conversation.LeadScoreAttributes;
import com.jorge.platform.ghl.api.GhlApiClient;
import com.jorge.platform.ghl.api.GhlRateLimits;
import com.jorge.platform.ghl.api.RetryPolicy;
import com.jorge.platform.ghl.events.GhlEventParser;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.ConversationRepository;
import com.jorge.platform.storage.CrmActionOutbox;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.LeadOutcomeRepository;
import com.jorge.platform.storage.OpportunityRepository;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.storage.WebhookEventRepository;
import com.jorge.platform.bots.BotConfig;
import com.jorge.platform.bots.FollowUpPlanner;
import com.jorge.platform.bots.JorgeConversationPolicy;
import com.jorge.platform.bots.compliance.LeadZoneResolver;
import com.jorge.platform.bots.temperature.ConversationLeadAttributes;
import com.jorge.platform.bots.temperature.LeadScorer;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.leadscore.LiveLeadScoreModel;
import com.jorge.platform.models.features.ConversationFeatureSet;
import com.jorge.platform.worker.scoring.ModelLeadScorer;
import com.jorge.platform.worker.outcomes.LeadOutcomeRecorder;
import com.jorge.platform.worker.workflow.HandoffResultHandler;
import com.jorge.platform.worker.workflow.LeadWorkflows;
import com.jorge.platform.worker.workflow.NurtureStepHandler;
import com.jorge.platform.worker.workflow.StepFunctionsWorkflows;
import com.jorge.platform.worker.workflow.WorkflowMessageParser;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The worker's object graph, built from configuration once per Lambda container (or once by the local
 * runtime). Keys: DATABASE_URL, DATABASE_USER/DATABASE_PASSWORD or DATABASE_SECRET (Secrets Manager
 * JSON with username/password), REDIS_URL (+ REDIS_CLUSTER, REDIS_AUTH), GHL_API_BASE_URL, GHL_API_TOKEN,
 * GHL_PIPELINE_ID, GHL_PIPELINE_STAGES, GHL_HANDOFF_USER_ID, BOT_HUMAN_PAUSE_MINUTES; the workflows:
 * NURTURE_STATE_MACHINE_ARN, HANDOFF_STATE_MACHINE_ARN with HANDOFF_AGENT_IDS and HANDOFF_TEAM_LEAD_ID,
 * STEP_FUNCTIONS_ENDPOINT (a local endpoint; AWS's otherwise).
 */
public record WorkerFunction(Database database, RedisConnector redis, QueuedMessageRouter messages,
                             LeadEventProcessor processor, OutboxDelivery delivery, FollowUpSweep followUps)
        implements AutoCloseable {

    /** Lambda: the Jorge bots, configured by the JORGE_BOTS_* environment (see functions/jorge-bots). */
    public static WorkerFunction fromEnvironment(PlatformMetrics metrics) {
        return fromConfig(PlatformConfig.fromEnvironment(), jorgeBots(System.getenv(), metrics), metrics, Clock.systemUTC());
    }

    /**
     * For functions that only finish decisions already stored (due replies): no bot, so no language
     * model to load at cold start. Asking it to decide is a wiring mistake.
     */
    public static final ConversationPolicy NO_DECISIONS = (context, message) -> {
        throw new IllegalStateException("this function delivers stored decisions and makes none");
    };

    /** The Jorge seller and buyer bots; loads the language model once (about a second), share it. */
    public static ConversationPolicy jorgeBots(java.util.Map<String, String> settings) {
        return jorgeBots(settings, new RecordedMetrics());
    }

    /**
     * As above, scoring leads with the live conversation model when MODEL_BUCKET names a model registry
     * (see functions/lead-score-client: LEAD_SCORE_MODEL, LEAD_SCORE_ENDPOINT, S3_ENDPOINT for a local S3),
     * with the rule-based estimate while none is live.
     */
    public static ConversationPolicy jorgeBots(java.util.Map<String, String> settings, PlatformMetrics metrics) {
        var rules = new RuleBasedLeadScorer();
        Optional<LiveLeadScoreModel> live = LiveLeadScoreModel.follow(settings,
                settings.containsKey("MODEL_BUCKET") ? s3(settings) : null, ConversationFeatureSet.INSTANCE,
                (path, nanos) -> metrics.count(PlatformMetrics.LEAD_SCORES, path.name()), Clock.systemUTC(),
                LiveLeadScoreModel.CHECK_EVERY);
        LeadScorer scorer = live.<LeadScorer>map(model -> new ModelLeadScorer(model, rules, metrics)).orElse(rules);
        return JorgeConversationPolicy.create(BotConfig.fromSettings(settings), scorer);
    }

    private static S3Client s3(java.util.Map<String, String> settings) {
        var s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        String endpoint = settings.get("S3_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            s3.endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                    .region(Region.of(settings.getOrDefault("AWS_REGION", "us-east-1")));
        }
        return s3.build();
    }

    public static WorkerFunction fromConfig(PlatformConfig config, ConversationPolicy policy, PlatformMetrics metrics,
                                            Clock clock) {
        ObjectMapper json = PlatformJson.mapper();
        Database database = Database.open(Database.Settings.fromConfig(config));
        if (config.getBoolean("DATABASE_MIGRATE", true)) database.migrate();
        RedisConnector redis = RedisConnector.fromConfig(config, Duration.ofMillis(200));
        LeadCache cache = redis == null ? null : new LeadCache(redis, new CacheKeys(config.get("REDIS_NAMESPACE", "jorge")),
                json, Duration.ofDays(7), Duration.ofDays(1));
        Transactor db = new Transactor(database.dataSource());
        GhlApiClient ghl = new GhlApiClient(new GhlApiClient.Settings(
                URI.create(config.get("GHL_API_BASE_URL", "https://services.leadconnectorhq.com")),
                tokenOnce(config), Duration.ofSeconds(2), Duration.ofSeconds(config.getInt("GHL_API_TIMEOUT_SECONDS", 5)),
                RetryPolicy.ghlDefaults(), GhlRateLimits.Limits.ghlDefaults()), json, metrics);
        var webhooks = new WebhookEventRepository();
        var contacts = new ContactRepository();
        var messages = new MessageRepository();
        var opportunities = new OpportunityRepository();
        var outbox = new CrmActionOutbox(json);
        LeadWorkflows workflows = workflows(config, json);
        var crm = new CrmActionExecutor(ghl, PipelineStages.parse(config.get("GHL_PIPELINE_ID", null),
                config.get("GHL_PIPELINE_STAGES", null)), config.get("GHL_HANDOFF_USER_ID", null), db, opportunities,
                workflows, clock);
        var delivery = new OutboxDelivery(db, messages, outbox, webhooks, ghl, crm, metrics, clock);
        var conversations = new ConversationRepository(json);
        var store = new ConversationStore(cache, conversations, contacts, metrics);
        LeadZones zones = leadZones(ZoneId.of(config.get("JORGE_BOTS_DEFAULT_ZONE", "America/Chicago")));
        var audit = new AuditLog(json);
        FollowUpPolicy followUpPolicy = followUpPolicy(policy);
        var processor = new LeadEventProcessor(new GhlEventParser(json), db, webhooks, contacts, messages,
                opportunities, outbox, audit, store, policy, delivery, metrics, clock,
                Duration.ofMinutes(config.getInt("BOT_HUMAN_PAUSE_MINUTES", 60)), zones, followUpPolicy, workflows,
                new LeadOutcomeRecorder(new LeadOutcomeRepository(json), leadScoreAttributes(policy)));
        // one follow-up schedule only: lead-nurture's when the workflow is deployed, the sweep's otherwise
        var followUps = new FollowUpSweep(db, conversations, messages, audit, store,
                workflows.keepsFollowUpSchedule() ? FollowUpPolicy.NONE : followUpPolicy, delivery,
                zones, clock, Duration.ofHours(1), JorgeConversationPolicy.UNANSWERED_FOLLOW_UPS,
                policy instanceof JorgeConversationPolicy jorge ? jorge.config().maxUnansweredFollowUps() : 0);
        var router = new QueuedMessageRouter(new WorkflowMessageParser(json), processor,
                new NurtureStepHandler(db, webhooks, conversations, store, followUpPolicy,
                        new FollowUpWriter(messages, audit, store), delivery, zones, workflows, metrics, clock),
                new HandoffResultHandler(db, webhooks, audit, ghl, metrics, clock));
        return new WorkerFunction(database, redis, router, processor, delivery, followUps);
    }

    /** The Jorge bots follow quiet leads up; a policy without a follow-up plan sends none. */
    private static FollowUpPolicy followUpPolicy(ConversationPolicy policy) {
        return policy instanceof JorgeConversationPolicy jorge ? new FollowUpPlanner(jorge) : FollowUpPolicy.NONE;
    }

    /** The Jorge bots' attributes are what outcomes are recorded in; another policy records none. */
    private static LeadScoreAttributes leadScoreAttributes(ConversationPolicy policy) {
        return policy instanceof JorgeConversationPolicy ? new ConversationLeadAttributes() : LeadScoreAttributes.NONE;
    }

    /** Step Functions when a state machine is configured; none otherwise (then the sweep follows leads up). */
    private static LeadWorkflows workflows(PlatformConfig config, ObjectMapper json) {
        String nurture = config.get("NURTURE_STATE_MACHINE_ARN", null);
        String handoff = config.get("HANDOFF_STATE_MACHINE_ARN", null);
        if (nurture == null && handoff == null) return LeadWorkflows.NONE;
        List<String> agents = config.get("HANDOFF_AGENT_IDS").map(v -> Arrays.stream(v.split(","))
                .map(String::strip).filter(a -> !a.isEmpty()).toList()).orElse(List.of());
        var settings = new StepFunctionsWorkflows.Settings(nurture, handoff, agents, config.get("HANDOFF_TEAM_LEAD_ID", null));
        var sfn = SfnClient.builder().httpClient(UrlConnectionHttpClient.create());
        config.get("STEP_FUNCTIONS_ENDPOINT").ifPresent(endpoint -> sfn.endpointOverride(URI.create(endpoint)));
        return new StepFunctionsWorkflows(sfn.build(), settings, json);
    }

    /** The phone's area code first, else the recorded zone, else the team's default zone. */
    private static LeadZones leadZones(ZoneId defaultZone) {
        LeadZoneResolver resolver = LeadZoneResolver.load();
        return (recorded, phone) -> resolver.leadZone(recorded == null ? defaultZone : recorded, phone);
    }

    /** Resolves the GHL token on first use (not at SnapStart snapshot time) and keeps it. */
    private static java.util.function.Supplier<String> tokenOnce(PlatformConfig config) {
        return new java.util.function.Supplier<>() {
            private volatile String token;

            @Override
            public String get() {
                if (token == null) token = config.require("GHL_API_TOKEN");
                return token;
            }
        };
    }

    @Override
    public void close() {
        if (redis != null) redis.close();
        database.close();
    }
}
