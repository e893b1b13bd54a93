package com.jorge.platform.local;

import com.jorge.platform.queue.LeadEventQueue;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.inbox.InboxFunction;
import com.jorge.platform.inbox.InboxSettings;
import com.jorge.platform.inbox.auth.Caller;
import com.jorge.platform.inbox.auth.Members;
import com.jorge.platform.inbox.offers.StepFunctionsTasks;
import com.jorge.platform.inbox.offers.WorkflowTasks;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.testkit.LocalCognito;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.net.MalformedURLException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The agents' inbox on the local runtime: λ agent-inbox's own code (the Micronaut function behind the
 * gateway's {@code /inbox}), with a local Cognito (issuer, JWKS, the page's sign-in: testkit's
 * {@link LocalCognito}) standing in for the user pool, and one team lead for the demo locations, whose
 * password is made at start-up. Task tokens are answered with the real Step Functions client against
 * {@link LocalApprovalWorkflow} when it runs (approvals wait here then); the hand-off workflow does not run
 * locally (a hand-off goes straight to {@code GHL_HANDOFF_USER_ID}), so no offer waits here, and without
 * the approval workflow a task-token answer finds nothing waiting ({@link WorkflowTasks.Answer#GONE}).
 */
final class LocalInbox implements AutoCloseable {

    static final String PATH = "/inbox";
    static final String TEAM_LEAD = "team.lead@demo.local";
    /** Who the demo team lead is in GHL (the approval workflow's {@code teamLeadId}, an escalation's assignee). */
    static final String TEAM_LEAD_GHL_USER = "local-team-lead";
    /** The demo team lead's own GHL contact: approval notices reach them there by SMS (the fake GHL records them). */
    static final String TEAM_LEAD_NOTIFY_CONTACT = "c-local-team-lead";
    /** The demo admin, member of the same locations: the GDPR routes ({@code /inbox/api/admin/contacts/...}) are theirs. */
    static final String ADMIN = "admin@demo.local";
    static final String ADMIN_GHL_USER = "local-admin";

    private final LocalCognito cognito;
    private final Database database;
    private final ApplicationContext context;
    private final APIGatewayV2HTTPEventFunction handler;
    private final LocalCognito.User teamLead;
    private final LocalCognito.User admin;
    private final InboxFunction function;
    private final SfnClient sfn;

    private LocalInbox(LocalCognito cognito, Database database, ApplicationContext context, LocalCognito.User teamLead,
                       LocalCognito.User admin, InboxFunction function, SfnClient sfn) {
        this.function = function;
        this.sfn = sfn;
        this.cognito = cognito;
        this.database = database;
        this.context = context;
        this.handler = new APIGatewayV2HTTPEventFunction(context);
        this.teamLead = teamLead;
        this.admin = admin;
    }

    /**
     * {@code settings}: the platform's (database, Redis, GHL), as the other functions read them;
     * {@code stepFunctions}: the local workflows' endpoint, null when none runs.
     */
    /** @param leadEvents the local lead-events queue a team lead's bulk re-engagement is queued on (null: previews only) */
    static LocalInbox start(Map<String, String> settings, List<String> locations, PlatformMetrics metrics, URI stepFunctions,
                            LeadEventQueue leadEvents) {
        LocalCognito cognito = new LocalCognito(Clock.systemUTC());
        SfnClient sfn = stepFunctions == null ? null : SfnClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(stepFunctions).region(Region.of(settings.getOrDefault("AWS_REGION", "us-east-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        try {
            Map<String, String> values = new HashMap<>(settings);
            values.put("COGNITO_ISSUER", cognito.issuer());
            values.put("COGNITO_CLIENT_ID", LocalCognito.CLIENT_ID);
            values.put("COGNITO_JWKS_URL", cognito.jwksUrl().toString());
            values.put("COGNITO_AUTH_ENDPOINT", cognito.authEndpoint().toString());
            values.putIfAbsent("INBOX_PAGE_URL", PATH + "/");
            values.put("DATABASE_MIGRATE", "false"); // the worker migrated the schema
            values.put("DATABASE_POOL_SIZE", "2");
            PlatformConfig config = PlatformConfig.of(values);
            WorkflowTasks tasks = sfn != null ? new StepFunctionsTasks(sfn) : new WorkflowTasks() {
                @Override
                public Answer succeed(String taskToken, String outputJson) {
                    return Answer.GONE;
                }

                @Override
                public Answer fail(String taskToken, String error, String cause) {
                    return Answer.GONE;
                }
            };
            InboxFunction function = InboxFunction.fromConfig(config, InboxSettings.fromConfig(config),
                    JWKSourceBuilder.create(cognito.jwksUrl().toURL()).build(), tasks, leadEvents, metrics, Clock.systemUTC());
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            String password = "Local-" + HexFormat.of().formatHex(random);
            LocalCognito.User lead = cognito.addUser(TEAM_LEAD, password, "team_lead");
            new SecureRandom().nextBytes(random);
            LocalCognito.User admin = cognito.addUser(ADMIN, "Local-" + HexFormat.of().formatHex(random), "admin");
            Database database = Database.open(Database.Settings.fromConfig(config));
            new Transactor(database.dataSource()).inTransaction(c -> {
                for (String location : locations) {
                    new Members().add(c, lead.subject(), new Caller.Membership(location, TEAM_LEAD_GHL_USER,
                            TEAM_LEAD_NOTIFY_CONTACT));
                    new Members().add(c, admin.subject(), new Caller.Membership(location, ADMIN_GHL_USER, null));
                }
                return null;
            });
            return new LocalInbox(cognito, database, ApplicationContext.builder().singletons(function.inbox()).start(), lead,
                    admin, function, sfn);
        } catch (MalformedURLException | RuntimeException e) {
            if (sfn != null) sfn.close();
            cognito.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    /** A message on the AgentNotifications topic, as λ agent-inbox-offers ({@code OfferNoticeHandler}) takes it. */
    void agentNotification(String message) {
        if (!function.approvalRequests().handle(message)) function.offerNotices().handle(message);
    }

    /** The demo team lead's password (made at start-up; printed with the runtime's description). */
    String password() {
        return teamLead.password();
    }

    /** The demo admin's password (made at start-up; printed with the runtime's description). */
    String adminPassword() {
        return admin.password();
    }

    /** A token of the demo team lead, as the page gets it at sign-in. */
    String teamLeadToken() {
        return cognito.token(teamLead);
    }

    @Override
    public void close() {
        context.close();
        database.close();
        if (sfn != null) sfn.close();
        cognito.close();
    }
}
