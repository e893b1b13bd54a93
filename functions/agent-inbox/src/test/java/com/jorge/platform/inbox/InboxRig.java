package com.jorge.platform.inbox;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.Temperature;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.inbox.auth.Caller;
import com.jorge.platform.inbox.auth.Members;
import com.jorge.platform.inbox.offers.StepFunctionsTasks;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.ConversationRepository;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.testkit.LocalCognito;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.StepFunctionsTaskStandIn;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.net.MalformedURLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The inbox as Lambda runs it (Micronaut's payload-2.0 function) on real PostgreSQL and Redis, with a
 * local Cognito pool, the real Step Functions SDK client against a stand-in, and the fake GHL API.
 */
final class InboxRig implements AutoCloseable {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T15:00:00Z"));
    final TestPostgres.Schema schema;
    final LocalCognito cognito = new LocalCognito(java.time.Clock.systemUTC());
    final StepFunctionsTaskStandIn sfn = new StepFunctionsTaskStandIn();
    final FakeGhlServer ghl = FakeGhlServer.start(0);
    final RecordedMetrics metrics = new RecordedMetrics();
    final InboxFunction function;
    final Database database;
    final Transactor db;
    private final ApplicationContext context;
    private final APIGatewayV2HTTPEventFunction handler;

    final String redisNamespace;

    InboxRig(String purpose) {
        this(purpose, Map.of());
    }

    InboxRig(String purpose, Map<String, String> moreSettings) {
        schema = TestPostgres.migratedSchema(purpose);
        redisNamespace = TestRedis.namespace(purpose);
        Map<String, String> values = new HashMap<>(Map.of(
                "DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(), "DATABASE_PASSWORD", schema.password(),
                "REDIS_URL", TestRedis.standaloneUrl(), "REDIS_NAMESPACE", redisNamespace,
                "GHL_API_BASE_URL", ghl.baseUrl().toString(), "GHL_API_TOKEN", "pit-test",
                "COGNITO_ISSUER", cognito.issuer(), "COGNITO_CLIENT_ID", LocalCognito.CLIENT_ID,
                "COGNITO_JWKS_URL", cognito.jwksUrl().toString()));
        values.put("COGNITO_AUTH_ENDPOINT", cognito.authEndpoint().toString());
        values.put("INBOX_PAGE_URL", "https://inbox.example/inbox/");
        // the erasure's two Redis passes, close together: no worker races these tests' erasures
        values.put("CONTACT_ERASE_SETTLE_MS", "10");
        // the authorisation matrix texts 150 offer notices to one location within seconds; GHL's burst
        // limit of 100 per 10 s (which the client keeps) is not what these tests are about
        values.put("GHL_RATE_BURST_PERMITS", "10000");
        values.putAll(moreSettings);
        PlatformConfig config = PlatformConfig.of(values);
        SfnClient client = SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")))
                .endpointOverride(sfn.endpoint()).build();
        try {
            function = InboxFunction.fromConfig(config, InboxSettings.fromConfig(config),
                    JWKSourceBuilder.create(cognito.jwksUrl().toURL()).build(), new StepFunctionsTasks(client), metrics, clock);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        database = Database.open(Database.Settings.fromConfig(config));
        db = new Transactor(database.dataSource());
        context = ApplicationContext.builder().singletons(function.inbox()).start();
        handler = new APIGatewayV2HTTPEventFunction(context);
    }

    /** A person of the pool who belongs to {@code locations} as GHL user {@code ghlUserId} (with a notify contact). */
    LocalCognito.User person(String role, String ghlUserId, String... locations) {
        LocalCognito.User user = cognito.addUser(ghlUserId + "@team.example", "pw-" + ghlUserId, role);
        db.inTransaction(c -> {
            for (String location : locations) {
                new Members().add(c, user.subject(), new Caller.Membership(location, ghlUserId, "notify-" + ghlUserId));
            }
            return null;
        });
        return user;
    }

    /** A lead the bot has talked to, hot, with two texts. */
    LeadRef lead(String locationId, String contactId) {
        LeadRef lead = new LeadRef(locationId, contactId);
        db.inTransaction(c -> {
            new ContactRepository().ensureExists(c, lead);
            new ConversationRepository(PlatformJson.mapper()).save(c, lead, ConversationState.fresh(BotType.SELLER)
                    .withStage("qualified").withTemperature(Temperature.HOT, List.of("pre-approved", "selling within 30 days")));
            var messages = new MessageRepository();
            messages.recordInbound(c, lead, "I want to sell my house in 30 days", "SMS", null, "wh-" + UUID.randomUUID());
            messages.recordHumanOutbound(c, lead, "Great, let's talk", "SMS", null, "wh-" + UUID.randomUUID());
            return null;
        });
        return lead;
    }

    /** The hand-off workflow offers {@code lead} to {@code agentId}; returns the offer id and its token. */
    String[] offer(LeadRef lead, String agentId) {
        String token = "token-" + UUID.randomUUID();
        function.offerNotices().handle(PlatformJson.mapper().createObjectNode().put("type", "handoff.offer")
                .put("contactId", lead.contactId()).put("locationId", lead.locationId()).put("agentId", agentId)
                .put("reason", "pre-approved buyer, 30 days").put("expiresInSeconds", 900).put("taskToken", token).toString());
        String id = db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT offer_id FROM handoff_offers WHERE task_token = ?")) {
                ps.setString(1, token);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        return new String[] {id, token};
    }

    /** The approval workflow asks a person about a price opinion for {@code lead}; returns the approval's id. */
    String approval(LeadRef lead) {
        return approvalWithToken(lead)[0];
    }

    /** The same, with the request's task token. */
    String[] approvalWithToken(LeadRef lead) {
        String token = "tok-" + UUID.randomUUID();
        boolean recorded = function.approvalRequests().handle(PlatformJson.mapper().createObjectNode().put("type", "approval.request")
                .put("locationId", lead.locationId()).put("contactId", lead.contactId()).put("kind", "price_opinion")
                .put("summary", "Tell the lead the home is worth about $640k").put("expiresInSeconds", 900)
                .put("taskToken", token).set("rules", PlatformJson.mapper().createArrayNode().add("price_opinion")).toString());
        if (!recorded) throw new IllegalStateException("the approval request was not recorded");
        String id = db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT approval_id FROM approvals WHERE task_token = ?")) {
                ps.setString(1, token);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        return new String[] {id, token};
    }

    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    APIGatewayV2HTTPResponse call(String method, String path, String token, String body) {
        return call(method, path, token, body, "203.0.113.7");
    }

    APIGatewayV2HTTPResponse call(String method, String path, String token, String body, String sourceIp) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        int query = path.indexOf('?');
        if (query >= 0) {
            event.setRawQueryString(path.substring(query + 1));
            Map<String, String> parameters = new HashMap<>();
            for (String pair : path.substring(query + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                        kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
            }
            event.setQueryStringParameters(parameters);
            path = path.substring(0, query);
        }
        event.setRawPath(path);
        event.setRouteKey("$default");
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (token != null) headers.put("authorization", "Bearer " + token);
        event.setHeaders(headers);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                        .withSourceIp(sourceIp).build())
                .withRequestId(UUID.randomUUID().toString()).build());
        return handler.handleRequest(event, null);
    }

    JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return PlatformJson.mapper().readTree(response.getBody() == null ? "{}" : response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    @Override
    public void close() {
        context.close();
        database.close();
        ghl.close();
        sfn.close();
        cognito.close();
        schema.close();
    }
}
