package com.jorge.platform.worker.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.approvals.ApprovalPolicies;
import com.jorge.platform.bots.BotSettings;
import com.jorge.platform.bots.JorgeBots;
import com.jorge.platform.bots.JorgeConversationPolicy;
import com.jorge.platform.bots.compliance.LeadZoneResolver;
import com.jorge.platform.bots.temperature.LeadScorer;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.cache.AccessCapture;
import com.jorge.platform.cache.AccessStream;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.LeadCache;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.conversation.FollowUpPolicy;
import com.jorge.platform.ghl.api.GhlApiClient;
import com.jorge.platform.ghl.api.GhlRateLimits;
import com.jorge.platform.ghl.api.GhlTokens;
import com.jorge.platform.ghl.api.RetryPolicy;
import com.jorge.platform.ghl.api.SentMessage;
import com.jorge.platform.ghl.oauth.GhlAuthorization;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.leadscore.InProcessLeadScorer;
import com.jorge.platform.leadscore.LeadScoreClient;
import com.jorge.platform.leadscore.LeadScoreClientSettings;
import com.jorge.platform.leadscore.LeadScoreSettings;
import com.jorge.platform.leadscore.LiveLeadScoreModel;
import com.jorge.platform.leadscore.LiveModelLoader;
import com.jorge.platform.leadscore.ScoreMetrics;
import com.jorge.platform.models.features.ConversationFeatureSet;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.search.bot.BuyerListingSearch;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.ConversationRepository;
import com.jorge.platform.storage.CrmActionOutbox;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.LeadOutcomeRepository;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.OpportunityRepository;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.storage.WebhookEventRepository;
import com.jorge.platform.worker.QueuedMessageRouter;
import com.jorge.platform.worker.approvals.ApprovalGate;
import com.jorge.platform.worker.approvals.ApprovalOutcomes;
import com.jorge.platform.worker.approvals.ApprovalStarts;
import com.jorge.platform.worker.approvals.HeldActions;
import com.jorge.platform.worker.delivery.CrmActionExecutor;
import com.jorge.platform.worker.delivery.OutboxDelivery;
import com.jorge.platform.worker.delivery.OutboxRecords;
import com.jorge.platform.worker.delivery.OutboxRedelivery;
import com.jorge.platform.worker.booking.BookingCalendars;
import com.jorge.platform.worker.booking.BotAppointments;
import com.jorge.platform.worker.booking.FreeSlotCache;
import com.jorge.platform.worker.booking.GhlBookingCalendar;
import com.jorge.platform.worker.delivery.AppointmentActions;
import com.jorge.platform.worker.delivery.OutboxWriter;
import com.jorge.platform.worker.delivery.PipelineStages;
import com.jorge.platform.worker.delivery.RedeliveryBackoff;
import com.jorge.platform.worker.delivery.ReplySender;
import com.jorge.platform.worker.delivery.SentReplyLookup;
import com.jorge.platform.worker.events.ContactRecords;
import com.jorge.platform.worker.events.DealRecords;
import com.jorge.platform.worker.events.HumanReplies;
import com.jorge.platform.worker.events.InboundTurns;
import com.jorge.platform.worker.events.LeadEventDecisions;
import com.jorge.platform.worker.events.LeadEventProcessor;
import com.jorge.platform.worker.followup.FollowUpComposer;
import com.jorge.platform.worker.followup.FollowUpWriter;
import com.jorge.platform.worker.followup.NurtureSchedule;
import com.jorge.platform.worker.followup.NurtureSteps;
import com.jorge.platform.worker.handoff.HandoffResults;
import com.jorge.platform.worker.inbound.QueuedMessageReader;
import com.jorge.platform.worker.outcomes.LeadOutcomeRecorder;
import com.jorge.platform.worker.reengagement.ReEngagementApprovals;
import com.jorge.platform.worker.reengagement.ReEngagementBatches;
import com.jorge.platform.worker.reengagement.ReEngagementSends;
import com.jorge.platform.queue.LeadEventQueue;
import com.jorge.platform.queue.SqsLeadEventQueue;
import com.jorge.platform.reengagement.ReEngagementQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import com.jorge.platform.worker.scoring.ModelLeadScorer;
import com.jorge.platform.worker.scoring.VariantModels;
import com.jorge.platform.worker.state.ConversationStore;
import com.jorge.platform.worker.state.NewLeadWarming;
import com.jorge.platform.worker.state.InstallationStatus;
import com.jorge.platform.worker.state.LeadZones;
import com.jorge.platform.worker.workflow.LeadWorkflows;
import com.jorge.platform.worker.workflow.StepFunctionsWorkflows;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The worker's composition root: its object graph, built from configuration once per Lambda container
 * (or once by the local runtime). Keys: DATABASE_URL, DATABASE_USER/DATABASE_PASSWORD or DATABASE_SECRET
 * (Secrets Manager JSON with username/password), REDIS_URL (+ REDIS_CLUSTER, REDIS_AUTH), GHL_API_BASE_URL,
 * GHL_API_TOKEN, GHL_PIPELINE_ID, GHL_PIPELINE_STAGES, GHL_HANDOFF_USER_ID, BOT_HUMAN_PAUSE_MINUTES,
 * OUTBOX_RETRY_FIRST_SECONDS and OUTBOX_RETRY_LONGEST_SECONDS (the outbox's retry schedule); the
 * workflows: NURTURE_STATE_MACHINE_ARN, HANDOFF_STATE_MACHINE_ARN with HANDOFF_AGENT_IDS and
 * HANDOFF_TEAM_LEAD_ID, APPROVAL_STATE_MACHINE_ARN (turns the approval policies on when a team lead is known,
 * HANDOFF_TEAM_LEAD_ID or else GHL_HANDOFF_USER_ID; with
 * APPROVAL_POLICY_FRESH_SECONDS, APPROVAL_FALLBACK_REPLY, APPROVAL_FALLBACK_REPLY_ES), STEP_FUNCTIONS_ENDPOINT
 * (a local endpoint; AWS's otherwise); BOOKING_CALENDARS (the
 * team's GHL calendar per location and purpose, see {@link BookingCalendars}: the bots offer and book slots);
 * LEAD_EVENTS_QUEUE_URL (and SQS_ENDPOINT locally): where an approved re-engagement batch queues its leads.
 *
 * @param followUps what a follow-up schedule without the lead-nurture workflow needs (the local runtime's sweep)
 */
public record WorkerFunction(Database database, RedisConnector redis, QueuedMessageRouter messages,
                             OutboxDelivery delivery, OutboxRedelivery redelivery, FollowUps followUps)
        implements AutoCloseable {

    /**
     * The parts that compose, store and send a follow-up. The composer's policy is {@link FollowUpPolicy#NONE}
     * when the lead-nurture workflow keeps the schedule: one schedule only.
     */
    public record FollowUps(Transactor db, FollowUpComposer composer, FollowUpWriter writer, ConversationStore store) {}

    /** Lambda: the Jorge bots, configured by the JORGE_BOTS_* settings (see functions/jorge-bots). */
    public static WorkerFunction fromEnvironment(PlatformMetrics metrics) {
        PlatformConfig config = PlatformConfig.fromEnvironment();
        return fromConfig(config, jorgeBots(config, metrics), metrics, Clock.systemUTC());
    }

    /** The Jorge seller and buyer bots, scoring with the rule-based estimate; loads the language model once (about a second). */
    public static BotSuite jorgeBots(Map<String, String> settings) {
        return jorgeBots(PlatformConfig.of(settings), new RecordedMetrics());
    }

    /**
     * The Jorge bots, scoring leads with the live conversation model when MODEL_BUCKET names a model
     * registry (see functions/lead-score-client: LEAD_SCORE_MODEL, LEAD_SCORE_ENDPOINT, S3_ENDPOINT for a
     * local S3), with the rule-based estimate while none is live.
     */
    public static BotSuite jorgeBots(PlatformConfig config, PlatformMetrics metrics) {
        var rules = new RuleBasedLeadScorer();
        BotSettings settings = BotSettings.fromConfig(config);
        S3Client s3 = config.get("MODEL_BUCKET").isPresent() ? s3(config) : null;
        ScoreMetrics.Sink sink = (path, nanos) -> metrics.count(PlatformMetrics.LEAD_SCORES, path.name());
        Optional<LiveLeadScoreModel> live = LiveLeadScoreModel.follow(config, s3, ConversationFeatureSet.INSTANCE,
                sink, Clock.systemUTC(), LiveLeadScoreModel.CHECK_EVERY);
        // without a registry there is no live model either: every lead, in any variant, is scored by the rules
        LeadScorer scorer = live.<LeadScorer>map(model -> new ModelLeadScorer(model,
                VariantModels.fromConfig(config, settings.experiments(), registryVersions(config, s3, sink), metrics,
                        Clock.systemUTC()), rules, metrics)).orElse(rules);
        return JorgeBots.suite(settings, scorer);
    }

    /**
     * Opens a named registry version of the live model in this process (a model_version variant's); the tier is
     * asked for the live model only. A version of another feature set is refused like a live one would be.
     */
    private static Function<String, LeadScoreClient> registryVersions(PlatformConfig config, S3Client s3,
                                                                      ScoreMetrics.Sink sink) {
        LeadScoreSettings registry = LeadScoreSettings.fromConfig(config).orElseThrow();
        LiveModelLoader loader = new LiveModelLoader(s3, registry.bucket(), registry.prefix());
        return version -> {
            InProcessLeadScorer scorer = loader.loadVersion(registry.model(), version);
            if (scorer.featureSet() != ConversationFeatureSet.INSTANCE) {
                scorer.close();
                throw new IllegalStateException("version " + version + " encodes " + scorer.featureSet().version()
                        + ", the bots " + ConversationFeatureSet.INSTANCE.version());
            }
            return new LeadScoreClient(LeadScoreClientSettings.inProcessOnly(registry.model()), scorer, new ScoreMetrics(sink));
        };
    }

    private static S3Client s3(PlatformConfig config) {
        var s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        config.get("S3_ENDPOINT").ifPresent(endpoint -> s3.endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .region(Region.of(config.get("AWS_REGION", "us-east-1"))));
        return s3.build();
    }

    public static WorkerFunction fromConfig(PlatformConfig config, BotSuite bots, PlatformMetrics metrics, Clock clock) {
        return fromConfig(config, bots, metrics, clock, queueFromConfig(config));
    }

    /**
     * The lead-events queue an approved re-engagement batch queues its leads on: SQS FIFO from
     * LEAD_EVENTS_QUEUE_URL (SQS_ENDPOINT for a local SQS); null without one.
     */
    public static LeadEventQueue queueFromConfig(PlatformConfig config) {
        String url = config.get("LEAD_EVENTS_QUEUE_URL", null);
        if (url == null) return null;
        var sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(3)).build());
        config.get("SQS_ENDPOINT").ifPresent(endpoint -> sqs.endpointOverride(URI.create(endpoint))
                .region(Region.of(config.get("AWS_REGION", "us-east-1"))));
        return new SqsLeadEventQueue(sqs.build(), url);
    }

    /** @param leadEvents where an approved re-engagement batch queues its leads; null: it cannot (its answer fails) */
    public static WorkerFunction fromConfig(PlatformConfig config, BotSuite bots, PlatformMetrics metrics, Clock clock,
                                            LeadEventQueue leadEvents) {
        ObjectMapper json = PlatformJson.mapper();
        Database database = Database.open(Database.Settings.fromConfig(config));
        if (config.getBoolean("DATABASE_MIGRATE", true)) database.migrate();
        RedisConnector redis = RedisConnector.fromConfig(config, Duration.ofMillis(200));
        CacheKeys keys = new CacheKeys(config.get("REDIS_NAMESPACE", "jorge"));
        LeadCache cache = redis == null ? null : withAccessCapture(new LeadCache(redis, keys, json, Duration.ofDays(7),
                Duration.ofDays(1)), AccessCapture.Settings.fromConfig(config), redis, keys);
        Transactor db = new Transactor(database.dataSource());
        GhlApiClient ghl = ghlClient(config, GhlAuthorization.fromConfig(config, database.dataSource(), metrics), json, metrics);
        var webhooks = new WebhookEventRepository();
        var contacts = new ContactRepository();
        var messages = new MessageRepository();
        var opportunities = new OpportunityRepository();
        var audit = new AuditLog(json);
        var conversations = new ConversationRepository(json);
        LeadWorkflows workflows = workflows(config, json);

        SentReplyLookup sentReplies = (lead, body, since) -> ghl.findSentSms(lead, body, since).map(SentMessage::id);
        var replySender = new ReplySender(ghl, sentReplies, db, messages, metrics, clock);
        BookingCalendars calendars = BookingCalendars.parse(config.get("BOOKING_CALENDARS", null));
        var appointments = new BotAppointments();
        var crm = new CrmActionExecutor(ghl, PipelineStages.parse(config.get("GHL_PIPELINE_ID", null),
                config.get("GHL_PIPELINE_STAGES", null)), config.get("GHL_HANDOFF_USER_ID", null), db, opportunities,
                workflows, new AppointmentActions(ghl, calendars, config.get("GHL_HANDOFF_USER_ID", null), db, appointments,
                messages, replySender, clock), clock);
        var crmOutbox = new CrmActionOutbox(json);
        var outbox = new OutboxWriter(messages, crmOutbox);
        var delivery = new OutboxDelivery(new OutboxRecords(db, messages, crmOutbox, webhooks, audit), replySender, crm, new RedeliveryBackoff(
                Duration.ofSeconds(config.getInt("OUTBOX_RETRY_FIRST_SECONDS", (int) RedeliveryBackoff.FIRST.toSeconds())),
                Duration.ofSeconds(config.getInt("OUTBOX_RETRY_LONGEST_SECONDS", (int) RedeliveryBackoff.LONGEST.toSeconds()))),
                metrics, clock);
        var store = new ConversationStore(cache, conversations, contacts, metrics).withNewLeadWarming(redis == null ? null
                : new NewLeadWarming(redis, keys, json, NewLeadWarming.Settings.fromConfig(config)));
        LeadZones zones = leadZones(ZoneId.of(config.get("JORGE_BOTS_DEFAULT_ZONE", "America/Chicago")));
        var followUpWriter = new FollowUpWriter(outbox, audit, store);
        var installations = new InstallationStatus();
        var held = new HeldActions(json);
        var reEngagementBatches = new ReEngagementBatches(json);
        var gate = new ApprovalGate(workflows.asksApprovals(), new ApprovalPolicies(metrics), held, audit, metrics,
                Duration.ofSeconds(config.getInt("APPROVAL_POLICY_FRESH_SECONDS", 60)), clock);

        var decisions = new LeadEventDecisions(
                new InboundTurns(contacts, messages, store, withListings(withCalendars(bots.policy(), calendars,
                        () -> GhlBookingCalendar.cacheOver(ghl, FreeSlotCache.Settings.fromConfig(config), clock)),
                        config, database, redis, metrics, clock), zones, outbox,
                        new NurtureSchedule(workflows, bots.followUps()), gate, audit, clock),
                new HumanReplies(contacts, messages, audit, store,
                        Duration.ofMinutes(config.getInt("BOT_HUMAN_PAUSE_MINUTES", 60)), clock),
                new ContactRecords(contacts, audit, store),
                new DealRecords(opportunities, new LeadOutcomeRecorder(new LeadOutcomeRepository(json),
                        bots.leadScoreAttributes()), audit, store, appointments, metrics, clock),
                installations, audit);
        var router = new QueuedMessageRouter(new QueuedMessageReader(json),
                new LeadEventProcessor(db, webhooks, decisions, store, delivery,
                        new ApprovalStarts(db, held, webhooks, workflows, clock), metrics, clock),
                new NurtureSteps(db, webhooks, new FollowUpComposer(store, bots.followUps(), zones, installations), followUpWriter,
                        delivery, workflows, metrics, clock),
                new HandoffResults(db, webhooks, audit, ghl, metrics, clock),
                new ApprovalOutcomes(db, held, store, contacts, installations, messages, delivery, audit, new ApprovalOutcomes.FallbackReplies(
                        config.get("APPROVAL_FALLBACK_REPLY", ApprovalOutcomes.FallbackReplies.DEFAULT.english()),
                        config.get("APPROVAL_FALLBACK_REPLY_ES", ApprovalOutcomes.FallbackReplies.DEFAULT.spanish())),
                        metrics, clock),
                new ReEngagementSends(db, reEngagementBatches, webhooks, new FollowUpComposer(store, bots.followUps(), zones,
                        installations), followUpWriter, delivery, audit, metrics, clock),
                new ReEngagementApprovals(db, reEngagementBatches, workflows,
                        leadEvents == null ? null : new ReEngagementQueue(leadEvents, json, clock), audit, metrics, clock));
        // one follow-up schedule only: lead-nurture's when the workflow is deployed, the sweep's otherwise
        var followUps = new FollowUps(db, new FollowUpComposer(store,
                workflows.keepsFollowUpSchedule() ? FollowUpPolicy.NONE : bots.followUps(), zones, installations), followUpWriter, store);
        return new WorkerFunction(database, redis, router, delivery,
                new OutboxRedelivery(db, webhooks, delivery, metrics, clock), followUps);
    }

    /** Each call carries its location's token: a Marketplace install's own, or the private integration's. */
    private static GhlApiClient ghlClient(PlatformConfig config, GhlTokens tokens, ObjectMapper json, PlatformMetrics metrics) {
        return new GhlApiClient(new GhlApiClient.Settings(
                URI.create(config.get("GHL_API_BASE_URL", "https://services.leadconnectorhq.com")),
                Duration.ofSeconds(2),
                Duration.ofSeconds(config.getInt("GHL_API_TIMEOUT_SECONDS", 5)),
                RetryPolicy.ghlDefaults(), GhlRateLimits.Limits.fromConfig(config)), tokens, json, metrics);
    }

    /** Step Functions when a state machine is configured; none otherwise (then the sweep follows leads up). */
    private static LeadWorkflows workflows(PlatformConfig config, ObjectMapper json) {
        String nurture = config.get("NURTURE_STATE_MACHINE_ARN", null);
        String handoff = config.get("HANDOFF_STATE_MACHINE_ARN", null);
        String approval = config.get("APPROVAL_STATE_MACHINE_ARN", null);
        if (nurture == null && handoff == null && approval == null) return LeadWorkflows.NONE;
        List<String> agents = config.get("HANDOFF_AGENT_IDS").map(v -> Arrays.stream(v.split(","))
                .map(String::strip).filter(a -> !a.isEmpty()).toList()).orElse(List.of());
        var settings = new StepFunctionsWorkflows.Settings(nurture, handoff, agents, config.get("HANDOFF_TEAM_LEAD_ID",
                config.get("GHL_HANDOFF_USER_ID", null)), approval);
        var sfn = SfnClient.builder().httpClient(UrlConnectionHttpClient.create());
        config.get("STEP_FUNCTIONS_ENDPOINT").ifPresent(endpoint -> sfn.endpointOverride(URI.create(endpoint)));
        return new StepFunctionsWorkflows(sfn.build(), settings, json);
    }

    /** The zone GHL recorded on the contact first, else the phone's area code's, else the team's default zone. */
    private static LeadZones leadZones(ZoneId defaultZone) {
        LeadZoneResolver resolver = LeadZoneResolver.load();
        return (recorded, phone) -> resolver.leadZone(recorded, defaultZone, phone);
    }

    @Override
    public void close() {
        if (redis != null) redis.close();
        database.close();
    }

    /**
     * Samples the lead cache's reads into the access stream the cache-warmer learns from, when
     * {@code ACCESS_CAPTURE_SAMPLE_EVERY} is set (off the reply path: a bounded queue drained by its own thread).
     */
    private static LeadCache withAccessCapture(LeadCache cache, AccessCapture.Settings settings, RedisConnector redis,
                                               CacheKeys keys) {
        if (!settings.enabled()) return cache;
        return cache.withAccessCapture(new AccessCapture(settings.sampleEvery(), settings.queueCapacity(),
                new AccessStream(redis, keys)));
    }

    /**
     * The Jorge buyer bot texts matching listings once a buyer gave area, budget and bedrooms, when
     * {@code SEARCH_LISTINGS} is on (property-search's settings: {@code SEARCH_CACHE_*}, {@code SEARCH_LISTING_LINK},
     * {@code SEARCH_LOAD_SAMPLE}); its semantic cache needs Redis.
     */
    private static ConversationPolicy withListings(ConversationPolicy policy, PlatformConfig config, Database database,
                                                   RedisConnector redis, PlatformMetrics metrics, Clock clock) {
        if (!config.getBoolean("SEARCH_LISTINGS", false) || redis == null
                || !(policy instanceof JorgeConversationPolicy jorge)) return policy;
        return jorge.withListings(BuyerListingSearch.fromConfig(config, database.dataSource(), redis.commands(), metrics, clock));
    }

    /** The Jorge bots offer and book slots of the team's calendars when any is configured. */
    private static ConversationPolicy withCalendars(ConversationPolicy policy, BookingCalendars calendars,
                                                    Supplier<FreeSlotCache> slots) {
        return policy instanceof JorgeConversationPolicy jorge && calendars.any()
                ? jorge.withCalendar(new GhlBookingCalendar(slots.get(), calendars)) : policy;
    }

}
