package com.jorge.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.LeadCache;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.contactdata.ContactDataFunction;
import com.jorge.platform.ghl.api.GhlApiClient;
import com.jorge.platform.inbox.admin.ContactRequests;
import com.jorge.platform.ghl.api.GhlRateLimits;
import com.jorge.platform.ghl.api.RetryPolicy;
import com.jorge.platform.ghl.oauth.GhlAuthorization;
import com.jorge.platform.inbox.approvals.ApprovalDecisions;
import com.jorge.platform.inbox.approvals.ApprovalRepository;
import com.jorge.platform.inbox.approvals.ApprovalRequests;
import com.jorge.platform.inbox.auth.AccessTokens;
import com.jorge.platform.inbox.auth.Callers;
import com.jorge.platform.inbox.auth.Members;
import com.jorge.platform.inbox.leads.LeadAccess;
import com.jorge.platform.limits.RequestLimits;
import com.jorge.platform.inbox.leads.LeadDesk;
import com.jorge.platform.inbox.offers.AgentNotices;
import com.jorge.platform.inbox.offers.OfferDecisions;
import com.jorge.platform.inbox.offers.OfferNotices;
import com.jorge.platform.inbox.offers.OfferRepository;
import com.jorge.platform.inbox.offers.StepFunctionsTasks;
import com.jorge.platform.inbox.offers.WorkflowTasks;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.approvals.ApprovalPolicies;
import com.jorge.platform.inbox.reengagement.ColdLeads;
import com.jorge.platform.inbox.reengagement.ReEngagementTexts;
import com.jorge.platform.inbox.reengagement.ReEngagements;
import com.jorge.platform.queue.LeadEventQueue;
import com.jorge.platform.queue.SqsLeadEventQueue;
import com.jorge.platform.reengagement.ReEngagementQueue;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.ConversationRepository;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.Transactor;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The inbox's composition root, from configuration: the API's {@link Inbox}, and for the AgentNotifications
 * topic the offers' {@link OfferNotices} and the approvals' {@link ApprovalRequests}.
 */
public record InboxFunction(Inbox inbox, OfferNotices offerNotices, ApprovalRequests approvalRequests) {

    public static InboxFunction fromConfig(PlatformConfig config, PlatformMetrics metrics) {
        InboxSettings settings = InboxSettings.fromConfig(config);
        return fromConfig(config, settings, jwks(settings.jwksUrl()), new StepFunctionsTasks(sfn(settings)), metrics,
                Clock.systemUTC());
    }

    /** Tests and the local runtime: their own key source, workflow and clock; the queue from LEAD_EVENTS_QUEUE_URL. */
    public static InboxFunction fromConfig(PlatformConfig config, InboxSettings settings, JWKSource<SecurityContext> keys,
                                           WorkflowTasks tasks, PlatformMetrics metrics, Clock clock) {
        return fromConfig(config, settings, keys, tasks, leadEvents(config), metrics, clock);
    }

    /**
     * @param leadEvents where a re-engagement batch is queued for the bot worker; null: previews only (a batch is
     *                   answered 503)
     */
    public static InboxFunction fromConfig(PlatformConfig config, InboxSettings settings, JWKSource<SecurityContext> keys,
                                           WorkflowTasks tasks, LeadEventQueue leadEvents, PlatformMetrics metrics,
                                           Clock clock) {
        ObjectMapper json = PlatformJson.mapper();
        Database database = Database.open(Database.Settings.fromConfig(config));
        if (config.getBoolean("DATABASE_MIGRATE", true)) database.migrate();
        Transactor db = new Transactor(database.dataSource());
        RedisConnector redis = RedisConnector.fromConfig(config, Duration.ofMillis(200));
        LeadCache cache = redis == null ? null : new LeadCache(redis, new CacheKeys(config.get("REDIS_NAMESPACE", "jorge")),
                json, Duration.ofDays(7), Duration.ofDays(1));
        var members = new Members();
        var offers = new OfferRepository();
        var audit = new AuditLog(json);
        var callers = new Callers(new AccessTokens(keys, settings.issuer(), settings.clientId(), settings.maxTokenLifetime()),
                members, db);
        var leads = new LeadDesk(db, new LeadAccess(offers), new ConversationRepository(json), new ContactRepository(),
                new MessageRepository(), offers, audit, cache, clock);
        var approvals = new ApprovalRepository(json);
        var ghl = new GhlApiClient(new GhlApiClient.Settings(
                URI.create(config.get("GHL_API_BASE_URL", "https://services.leadconnectorhq.com")), Duration.ofSeconds(2),
                Duration.ofSeconds(config.getInt("GHL_API_TIMEOUT_SECONDS", 5)), RetryPolicy.ghlDefaults(),
                GhlRateLimits.Limits.fromConfig(config)), GhlAuthorization.fromConfig(config, database.dataSource(), metrics),
                json, metrics);
        var agentNotices = new AgentNotices(ghl, settings.pageUrl());
        var inbox = new Inbox(callers, new OfferDecisions(db, offers, tasks, audit, json, clock),
                new ApprovalDecisions(db, approvals, members, tasks, agentNotices, audit, json, clock), leads,
                contactRequests(config, db, redis),
                new ReEngagements(db, new ColdLeads(), new ApprovalPolicies(metrics), ReEngagementTexts.fromConfig(config),
                        leadEvents == null ? null : new ReEngagementQueue(leadEvents, json, clock), audit, json, clock),
                new Inbox.PageSettings(settings.authEndpoint(), settings.clientId()),
                RequestLimits.fromConfig(config, "inbox", settings.perClient(), settings.perLocation()), json);
        var notices = new OfferNotices(db, offers, members, agentNotices, json, metrics, clock);
        return new InboxFunction(inbox, notices, new ApprovalRequests(db, approvals, members, agentNotices, json, clock));
    }

    /**
     * lead-events.fifo from LEAD_EVENTS_QUEUE_URL (SQS_ENDPOINT for a local SQS): the same queue the webhook intake
     * fills, with the same short deadlines (a send that hangs is a 503 to retry, never a Lambda timeout).
     */
    private static LeadEventQueue leadEvents(PlatformConfig config) {
        String url = config.get("LEAD_EVENTS_QUEUE_URL", null);
        if (url == null) return null;
        var sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(2)).build())
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofSeconds(2)).apiCallTimeout(Duration.ofSeconds(5)));
        config.get("SQS_ENDPOINT").ifPresent(endpoint -> sqs.endpointOverride(URI.create(endpoint))
                .region(Region.of(config.get("AWS_REGION", "us-east-1"))));
        return new SqsLeadEventQueue(sqs.build(), url);
    }

    private static ContactRequests contactRequests(PlatformConfig config, Transactor db, RedisConnector redis) {
        ContactDataFunction.Parts parts = ContactDataFunction.of(config, db, redis);
        return new ContactRequests(parts.export(), parts.erasure());
    }

    private static JWKSource<SecurityContext> jwks(URI url) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(url.toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("COGNITO_JWKS_URL is not a URL", e);
        }
    }

    private static SfnClient sfn(InboxSettings settings) {
        var sfn = SfnClient.builder().httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(3)).build());
        settings.stepFunctionsEndpoint().ifPresent(endpoint -> sfn.endpointOverride(URI.create(endpoint)));
        return sfn.build();
    }
}
